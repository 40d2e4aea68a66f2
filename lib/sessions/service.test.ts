import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { listNotifications } from "@/db/queries/notifications";
import { createAuthSession, getActiveSessionUser, listActiveSessions } from "@/db/queries/sessions";
import { createUser } from "@/db/queries/users";
import { auditLog } from "@/db/schema";
import { setupTestDatabase, uniqueEmail } from "@/db/testing";
import { AppError } from "@/lib/errors";
import { enableTwoFactorWithSecret } from "@/lib/two-factor/service";
import { generateTotpSecret } from "@/lib/two-factor/totp";
import { runQueuedJobs } from "@/lib/jobs/testing";
import { adminRevokeUserSessions, revokeOwnSessions } from "./service";

const db = setupTestDatabase();
const info = { ip: "2001:db8::42", userAgent: "vitest" };

/** Staff have two-factor sign-in on, as the staff area requires. */
async function newUser(label: string, role: "customer" | "admin" = "customer") {
  const user = await createUser({ email: uniqueEmail(label), name: `Uma ${label}`, passwordHash: "x", role, locale: "en" });
  if (role === "admin") await enableTwoFactorWithSecret(user.id, generateTotpSecret());
  return user;
}

async function sessionOf(userId: string) {
  return (await createAuthSession({ userId, ip: null, userAgent: null }))!;
}

/** The user as a request from `sessionId` presents them to a service. */
async function actorFor(sessionId: string) {
  return (await getActiveSessionUser(sessionId))!;
}

async function liveSessionIds(userId: string) {
  return (await listActiveSessions(userId)).map((session) => session.id).sort();
}

async function auditOf(userId: string) {
  return db()
    .select({ action: auditLog.action, actorId: auditLog.actorId, ip: auditLog.ip, metadata: auditLog.metadata })
    .from(auditLog)
    .where(eq(auditLog.targetUserId, userId));
}

describe("revoking one's own sessions", () => {
  it("refuses the current session: it is not another session", async () => {
    const user = await newUser("current");
    const current = await sessionOf(user.id);
    const other = await sessionOf(user.id);
    expect(await revokeOwnSessions(await actorFor(current), { sessionId: current }, info)).toEqual({ status: "not_found" });
    expect(await liveSessionIds(user.id)).toEqual([current, other].sort());
    expect(await auditOf(user.id)).toEqual([]);
  });

  it("answers not_found for another user's session and changes nothing", async () => {
    const user = await newUser("own");
    const victim = await newUser("victim");
    const current = await sessionOf(user.id);
    const theirs = await sessionOf(victim.id);
    expect(await revokeOwnSessions(await actorFor(current), { sessionId: theirs }, info)).toEqual({ status: "not_found" });
    expect(await liveSessionIds(victim.id)).toEqual([theirs]);
    expect(await auditOf(user.id)).toEqual([]);
    expect(await auditOf(victim.id)).toEqual([]);
  });

  it("signs out another of the user's sessions, keeps the current one, and audits it", async () => {
    const user = await newUser("other");
    const current = await sessionOf(user.id);
    const other = await sessionOf(user.id);
    expect(await revokeOwnSessions(await actorFor(current), { sessionId: other }, info)).toEqual({ status: "ok", count: 1 });
    expect(await liveSessionIds(user.id)).toEqual([current]);
    expect(await auditOf(user.id)).toEqual([{ action: "auth.session_revoked", actorId: user.id, ip: info.ip, metadata: { sessionId: other } }]);
  });

  it("signs out every other session at once, keeping the current one", async () => {
    const user = await newUser("others");
    const current = await sessionOf(user.id);
    await sessionOf(user.id);
    await sessionOf(user.id);
    expect(await revokeOwnSessions(await actorFor(current), { scope: "others" }, info)).toEqual({ status: "ok", count: 2 });
    expect(await liveSessionIds(user.id)).toEqual([current]);
    expect(await auditOf(user.id)).toEqual([{ action: "auth.session_revoked", actorId: user.id, ip: info.ip, metadata: { count: 2 } }]);
  });
});

describe("staff revoking a user's sessions", () => {
  it("is forbidden to a customer, and changes nothing", async () => {
    const customer = await actorFor(await sessionOf((await newUser("customer")).id));
    const target = await newUser("target");
    const session = await sessionOf(target.id);
    const attempt = adminRevokeUserSessions(customer, { userId: target.id, target: { scope: "all" } }, info);
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "forbidden" });
    expect(await liveSessionIds(target.id)).toEqual([session]);
    expect(await auditOf(target.id)).toEqual([]);
    expect((await listNotifications(target.id, { order: "newest", limit: 10 })).rows).toEqual([]);
  });

  it("refuses an admin's own sessions: those are on their Security page", async () => {
    const admin = await newUser("self", "admin");
    const current = await sessionOf(admin.id);
    const other = await sessionOf(admin.id);
    const actor = await actorFor(current);
    expect(await adminRevokeUserSessions(actor, { userId: admin.id, target: { sessionId: other } }, info)).toEqual({ status: "not_yourself" });
    expect(await adminRevokeUserSessions(actor, { userId: admin.id, target: { scope: "all" } }, info)).toEqual({ status: "not_yourself" });
    expect(await liveSessionIds(admin.id)).toEqual([current, other].sort());
  });

  it("signs the user out of one session only, audits it and tells the user", async () => {
    const admin = await actorFor(await sessionOf((await newUser("admin", "admin")).id));
    const target = await newUser("one");
    const lost = await sessionOf(target.id);
    const kept = await sessionOf(target.id);
    expect(await adminRevokeUserSessions(admin, { userId: target.id, target: { sessionId: lost } }, info)).toEqual({ status: "ok", count: 1 });
    expect(await liveSessionIds(target.id)).toEqual([kept]);
    expect(await auditOf(target.id)).toEqual([{ action: "admin.session_revoked", actorId: admin.id, ip: info.ip, metadata: { count: 1 } }]);
    const { rows } = await listNotifications(target.id, { order: "newest", limit: 10 });
    expect(rows).toMatchObject([{ type: "security.sessionsRevokedByStaff", category: "account", params: { count: 1 }, readAt: null }]);
    await runQueuedJobs();
  });

  it("answers not_found for a session of someone else than the user named, and changes nothing", async () => {
    const admin = await actorFor(await sessionOf((await newUser("admin", "admin")).id));
    const target = await newUser("named");
    const bystander = await newUser("bystander");
    const theirs = await sessionOf(bystander.id);
    expect(await adminRevokeUserSessions(admin, { userId: target.id, target: { sessionId: theirs } }, info)).toEqual({ status: "not_found" });
    expect(await liveSessionIds(bystander.id)).toEqual([theirs]);
    expect(await auditOf(target.id)).toEqual([]);
    expect((await listNotifications(target.id, { order: "newest", limit: 10 })).rows).toEqual([]);
  });

  it("signs the user out of every session with scope all", async () => {
    const admin = await actorFor(await sessionOf((await newUser("admin", "admin")).id));
    const target = await newUser("all");
    await sessionOf(target.id);
    await sessionOf(target.id);
    expect(await adminRevokeUserSessions(admin, { userId: target.id, target: { scope: "all" } }, info)).toEqual({ status: "ok", count: 2 });
    expect(await liveSessionIds(target.id)).toEqual([]);
    expect(await auditOf(target.id)).toEqual([{ action: "admin.sessions_revoked", actorId: admin.id, ip: info.ip, metadata: { count: 2 } }]);
    const { rows } = await listNotifications(target.id, { order: "newest", limit: 10 });
    expect(rows).toMatchObject([{ type: "security.sessionsRevokedByStaff", params: { count: 2 } }]);
    await runQueuedJobs();
  });
});
