import "server-only";
import { and, eq, ilike, sql, type SQL } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import { emailOutbox, type EmailStatus } from "@/db/schema";
import { cursorTime, escapeLike, keyset, keysetPage, type PageRequest } from "./search";

/** Records a message queued for delivery; its bodies must already have every secret redacted. */
export async function createOutboxEntry(
  entry: { toAddress: string; template: string; subject: string; textBody: string; htmlBody: string; jobId: string },
  db: Database = getDb(),
): Promise<string> {
  const [row] = await db
    .insert(emailOutbox)
    .values({ ...entry, status: "queued" })
    .returning({ id: emailOutbox.id });
  return row!.id;
}

/** One delivery attempt's outcome: "sent", "logged" (no SMTP configured), or an error with whether it was the last try. */
export async function recordDeliveryAttempt(
  id: string,
  outcome: { status: "sent" | "logged" } | { status: "queued" | "failed"; error: string },
  db: Database = getDb(),
): Promise<void> {
  await db
    .update(emailOutbox)
    .set({
      status: outcome.status,
      attempts: sql`${emailOutbox.attempts} + 1`,
      error: "error" in outcome ? outcome.error : null,
      sentAt: outcome.status === "sent" ? new Date() : null,
    })
    .where(eq(emailOutbox.id, id));
}

export async function getOutboxEntry(id: string, db: Database = getDb()) {
  const [row] = await db
    .select({ id: emailOutbox.id, status: emailOutbox.status, attempts: emailOutbox.attempts, error: emailOutbox.error, sentAt: emailOutbox.sentAt })
    .from(emailOutbox)
    .where(eq(emailOutbox.id, id));
  return row ?? null;
}

/** One newest-first page of the outbox (keyset over createdAt, id), without the bodies. */
export async function adminListOutbox(filters: { status?: EmailStatus; query?: string }, page: PageRequest, db: Database = getDb()) {
  const conditions: SQL[] = [];
  if (filters.status) conditions.push(eq(emailOutbox.status, filters.status));
  const term = filters.query?.trim();
  if (term) conditions.push(ilike(emailOutbox.toAddress, `%${escapeLike(term)}%`));
  const { where, orderBy } = keyset(emailOutbox.createdAt, emailOutbox.id, page);
  const found = await db
    .select({
      id: emailOutbox.id,
      toAddress: emailOutbox.toAddress,
      subject: emailOutbox.subject,
      template: emailOutbox.template,
      status: emailOutbox.status,
      attempts: emailOutbox.attempts,
      error: emailOutbox.error,
      createdAt: emailOutbox.createdAt,
      sentAt: emailOutbox.sentAt,
      cursorTime: cursorTime(emailOutbox.createdAt),
    })
    .from(emailOutbox)
    .where(and(...conditions, where))
    .orderBy(...orderBy)
    .limit(page.limit + 1);
  return keysetPage(found, page);
}

/** One message as staff see it: the stored text body (its secret links were redacted before it was stored). */
export async function adminGetOutboxEntry(id: string, db: Database = getDb()) {
  const [row] = await db
    .select({
      id: emailOutbox.id,
      toAddress: emailOutbox.toAddress,
      subject: emailOutbox.subject,
      template: emailOutbox.template,
      textBody: emailOutbox.textBody,
      status: emailOutbox.status,
      attempts: emailOutbox.attempts,
      error: emailOutbox.error,
      createdAt: emailOutbox.createdAt,
      sentAt: emailOutbox.sentAt,
    })
    .from(emailOutbox)
    .where(eq(emailOutbox.id, id));
  return row ?? null;
}

/** Locks a message for a retry and says where its delivery stands (only a failed one may be retried). */
export async function lockOutboxEntry(id: string, db: Database = getDb()) {
  const [row] = await db
    .select({
      id: emailOutbox.id,
      status: emailOutbox.status,
      jobId: emailOutbox.jobId,
      toAddress: emailOutbox.toAddress,
      template: emailOutbox.template,
      subject: emailOutbox.subject,
      textBody: emailOutbox.textBody,
      htmlBody: emailOutbox.htmlBody,
    })
    .from(emailOutbox)
    .where(eq(emailOutbox.id, id))
    .for("update");
  return row ?? null;
}

/** Hands a failed message to a new delivery job. */
export async function requeueOutboxEntry(id: string, jobId: string, db: Database = getDb()): Promise<void> {
  await db.update(emailOutbox).set({ status: "queued", jobId }).where(eq(emailOutbox.id, id));
}
