import "server-only";
import { createAuditEntry } from "@/db/queries/audit";
import { revokeSession, revokeUserSessions } from "@/db/queries/sessions";
import { inTransaction, type Transaction } from "@/db/queries/transaction";
import { recordSecurityActivity } from "@/lib/activity/service";
import type { Actor } from "@/lib/actor";
import { notify } from "@/lib/notifications/service";
import type { RequestInfo } from "@/lib/request-info";
import { assertStaff } from "@/lib/users/service";

export type RevokeTarget = { sessionId: string } | { scope: "others" };

/**
 * Signs out one of the actor's other sessions, or every one but the current. The current session
 * is not "another" session, and someone else's id is simply not found.
 */
export async function revokeOwnSessions(
  actor: Actor,
  target: RevokeTarget,
  info: RequestInfo,
  db?: Transaction,
): Promise<{ status: "ok"; count: number } | { status: "not_found" }> {
  return inTransaction(async (tx) => {
    if ("scope" in target) {
      const count = await revokeUserSessions(actor.id, { keepSessionId: actor.sessionId }, tx);
      if (count > 0) await recordSecurityActivity(actor.id, "security.sessionsRevoked", { count, byStaff: false }, tx);
      await createAuditEntry({ action: "auth.session_revoked", actorId: actor.id, targetUserId: actor.id, ip: info.ip, metadata: { count } }, tx);
      return { status: "ok" as const, count };
    }
    if (target.sessionId === actor.sessionId || !(await revokeSession(actor.id, target.sessionId, tx))) return { status: "not_found" as const };
    await createAuditEntry(
      { action: "auth.session_revoked", actorId: actor.id, targetUserId: actor.id, ip: info.ip, metadata: { sessionId: target.sessionId } },
      tx,
    );
    await recordSecurityActivity(actor.id, "security.sessionsRevoked", { count: 1, byStaff: false }, tx);
    return { status: "ok" as const, count: 1 };
  }, db);
}

/**
 * Staff sign a user out of one session or all of them (a lost laptop, a suspected takeover);
 * the user is told, in the app and by email as their preferences allow.
 */
export async function adminRevokeUserSessions(
  admin: Actor,
  input: { userId: string; target: { sessionId: string } | { scope: "all" } },
  info: RequestInfo,
  db?: Transaction,
): Promise<{ status: "ok"; count: number } | { status: "not_found" | "not_yourself" }> {
  assertStaff(admin);
  // Their own sessions are on their own Security page, with the rule about the current one.
  if (input.userId === admin.id) return { status: "not_yourself" };
  return inTransaction(async (tx) => {
    const count =
      "sessionId" in input.target
        ? Number(await revokeSession(input.userId, input.target.sessionId, tx))
        : await revokeUserSessions(input.userId, {}, tx);
    if (count === 0) return { status: "not_found" as const };
    await createAuditEntry(
      {
        action: "sessionId" in input.target ? "admin.session_revoked" : "admin.sessions_revoked",
        actorId: admin.id,
        targetUserId: input.userId,
        ip: info.ip,
        metadata: { count },
      },
      tx,
    );
    await notify(input.userId, { type: "security.sessionsRevokedByStaff", params: { count } }, tx);
    await recordSecurityActivity(input.userId, "security.sessionsRevoked", { count, byStaff: true }, tx, { byStaff: true });
    return { status: "ok" as const, count };
  }, db);
}
