import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Database } from "@/db";
import { auditLog, users, type AuditAction } from "@/db/schema";

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
