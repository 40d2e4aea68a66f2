import "server-only";
import { and, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Database } from "@/db";
import { auditLog, users, type AuditAction } from "@/db/schema";
import { cursorTime, escapeLike, keyset, keysetPage, type PageRequest } from "./search";

export async function createAuditEntry(
  entry: {
    action: AuditAction;
    actorId?: string | null;
    targetUserId?: string | null;
    ip?: string | null;
    userAgent?: string | null;
    metadata?: Record<string, string | number | boolean | null>;
  },
  db: Database = getDb(),
): Promise<void> {
  await db.insert(auditLog).values({
    action: entry.action,
    actorId: entry.actorId ?? null,
    targetUserId: entry.targetUserId ?? null,
    ip: entry.ip ?? null,
    userAgent: entry.userAgent?.slice(0, 512) ?? null,
    metadata: entry.metadata ?? {},
  });
}

const actors = alias(users, "actors");

export async function adminListAuditEntriesForUser(userId: string, limit = 20, db: Database = getDb()) {
  return db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      actorName: actors.name,
      ip: auditLog.ip,
      metadata: auditLog.metadata,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .leftJoin(actors, eq(actors.id, auditLog.actorId))
    .where(eq(auditLog.targetUserId, userId))
    .orderBy(desc(auditLog.createdAt))
    .limit(limit);
}

/** Whether the user has ever signed in (the audit log outlives the sessions the clean-up removes). */
export async function hasSignedInBefore(userId: string, db: Database = getDb()): Promise<boolean> {
  const [row] = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.targetUserId, userId), eq(auditLog.action, "auth.sign_in")))
    .limit(1);
  return Boolean(row);
}

const targets = alias(users, "targets");

export type AuditFilters = {
  /** Part of the name or email of the user who acted or was acted on. */
  actor?: string;
  action?: AuditAction;
  /** Calendar days (YYYY-MM-DD), inclusive, in `timeZone`: the viewer's days, not the server's. */
  from?: string;
  to?: string;
  timeZone: string;
};

function auditConditions(filters: AuditFilters): SQL[] {
  const conditions: SQL[] = [];
  const term = filters.actor?.trim();
  // Who acted or was acted on: failed sign-ins against an account have no actor, only a target.
  if (term) {
    const pattern = `%${escapeLike(term)}%`;
    conditions.push(or(ilike(actors.name, pattern), ilike(actors.email, pattern), ilike(targets.name, pattern), ilike(targets.email, pattern))!);
  }
  if (filters.action) conditions.push(eq(auditLog.action, filters.action));
  // The database turns local midnight into an instant, so a day that changes DST still starts on time.
  if (filters.from) conditions.push(sql`${auditLog.createdAt} >= (${filters.from}::date)::timestamp at time zone ${filters.timeZone}`);
  if (filters.to) conditions.push(sql`${auditLog.createdAt} < (${filters.to}::date + 1)::timestamp at time zone ${filters.timeZone}`);
  return conditions;
}

/** One newest-first page of the whole audit log (keyset over createdAt, id), with who acted and on whom. */
export async function adminListAuditEntries(filters: AuditFilters, page: PageRequest, db: Database = getDb()) {
  const { where, orderBy } = keyset(auditLog.createdAt, auditLog.id, page);
  const found = await db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      actorId: auditLog.actorId,
      actorName: actors.name,
      actorEmail: actors.email,
      targetUserId: auditLog.targetUserId,
      targetName: targets.name,
      targetEmail: targets.email,
      ip: auditLog.ip,
      userAgent: auditLog.userAgent,
      metadata: auditLog.metadata,
      createdAt: auditLog.createdAt,
      cursorTime: cursorTime(auditLog.createdAt),
    })
    .from(auditLog)
    .leftJoin(actors, eq(actors.id, auditLog.actorId))
    .leftJoin(targets, eq(targets.id, auditLog.targetUserId))
    .where(and(...auditConditions(filters), where))
    .orderBy(...orderBy)
    .limit(page.limit + 1);
  return keysetPage(found, page);
}

const signInActions = ["auth.sign_in", "auth.sign_in_failed", "auth.two_factor_failed"] as const satisfies AuditAction[];

/** The user's latest sign-in attempts, successful or not, for their own Security page. */
export async function listSignInHistory(userId: string, limit = 20, db: Database = getDb()) {
  return db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      ip: auditLog.ip,
      userAgent: auditLog.userAgent,
      metadata: auditLog.metadata,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .where(and(eq(auditLog.targetUserId, userId), inArray(auditLog.action, signInActions)))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit);
}
