import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import { emailOutbox } from "@/db/schema";

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
