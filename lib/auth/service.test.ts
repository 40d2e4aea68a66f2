import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { adminSetUserStatus } from "@/db/queries/admin-users";
import { getActiveSessionUser, revokeSession, revokeUserSessions } from "@/db/queries/sessions";
import { auditLog, authTokens, emailOutbox, users } from "@/db/schema";
import { uniqueEmail, uniqueIp, setupTestDatabase } from "@/db/testing";
import { hashToken } from "@/lib/tokens";
import { authenticate, registerUser, requestPasswordReset, resetPassword, verifyEmail } from "./service";

const db = setupTestDatabase();
const password = "correct horse battery";

function info() {
  return { ip: uniqueIp(), userAgent: "vitest" };
}

async function lastMailTo(email: string) {
  const [mail] = await db().select().from(emailOutbox).where(eq(emailOutbox.toAddress, email)).orderBy(desc(emailOutbox.createdAt)).limit(1);
  return mail;
}

async function tokenFromMail(email: string, path: string): Promise<string> {
  const mail = await lastMailTo(email);
  const match = mail?.textBody.match(new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`));
  if (!match?.[1]) throw new Error(`no ${path} link in the last mail to ${email}`);
  return match[1];
}

/** A verified account, as a user would have after clicking the emailed link. */
async function verifiedUser(label = "user") {
  const email = uniqueEmail(label);
  await registerUser({ name: "Test User", email, password, locale: "en" }, info());
  await verifyEmail(await tokenFromMail(email, "/verify-email"), info());
  return email;
}

async function signIn(email: string, pass = password, requestInfo = info()) {
  return authenticate({ email, password: pass, locale: "en" }, requestInfo);
}

describe("sign-up and email verification", () => {
  it("stores the password as an argon2id hash, never in clear", async () => {
    const email = uniqueEmail("hash");
    await registerUser({ name: "Hash Test", email, password, locale: "en" }, info());
    const [row] = await db().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.email, email));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row?.passwordHash).not.toContain(password);
  });

  it("stores only the hash of the emailed verification token", async () => {
    const email = uniqueEmail("token");
    await registerUser({ name: "Token Test", email, password, locale: "en" }, info());
    const token = await tokenFromMail(email, "/verify-email");
    const stored = await db().select({ tokenHash: authTokens.tokenHash }).from(authTokens).innerJoin(users, eq(users.id, authTokens.userId)).where(eq(users.email, email));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash).toBe(hashToken(token));
    expect(stored[0]?.tokenHash).not.toContain(token);
  });

  it("refuses sign-in until the email is verified, then accepts it", async () => {
    const email = uniqueEmail("verify");
    await registerUser({ name: "Verify Test", email, password, locale: "en" }, info());
    expect((await signIn(email)).status).toBe("unverified");
    const token = await tokenFromMail(email, "/verify-email");
    expect((await verifyEmail(token, info())).status).toBe("ok");
    expect((await signIn(email)).status).toBe("ok");
  });

  it("accepts a verification token only once", async () => {
    const email = uniqueEmail("once");
    await registerUser({ name: "Once Test", email, password, locale: "en" }, info());
    const token = await tokenFromMail(email, "/verify-email");
    expect((await verifyEmail(token, info())).status).toBe("ok");
    expect((await verifyEmail(token, info())).status).toBe("invalid_token");
  });

  it("answers a sign-up for a taken email like any other, creating no second account", async () => {
    const email = await verifiedUser("taken");
    const result = await registerUser({ name: "Someone Else", email: email.toUpperCase(), password: "another long password", locale: "en" }, info());
    expect(result.status).toBe("ok");
    const rows = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
    expect(rows).toHaveLength(1);
    expect((await lastMailTo(email))?.template).toBe("accountExists");
    expect((await signIn(email, "another long password")).status).toBe("invalid");
  });
});

describe("sign-in and sessions", () => {
  it("rejects a wrong password and records the failure in the audit log", async () => {
    const email = await verifiedUser("wrong");
    expect((await signIn(email, "not the password")).status).toBe("invalid");
    const [user] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
    const failures = await db().select().from(auditLog).where(and(eq(auditLog.targetUserId, user!.id), eq(auditLog.action, "auth.sign_in_failed")));
    expect(failures).toHaveLength(1);
  });

  it("answers an unknown email exactly like a wrong password", async () => {
    expect((await signIn(uniqueEmail("nobody"))).status).toBe("invalid");
  });

  it("records a server-side session that ends when it is revoked", async () => {
    const email = await verifiedUser("session");
    const result = await signIn(email, password, { ip: "2001:db8::1", userAgent: "Mozilla/5.0 Firefox/140.0" });
    if (result.status !== "ok") throw new Error(result.status);
    const session = await getActiveSessionUser(result.sessionId);
    expect(session?.email).toBe(email);
    expect(await revokeSession(result.user.id, result.sessionId)).toBe(true);
    expect(await getActiveSessionUser(result.sessionId)).toBeNull();
  });

  it("does not let one user revoke another user's session", async () => {
    const victim = await signIn(await verifiedUser("victim"));
    const attacker = await signIn(await verifiedUser("attacker"));
    if (victim.status !== "ok" || attacker.status !== "ok") throw new Error("sign-in failed");
    expect(await revokeSession(attacker.user.id, victim.sessionId)).toBe(false);
    expect(await getActiveSessionUser(victim.sessionId)).not.toBeNull();
  });

  it("ends every session of a user who is disabled, and refuses their next sign-in", async () => {
    const email = await verifiedUser("disabled");
    const first = await signIn(email);
    const admin = await signIn(await verifiedUser("admin"));
    if (first.status !== "ok" || admin.status !== "ok") throw new Error("sign-in failed");
    await adminSetUserStatus({ adminId: admin.user.id, userId: first.user.id, status: "disabled", ip: null });
    expect(await getActiveSessionUser(first.sessionId)).toBeNull();
    expect((await signIn(email)).status).toBe("disabled");
  });

  it("ends the sessions of a deleted user", async () => {
    const result = await signIn(await verifiedUser("deleted"));
    if (result.status !== "ok") throw new Error(result.status);
    await db().delete(users).where(eq(users.id, result.user.id));
    expect(await getActiveSessionUser(result.sessionId)).toBeNull();
  });

  it("signs out every other session but keeps the current one", async () => {
    const email = await verifiedUser("others");
    const current = await signIn(email);
    const other = await signIn(email);
    if (current.status !== "ok" || other.status !== "ok") throw new Error("sign-in failed");
    expect(await revokeUserSessions(current.user.id, { keepSessionId: current.sessionId })).toBe(1);
    expect(await getActiveSessionUser(current.sessionId)).not.toBeNull();
    expect(await getActiveSessionUser(other.sessionId)).toBeNull();
  });
});

describe("password reset", () => {
  it("changes the password, refuses the old one and ends every session", async () => {
    const email = await verifiedUser("reset");
    const before = await signIn(email);
    if (before.status !== "ok") throw new Error(before.status);
    await requestPasswordReset({ email, locale: "en" }, info());
    const token = await tokenFromMail(email, "/reset-password");
    expect((await resetPassword({ token, password: "a brand new passphrase" }, info())).status).toBe("ok");
    expect(await getActiveSessionUser(before.sessionId)).toBeNull();
    expect((await signIn(email)).status).toBe("invalid");
    expect((await signIn(email, "a brand new passphrase")).status).toBe("ok");
  });

  it("accepts a reset token only once", async () => {
    const email = await verifiedUser("reset-once");
    await requestPasswordReset({ email, locale: "en" }, info());
    const token = await tokenFromMail(email, "/reset-password");
    expect((await resetPassword({ token, password: "first new passphrase" }, info())).status).toBe("ok");
    expect((await resetPassword({ token, password: "second new passphrase" }, info())).status).toBe("invalid_token");
    expect((await signIn(email, "first new passphrase")).status).toBe("ok");
  });

  it("voids the previous token when a new reset is requested", async () => {
    const email = await verifiedUser("reset-new");
    await requestPasswordReset({ email, locale: "en" }, info());
    const oldToken = await tokenFromMail(email, "/reset-password");
    await requestPasswordReset({ email, locale: "en" }, info());
    const newToken = await tokenFromMail(email, "/reset-password");
    expect(newToken).not.toBe(oldToken);
    expect((await resetPassword({ token: oldToken, password: "stale token passphrase" }, info())).status).toBe("invalid_token");
    expect((await resetPassword({ token: newToken, password: "fresh token passphrase" }, info())).status).toBe("ok");
  });

  it("refuses a token older than one hour", async () => {
    const email = await verifiedUser("reset-expired");
    await requestPasswordReset({ email, locale: "en" }, info());
    const token = await tokenFromMail(email, "/reset-password");
    await db().update(authTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(authTokens.tokenHash, hashToken(token)));
    expect((await resetPassword({ token, password: "too late passphrase" }, info())).status).toBe("invalid_token");
  });

  it("makes the reset link expire one hour after it was sent", async () => {
    const email = await verifiedUser("reset-ttl");
    await requestPasswordReset({ email, locale: "en" }, info());
    const token = await tokenFromMail(email, "/reset-password");
    const [row] = await db().select({ expiresAt: authTokens.expiresAt, createdAt: authTokens.createdAt }).from(authTokens).where(eq(authTokens.tokenHash, hashToken(token)));
    const ttl = row!.expiresAt.getTime() - row!.createdAt.getTime();
    expect(ttl).toBeGreaterThan(59 * 60 * 1000);
    expect(ttl).toBeLessThanOrEqual(60 * 60 * 1000 + 5000);
  });

  it("answers the same for an unknown email and sends nothing", async () => {
    const email = uniqueEmail("ghost");
    expect(await requestPasswordReset({ email, locale: "en" }, info())).toEqual({ status: "ok" });
    expect(await lastMailTo(email)).toBeUndefined();
  });
});

describe("rate limits", () => {
  it("blocks an account after ten sign-in attempts, whatever the address, and says for how long", async () => {
    const email = await verifiedUser("limited");
    for (let attempt = 0; attempt < 10; attempt++) expect((await signIn(email, "wrong password")).status).toBe("invalid");
    const blocked = await signIn(email, password);
    expect(blocked.status).toBe("rate_limited");
    if (blocked.status === "rate_limited") {
      expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
      expect(blocked.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    }
  });

  it("blocks an address after thirty sign-in attempts across accounts", async () => {
    const ip = { ip: uniqueIp(), userAgent: "vitest" };
    for (let attempt = 0; attempt < 30; attempt++) await authenticate({ email: uniqueEmail("spray"), password: "x", locale: "en" }, ip);
    expect((await authenticate({ email: uniqueEmail("spray"), password: "x", locale: "en" }, ip)).status).toBe("rate_limited");
    expect((await authenticate({ email: uniqueEmail("spray"), password: "x", locale: "en" }, info())).status).toBe("invalid");
  });

  it("limits password reset requests per account", async () => {
    const email = await verifiedUser("reset-limit");
    for (let attempt = 0; attempt < 5; attempt++) expect((await requestPasswordReset({ email, locale: "en" }, info())).status).toBe("ok");
    expect((await requestPasswordReset({ email, locale: "en" }, info())).status).toBe("rate_limited");
  });

  it("limits sign-ups of one email, so nobody's inbox can be flooded", async () => {
    const email = uniqueEmail("flood");
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await registerUser({ name: "Flood", email, password, locale: "en" }, info())).status).toBe("ok");
    }
    expect((await registerUser({ name: "Flood", email, password, locale: "en" }, info())).status).toBe("rate_limited");
    const mails = await db().select({ id: emailOutbox.id }).from(emailOutbox).where(eq(emailOutbox.toAddress, email));
    expect(mails).toHaveLength(3);
  });

  it("limits sign-ups per address", async () => {
    const ip = { ip: uniqueIp(), userAgent: "vitest" };
    for (let attempt = 0; attempt < 10; attempt++) {
      expect((await registerUser({ name: "Bulk", email: uniqueEmail("bulk"), password, locale: "en" }, ip)).status).toBe("ok");
    }
    expect((await registerUser({ name: "Bulk", email: uniqueEmail("bulk"), password, locale: "en" }, ip)).status).toBe("rate_limited");
  });
});
