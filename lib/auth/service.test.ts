import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { adminSetUserStatus } from "@/db/queries/admin-users";
import { getActiveSessionUser, revokeSession, revokeUserSessions } from "@/db/queries/sessions";
import { auditLog, authSessions, authTokens, emailOutbox, notifications, rateLimits, users, userSettings } from "@/db/schema";
import type { Database } from "@/db";
import { createAuthSession } from "@/db/queries/sessions";
import { inRolledBackTransaction, setupTestDatabase, uniqueEmail, uniqueIp } from "@/db/testing";
import { startTestMailbox } from "@/lib/mail/test-mailbox";
import { replaceAuthToken } from "@/db/queries/tokens";
import { runQueuedJobs } from "@/lib/jobs/testing";
import { generateToken, hashToken } from "@/lib/tokens";
import { issueDeviceToken } from "./device";
import { jobQueue, type JobData } from "@/lib/jobs";
import { authenticate, completeSignUp, rateLimitRules, registerUser, requestPasswordReset, resetPassword, verifyEmail } from "./service";

const db = setupTestDatabase();
const mailbox = startTestMailbox();
const password = "correct horse battery";

/** A sign-up request and then the work it queued, as the worker does it moments later. */
async function signUp(...args: Parameters<typeof registerUser>) {
  const result = await registerUser(...args);
  await runQueuedJobs();
  return result;
}

async function requestReset(...args: Parameters<typeof requestPasswordReset>) {
  const result = await requestPasswordReset(...args);
  await runQueuedJobs();
  return result;
}

function info() {
  return { ip: uniqueIp(), userAgent: "vitest" };
}

async function outboxTo(email: string) {
  return db().select().from(emailOutbox).where(eq(emailOutbox.toAddress, email)).orderBy(desc(emailOutbox.createdAt));
}

/** A verified account, as a user would have after clicking the emailed link. */
async function verifiedUser(label = "user", locale: "en" | "de" = "en") {
  const email = uniqueEmail(label);
  await signUp({ name: "Test User", email, password, locale }, info());
  await verifyEmail(mailbox.tokenFrom(email, "/verify-email"), info());
  return email;
}

async function signIn(email: string, pass = password, requestInfo = info(), deviceToken?: string, db?: Database) {
  return authenticate({ email, password: pass, deviceToken }, requestInfo, db);
}

async function userId(email: string, database: Database = db()) {
  const [user] = await database.select({ id: users.id }).from(users).where(eq(users.email, email));
  return user!.id;
}

describe("sign-up and email verification", () => {
  it("stores the password as an argon2id hash, never in clear", async () => {
    const email = uniqueEmail("hash");
    await signUp({ name: "Hash Test", email, password, locale: "en" }, info());
    const [row] = await db().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.email, email));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row?.passwordHash).not.toContain(password);
  });

  it("stores only the hash of the emailed verification token", async () => {
    const email = uniqueEmail("token");
    await signUp({ name: "Token Test", email, password, locale: "en" }, info());
    const token = mailbox.tokenFrom(email, "/verify-email");
    const stored = await db().select({ tokenHash: authTokens.tokenHash }).from(authTokens).innerJoin(users, eq(users.id, authTokens.userId)).where(eq(users.email, email));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash).toBe(hashToken(token));
    expect(stored[0]?.tokenHash).not.toContain(token);
  });

  it("keeps the browser's language and time zone as the new account's settings", async () => {
    const email = uniqueEmail("berlin");
    await signUp({ name: "Berta Berlin", email, password, locale: "de", timeZone: "Europe/Berlin" }, info());
    const [settings] = await db()
      .select({ locale: userSettings.locale, timeZone: userSettings.timeZone })
      .from(userSettings)
      .innerJoin(users, eq(users.id, userSettings.userId))
      .where(eq(users.email, email));
    expect(settings).toEqual({ locale: "de", timeZone: "Europe/Berlin" });
  });

  it("refuses sign-in until the email is verified, then accepts it", async () => {
    const email = uniqueEmail("verify");
    await signUp({ name: "Verify Test", email, password, locale: "en" }, info());
    expect((await signIn(email)).status).toBe("unverified");
    // That attempt mailed a new link, which replaces the first.
    await runQueuedJobs();
    expect((await verifyEmail(mailbox.tokenFrom(email, "/verify-email"), info())).status).toBe("ok");
    expect((await signIn(email)).status).toBe("ok");
  });

  it("accepts a verification token only once", async () => {
    const email = uniqueEmail("once");
    await signUp({ name: "Once Test", email, password, locale: "en" }, info());
    const token = mailbox.tokenFrom(email, "/verify-email");
    expect((await verifyEmail(token, info())).status).toBe("ok");
    expect((await verifyEmail(token, info())).status).toBe("invalid_token");
  });

  it("answers a sign-up for a taken email like any other, creating no second account", async () => {
    const email = await verifiedUser("taken");
    const result = await signUp({ name: "Someone Else", email: email.toUpperCase(), password: "another long password", locale: "en" }, info());
    expect(result.status).toBe("ok");
    const rows = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
    expect(rows).toHaveLength(1);
    expect((await outboxTo(email))[0]?.template).toBe("accountExists");
    expect((await signIn(email, "another long password")).status).toBe("invalid");
  });
});

describe("the new-browser notice", () => {
  it("tells the owner of a sign-in from a new browser, but not of the account's very first sign-in or a known browser", async () => {
    const email = await verifiedUser("notice");
    const id = await userId(email);
    const notices = async () => (await db().select({ type: notifications.type }).from(notifications).where(eq(notifications.userId, id))).length;
    const first = await signIn(email);
    if (first.status !== "ok") throw new Error(first.status);
    expect(await notices()).toBe(0);
    expect((await signIn(email, password, info(), first.deviceToken)).status).toBe("ok");
    expect(await notices()).toBe(0);
    expect((await signIn(email)).status).toBe("ok");
    expect(await notices()).toBe(1);
  });
});

describe("the sign-up job", () => {
  it("does nothing more when it runs again after it succeeded", async () => {
    const email = uniqueEmail("rerun");
    await registerUser({ name: "Rerun Test", email, password, locale: "en" }, info());
    const [job] = await (await jobQueue()).fetch("auth.sign-up");
    await completeSignUp(job!.data as JobData["auth.sign-up"]);
    await completeSignUp(job!.data as JobData["auth.sign-up"]);
    await runQueuedJobs();
    expect(await db().select({ id: users.id }).from(users).where(eq(users.email, email))).toHaveLength(1);
    expect((await outboxTo(email)).map((mail) => mail.template)).toEqual(["verifyEmail"]);
  });
});

describe("the outbox", () => {
  it("keeps verification and reset mails without a usable token", async () => {
    const email = await verifiedUser("outbox");
    await requestReset({ email }, info());
    const resetToken = mailbox.tokenFrom(email, "/reset-password");
    const kept = await outboxTo(email);
    expect(kept.map((mail) => mail.template).sort()).toEqual(["resetPassword", "verifyEmail"]);
    for (const mail of kept) {
      expect(`${mail.textBody}${mail.htmlBody}`).not.toContain(resetToken);
      expect(mail.textBody).toMatch(/\?token=redacted/);
      // Nothing token-shaped survives: 32 random bytes are 43 base64url characters.
      expect(`${mail.textBody}${mail.htmlBody}`).not.toMatch(/token=[A-Za-z0-9_-]{20,}/);
    }
    const redactedLink = kept.find((mail) => mail.template === "resetPassword")!.textBody.match(/reset-password\?token=([A-Za-z0-9_-]+)/)![1]!;
    expect((await resetPassword({ token: redactedLink, password: "taken over passphrase" }, info())).status).toBe("invalid_token");
    expect((await resetPassword({ token: resetToken, password: "the owner's passphrase" }, info())).status).toBe("ok");
  });
});

describe("sign-in and sessions", () => {
  it("rejects a wrong password and records the failure in the audit log", async () => {
    const email = await verifiedUser("wrong");
    expect((await signIn(email, "not the password")).status).toBe("invalid");
    const failures = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetUserId, await userId(email)), eq(auditLog.action, "auth.sign_in_failed")));
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

  it("ends a session after 14 days without use, and any session 90 days after sign-in", async () => {
    const email = await verifiedUser("expiry");
    const idle = await signIn(email);
    const old = await signIn(email);
    if (idle.status !== "ok" || old.status !== "ok") throw new Error("sign-in failed");
    const day = 24 * 60 * 60 * 1000;
    await db().update(authSessions).set({ lastSeenAt: new Date(Date.now() - 13 * day) }).where(eq(authSessions.id, idle.sessionId));
    expect(await getActiveSessionUser(idle.sessionId)).not.toBeNull();
    await db().update(authSessions).set({ lastSeenAt: new Date(Date.now() - 15 * day) }).where(eq(authSessions.id, idle.sessionId));
    expect(await getActiveSessionUser(idle.sessionId)).toBeNull();

    await db().update(authSessions).set({ createdAt: new Date(Date.now() - 89 * day) }).where(eq(authSessions.id, old.sessionId));
    expect(await getActiveSessionUser(old.sessionId)).not.toBeNull();
    await db().update(authSessions).set({ createdAt: new Date(Date.now() - 91 * day) }).where(eq(authSessions.id, old.sessionId));
    expect(await getActiveSessionUser(old.sessionId)).toBeNull();
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
    await requestReset({ email }, info());
    const token = mailbox.tokenFrom(email, "/reset-password");
    expect((await resetPassword({ token, password: "a brand new passphrase" }, info())).status).toBe("ok");
    expect(await getActiveSessionUser(before.sessionId)).toBeNull();
    expect((await signIn(email)).status).toBe("invalid");
    expect((await signIn(email, "a brand new passphrase")).status).toBe("ok");
  });

  it("writes the reset mail in the account's language, not the browser's", async () => {
    const email = await verifiedUser("deutsch", "de");
    await requestReset({ email }, info());
    expect(mailbox.last(email)?.subject).toBe("Ihr Clientdesk-Passwort zurücksetzen");
  });

  it("accepts a reset token only once", async () => {
    const email = await verifiedUser("reset-once");
    await requestReset({ email }, info());
    const token = mailbox.tokenFrom(email, "/reset-password");
    expect((await resetPassword({ token, password: "first new passphrase" }, info())).status).toBe("ok");
    expect((await resetPassword({ token, password: "second new passphrase" }, info())).status).toBe("invalid_token");
    expect((await signIn(email, "first new passphrase")).status).toBe("ok");
  });

  it("voids the previous token when a new reset is requested", async () => {
    const email = await verifiedUser("reset-new");
    await requestReset({ email }, info());
    const oldToken = mailbox.tokenFrom(email, "/reset-password");
    await requestReset({ email }, info());
    const newToken = mailbox.tokenFrom(email, "/reset-password");
    expect(newToken).not.toBe(oldToken);
    expect((await resetPassword({ token: oldToken, password: "stale token passphrase" }, info())).status).toBe("invalid_token");
    expect((await resetPassword({ token: newToken, password: "fresh token passphrase" }, info())).status).toBe("ok");
  });

  it("refuses a token older than one hour", async () => {
    const email = await verifiedUser("reset-expired");
    await requestReset({ email }, info());
    const token = mailbox.tokenFrom(email, "/reset-password");
    await db().update(authTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(authTokens.tokenHash, hashToken(token)));
    expect((await resetPassword({ token, password: "too late passphrase" }, info())).status).toBe("invalid_token");
  });

  it("makes the reset link expire one hour after it was sent", async () => {
    const email = await verifiedUser("reset-ttl");
    await requestReset({ email }, info());
    const token = mailbox.tokenFrom(email, "/reset-password");
    const [row] = await db().select({ expiresAt: authTokens.expiresAt, createdAt: authTokens.createdAt }).from(authTokens).where(eq(authTokens.tokenHash, hashToken(token)));
    const ttl = row!.expiresAt.getTime() - row!.createdAt.getTime();
    expect(ttl).toBeGreaterThan(59 * 60 * 1000);
    expect(ttl).toBeLessThanOrEqual(60 * 60 * 1000 + 5000);
  });

  it("answers the same for an unknown email and sends nothing", async () => {
    const email = uniqueEmail("ghost");
    expect(await requestReset({ email }, info())).toEqual({ status: "ok" });
    expect(mailbox.to(email)).toHaveLength(0);
  });
});

// Each test runs in a transaction that is rolled back: the failures they cause must not count
// towards the global failure limit that every other test file's sign-ins share.
describe("the lock after repeated wrong passwords", () => {
  async function lockOut(email: string, tx: Database) {
    for (let attempt = 0; attempt < 10; attempt++) expect((await signIn(email, "wrong password", info(), undefined, tx)).status).toBe("invalid");
  }

  it("pauses new browsers for fifteen minutes, says so, and mails the owner once", async () => {
    const email = await verifiedUser("locked");
    await inRolledBackTransaction(async (tx) => {
      await lockOut(email, tx);
      const blocked = await signIn(email, password, info(), undefined, tx);
      expect(blocked).toMatchObject({ status: "rate_limited", scope: "account" });
      if (blocked.status === "rate_limited") expect(blocked.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
      await signIn(email, password, info(), undefined, tx);
      // Queued in this transaction (which the test rolls back, so it is read here rather than delivered).
      const notices = await tx.select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, email), eq(emailOutbox.template, "signInBlocked")));
      expect(notices).toHaveLength(1);
      expect(notices[0]?.textBody).toContain("/forgot-password");
    });
  });

  it("does not lock out a browser that has signed in to the account before", async () => {
    const email = await verifiedUser("owner");
    const earlier = await signIn(email);
    if (earlier.status !== "ok") throw new Error(earlier.status);
    await inRolledBackTransaction(async (tx) => {
      await lockOut(email, tx);
      expect((await signIn(email, password, info(), undefined, tx)).status).toBe("rate_limited");
      expect((await signIn(email, password, info(), earlier.deviceToken, tx)).status).toBe("ok");
    });
  });

  it("trusts no device cookie that was forged or issued for another account", async () => {
    const email = await verifiedUser("forged");
    const other = await signIn(await verifiedUser("other"));
    if (other.status !== "ok") throw new Error(other.status);
    const id = await userId(email);
    await inRolledBackTransaction(async (tx) => {
      await lockOut(email, tx);
      const [userPart, devicePart, signature] = other.deviceToken.split(".");
      for (const token of [other.deviceToken, `${id}.${devicePart}.${signature}`, `${userPart}.${devicePart}.AAAA`, issueDeviceToken(id).slice(0, -2)]) {
        expect((await signIn(email, password, info(), token, tx)).status).toBe("rate_limited");
      }
    });
  });

  it("is lifted by a completed password reset, and the browser that reset it cannot be locked out again", async () => {
    const email = await verifiedUser("unlocked");
    await inRolledBackTransaction(async (tx) => {
      await lockOut(email, tx);
      expect((await signIn(email, password, info(), undefined, tx)).status).toBe("rate_limited");
      // The emailed link, as the reset-request job would have made it (jobs run outside this transaction).
      const token = generateToken();
      await replaceAuthToken({ userId: await userId(email, tx), kind: "password_reset", tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 60_000) }, tx);
      const reset = await resetPassword({ token, password: "my recovered passphrase" }, info(), tx);
      if (reset.status !== "ok") throw new Error(reset.status);
      expect((await signIn(email, "my recovered passphrase", info(), undefined, tx)).status).toBe("ok");

      await lockOut(email, tx);
      expect((await signIn(email, "my recovered passphrase", info(), undefined, tx)).status).toBe("rate_limited");
      expect((await signIn(email, "my recovered passphrase", info(), reset.deviceToken, tx)).status).toBe("ok");
    });
  });
});

describe("sessions and password changes", () => {
  it("creates no session for a sign-in whose password was changed by a reset in the meantime", async () => {
    const email = await verifiedUser("race");
    const [user] = await db().select({ id: users.id, passwordHash: users.passwordHash }).from(users).where(eq(users.email, email));
    expect(await createAuthSession({ userId: user!.id, ip: null, userAgent: null, passwordHash: "$argon2id$v=19$stale" })).toBeNull();
    expect(await createAuthSession({ userId: user!.id, ip: null, userAgent: null, passwordHash: user!.passwordHash })).toEqual(expect.any(String));
  });
});

describe("rate limits", () => {
  it("counts every address of one IPv6 /64 as one client", async () => {
    await inRolledBackTransaction(async (tx) => {
      const network = uniqueIp().replace(/::1$/, "");
      for (let attempt = 0; attempt < 30; attempt++) {
        await authenticate({ email: uniqueEmail("hop"), password: "x" }, { ip: `${network}:${attempt.toString(16)}:1:2:3`, userAgent: "vitest" }, tx);
      }
      expect(await authenticate({ email: uniqueEmail("hop"), password: "x" }, { ip: `${network}:ffff::9`, userAgent: "vitest" }, tx)).toMatchObject({
        status: "rate_limited",
        scope: "address",
      });
    });
  });

  it("puts clients whose address is unknown in no shared bucket", async () => {
    await inRolledBackTransaction(async (tx) => {
      for (let attempt = 0; attempt < 31; attempt++) {
        expect((await authenticate({ email: uniqueEmail("nowhere"), password: "x" }, { ip: null, userAgent: "vitest" }, tx)).status).toBe("invalid");
      }
    });
  });

  it("blocks an address after thirty sign-in attempts across accounts", async () => {
    await inRolledBackTransaction(async (tx) => {
      const ip = { ip: uniqueIp(), userAgent: "vitest" };
      for (let attempt = 0; attempt < 30; attempt++) await authenticate({ email: uniqueEmail("spray"), password: "x" }, ip, tx);
      expect(await authenticate({ email: uniqueEmail("spray"), password: "x" }, ip, tx)).toMatchObject({ status: "rate_limited", scope: "address" });
      expect((await authenticate({ email: uniqueEmail("spray"), password: "x" }, info(), tx)).status).toBe("invalid");
    });
  });

  it("stops sign-ins from new browsers once too many sign-ins fail across all accounts, but not known devices", async () => {
    const email = await verifiedUser("global");
    const earlier = await signIn(email);
    if (earlier.status !== "ok") throw new Error(earlier.status);
    await inRolledBackTransaction(async (tx) => {
      const rule = rateLimitRules.signInFailuresGlobal();
      await tx
        .insert(rateLimits)
        .values({ key: rule.key, count: rule.limit, windowStartedAt: new Date() })
        .onConflictDoUpdate({ target: rateLimits.key, set: { count: rule.limit, windowStartedAt: new Date() } });
      expect(await authenticate({ email, password }, info(), tx)).toMatchObject({ status: "rate_limited", scope: "global" });
      expect(await authenticate({ email: uniqueEmail("sprayed"), password: "x" }, info(), tx)).toMatchObject({ status: "rate_limited", scope: "global" });
      expect((await authenticate({ email, password, deviceToken: earlier.deviceToken }, info(), tx)).status).toBe("ok");
    });
  });

  it("counts every failed sign-in towards the global limit", async () => {
    await inRolledBackTransaction(async (tx) => {
      const rule = rateLimitRules.signInFailuresGlobal();
      await tx.delete(rateLimits).where(eq(rateLimits.key, rule.key));
      for (let attempt = 0; attempt < 3; attempt++) await authenticate({ email: uniqueEmail("count"), password: "x" }, info(), tx);
      const [row] = await tx.select({ count: rateLimits.count }).from(rateLimits).where(eq(rateLimits.key, rule.key));
      expect(row?.count).toBe(3);
    });
  });

  it("limits password reset requests per account", async () => {
    const email = await verifiedUser("reset-limit");
    for (let attempt = 0; attempt < 5; attempt++) expect((await requestReset({ email }, info())).status).toBe("ok");
    expect((await requestReset({ email }, info())).status).toBe("rate_limited");
  });

  it("limits sign-ups of one email, so nobody's inbox can be flooded", async () => {
    const email = uniqueEmail("flood");
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await signUp({ name: "Flood", email, password, locale: "en" }, info())).status).toBe("ok");
    }
    expect((await signUp({ name: "Flood", email, password, locale: "en" }, info())).status).toBe("rate_limited");
    expect(mailbox.to(email)).toHaveLength(3);
  });

  it("limits sign-ups per address", async () => {
    const ip = { ip: uniqueIp(), userAgent: "vitest" };
    for (let attempt = 0; attempt < 10; attempt++) {
      expect((await signUp({ name: "Bulk", email: uniqueEmail("bulk"), password, locale: "en" }, ip)).status).toBe("ok");
    }
    expect((await signUp({ name: "Bulk", email: uniqueEmail("bulk"), password, locale: "en" }, ip)).status).toBe("rate_limited");
  });
});
