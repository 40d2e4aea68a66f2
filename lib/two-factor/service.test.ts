import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createAuthSession, getActiveSessionUser } from "@/db/queries/sessions";
import { listNotifications } from "@/db/queries/notifications";
import { getTwoFactorStatus } from "@/db/queries/two-factor";
import { createUser } from "@/db/queries/users";
import { auditLog, authTokens, userTwoFactor } from "@/db/schema";
import { demoAdminTotpSecret, demoLogins, demoPassword } from "@/db/demo";
import { seedDemoData } from "@/db/seed";
import { setupTestDatabase, signedInUser, uniqueEmail, uniqueIp } from "@/db/testing";
import { authenticate, completeTwoFactorSignIn, resetPassword } from "@/lib/auth/service";
import { replaceAuthToken } from "@/db/queries/tokens";
import { hashPassword } from "@/lib/passwords";
import { generateToken, hashToken } from "@/lib/tokens";
import {
  adminResetTwoFactor,
  confirmTwoFactorEnrolment,
  disableTwoFactor,
  getPendingEnrolment,
  regenerateRecoveryCodes,
  startTwoFactorEnrolment,
} from "./service";
import { currentTotp } from "./totp";

const db = setupTestDatabase();
const password = "correct horse battery";
const info = () => ({ ip: uniqueIp(), userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) Firefox/130.0" });
const passwordHash = await hashPassword(password);

/** A verified customer, signed in as a request from them presents them to a service. */
async function newUser(label: string, role: "customer" | "admin" = "customer") {
  const user = await createUser({ email: uniqueEmail(label), name: `Tess ${label}`, passwordHash, role, emailVerifiedAt: new Date(), locale: "en" });
  return { ...user, role, accountId: null, twoFactorEnabled: false };
}

/** The code the app shows `steps` periods from now: the server accepts one step either side. */
function codeAt(secret: string, steps = 0) {
  return currentTotp(secret, new Date(Date.now() + steps * 30_000));
}

/** Enrols the user and returns the secret their app holds and the recovery codes they were shown. */
async function enrolled(user: Awaited<ReturnType<typeof newUser>> & { sessionId?: string }) {
  expect(await startTwoFactorEnrolment(user, { password })).toEqual({ status: "ok" });
  const { secret } = (await getPendingEnrolment(user))!;
  const result = await confirmTwoFactorEnrolment(user, codeAt(secret), info());
  if (result.status !== "ok") throw new Error(`enrolment failed: ${result.status}`);
  return { secret, recoveryCodes: result.recoveryCodes };
}

async function challengeFor(email: string) {
  const result = await authenticate({ email, password }, info());
  if (result.status !== "two_factor_required") throw new Error(`expected the code step, got ${result.status}`);
  return result.challengeToken;
}

async function actionsOf(userId: string) {
  return (await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetUserId, userId))).map((row) => row.action);
}

describe("enrolling in two-factor sign-in", () => {
  it("turns on only with a code from the app, shows ten recovery codes once and stores the secret sealed", async () => {
    const user = await newUser("enrol");
    await startTwoFactorEnrolment(user, { password });
    const pending = (await getPendingEnrolment(user))!;
    expect(pending.uri).toContain("otpauth://totp/");
    expect(pending.qrSvg).toMatch(/^<svg/);
    expect(await confirmTwoFactorEnrolment(user, "000000" === codeAt(pending.secret) ? "111111" : "000000", info())).toEqual({ status: "invalid_code" });
    expect((await getTwoFactorStatus(user.id)).enabled).toBe(false);

    const result = await confirmTwoFactorEnrolment(user, codeAt(pending.secret), info());
    expect(result.status).toBe("ok");
    const codes = result.status === "ok" ? result.recoveryCodes : [];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(await getTwoFactorStatus(user.id)).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    const [row] = await db().select({ secret: userTwoFactor.secret }).from(userTwoFactor).where(eq(userTwoFactor.userId, user.id));
    expect(row!.secret).not.toContain(pending.secret);
    expect(await getPendingEnrolment(user)).toBeNull();
    expect(await actionsOf(user.id)).toContain("auth.two_factor_enabled");
  });

  it("starts only with the password, and signs out the account's other sessions once on", async () => {
    const user = await newUser("password");
    expect(await startTwoFactorEnrolment(user, { password: "not the password" })).toEqual({ status: "invalid_password" });
    expect(await getPendingEnrolment(user)).toBeNull();
    const current = (await createAuthSession({ userId: user.id, ip: null, userAgent: null }))!;
    const other = (await createAuthSession({ userId: user.id, ip: null, userAgent: null }))!;
    await enrolled({ ...user, sessionId: current });
    expect(await getActiveSessionUser(current)).not.toBeNull();
    expect(await getActiveSessionUser(other)).toBeNull();
  });

  it("cannot restart enrolment once it is on (the secret stays)", async () => {
    const user = await newUser("restart");
    await enrolled(user);
    expect(await startTwoFactorEnrolment(user, { password })).toEqual({ status: "already_enabled" });
  });
});

describe("signing in with two-factor", () => {
  it("asks for the code after the password, and opens a session only for a right code", async () => {
    const user = await newUser("signin");
    const { secret } = await enrolled(user);
    const challengeToken = await challengeFor(user.email);

    expect(await completeTwoFactorSignIn({ challengeToken, code: "12345x" }, info())).toEqual({ status: "invalid_code" });
    // The enrolment's code was used: replaying it fails.
    expect(await completeTwoFactorSignIn({ challengeToken, code: codeAt(secret) }, info())).toEqual({ status: "invalid_code" });
    const result = await completeTwoFactorSignIn({ challengeToken, code: codeAt(secret, 1) }, info());
    expect(result.status).toBe("ok");
    expect(await getActiveSessionUser(result.status === "ok" ? result.sessionId : "")).toMatchObject({ id: user.id, twoFactorEnabled: true });
    // One challenge, one session.
    expect(await completeTwoFactorSignIn({ challengeToken, code: codeAt(secret, 1) }, info())).toEqual({ status: "challenge_expired" });
    const actions = await actionsOf(user.id);
    expect(actions.filter((action) => action === "auth.two_factor_failed")).toHaveLength(2);
    expect(actions).toContain("auth.sign_in");
  });

  it("accepts each recovery code once", async () => {
    const user = await newUser("recovery");
    const { recoveryCodes } = await enrolled(user);
    const first = await completeTwoFactorSignIn({ challengeToken: await challengeFor(user.email), code: recoveryCodes[0]!.toUpperCase().replace("-", " ") }, info());
    expect(first.status).toBe("ok");
    expect(await completeTwoFactorSignIn({ challengeToken: await challengeFor(user.email), code: recoveryCodes[0]! }, info())).toEqual({ status: "invalid_code" });
    expect(await getTwoFactorStatus(user.id)).toMatchObject({ recoveryCodesLeft: 9 });
    expect(await actionsOf(user.id)).toContain("auth.recovery_code_used");
  });

  it("limits wrong codes per account, whatever the challenge", async () => {
    const user = await newUser("limit");
    const { secret } = await enrolled(user);
    const wrong = codeAt(secret, 1) === "000000" ? "111111" : "000000";
    // Two challenges of five wrong codes each: a new password step does not start the count again.
    for (let round = 0; round < 2; round++) {
      const challengeToken = await challengeFor(user.email);
      for (let attempt = 0; attempt < 5; attempt++) {
        expect((await completeTwoFactorSignIn({ challengeToken, code: wrong }, info())).status).toBe("invalid_code");
      }
    }
    const limited = await completeTwoFactorSignIn({ challengeToken: await challengeFor(user.email), code: codeAt(secret, 1) }, info());
    expect(limited).toMatchObject({ status: "rate_limited", scope: "account" });
    // The owner is told once: someone got the password right and is guessing codes.
    await completeTwoFactorSignIn({ challengeToken: await challengeFor(user.email), code: wrong }, info());
    const told = (await listNotifications(user.id, { order: "newest", limit: 10 })).rows.filter((row) => row.type === "security.twoFactorLocked");
    expect(told).toHaveLength(1);
  });

  it("ends a waiting code step when the password is reset", async () => {
    const user = await newUser("reset");
    const { secret } = await enrolled(user);
    const challengeToken = await challengeFor(user.email);
    const resetToken = generateToken();
    await replaceAuthToken({ userId: user.id, kind: "password_reset", tokenHash: hashToken(resetToken), expiresAt: new Date(Date.now() + 60_000) });
    expect((await resetPassword({ token: resetToken, password: "a brand new passphrase" }, info())).status).toBe("ok");
    expect(await completeTwoFactorSignIn({ challengeToken, code: codeAt(secret, 1) }, info())).toEqual({ status: "challenge_expired" });
  });

  it("does not accept an expired challenge", async () => {
    const user = await newUser("expired");
    const { secret } = await enrolled(user);
    const challengeToken = await challengeFor(user.email);
    await db().update(authTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(and(eq(authTokens.userId, user.id), eq(authTokens.kind, "two_factor_challenge")));
    expect(await completeTwoFactorSignIn({ challengeToken, code: codeAt(secret, 1) }, info())).toEqual({ status: "challenge_expired" });
  });
});

describe("recovery codes and turning two-factor off", () => {
  it("makes new recovery codes for a current code, voiding the old ones", async () => {
    const user = await newUser("regenerate");
    const { secret, recoveryCodes } = await enrolled(user);
    const result = await regenerateRecoveryCodes(user, codeAt(secret, 1), info());
    expect(result.status).toBe("ok");
    expect(await completeTwoFactorSignIn({ challengeToken: await challengeFor(user.email), code: recoveryCodes[1]! }, info())).toEqual({ status: "invalid_code" });
    const fresh = result.status === "ok" ? result.recoveryCodes[0]! : "";
    expect((await completeTwoFactorSignIn({ challengeToken: await challengeFor(user.email), code: fresh }, info())).status).toBe("ok");
  });

  it("turns off only with the password and a code; staff may not turn it off", async () => {
    const user = await newUser("disable");
    const { secret } = await enrolled(user);
    expect(await disableTwoFactor(user, { password: "wrong password", code: codeAt(secret, 1) }, info())).toEqual({ status: "invalid_password" });
    expect(await disableTwoFactor(user, { password, code: "00000000" }, info())).toEqual({ status: "invalid_code" });
    expect(await disableTwoFactor(user, { password, code: codeAt(secret, 1) }, info())).toEqual({ status: "ok" });
    expect((await getTwoFactorStatus(user.id)).enabled).toBe(false);
    expect((await authenticate({ email: user.email, password }, info())).status).toBe("ok");

    const admin = await newUser("staff", "admin");
    const staffSecret = (await enrolled(admin)).secret;
    expect(await disableTwoFactor(admin, { password, code: codeAt(staffSecret, 1) }, info())).toEqual({ status: "required_for_staff" });
    expect((await getTwoFactorStatus(admin.id)).enabled).toBe(true);
  });
});

describe("staff turning off a user's two-factor", () => {
  it("turns it off, signs the user out everywhere, tells them and audits it; never for oneself, and never for a customer", async () => {
    const user = await newUser("lostphone");
    await enrolled(user);
    const session = (await createAuthSession({ userId: user.id, ip: null, userAgent: null }))!;
    const staff = await signedInUser("admin", "helpdesk");
    const customer = await signedInUser("customer", "nosy");

    await expect(adminResetTwoFactor(customer, { userId: user.id }, info())).rejects.toMatchObject({ code: "forbidden" });
    expect((await getTwoFactorStatus(user.id)).enabled).toBe(true);
    expect(await adminResetTwoFactor(staff, { userId: staff.id }, info())).toEqual({ status: "not_yourself" });

    expect(await adminResetTwoFactor(staff, { userId: user.id }, info())).toEqual({ status: "ok" });
    expect((await getTwoFactorStatus(user.id)).enabled).toBe(false);
    expect(await getActiveSessionUser(session)).toBeNull();
    expect(await actionsOf(user.id)).toContain("admin.two_factor_reset");
    const told = (await listNotifications(user.id, { order: "newest", limit: 10 })).rows.map((row) => row.type);
    expect(told).toContain("security.twoFactorResetByStaff");
    expect((await authenticate({ email: user.email, password }, info())).status).toBe("ok");
    expect(await adminResetTwoFactor(staff, { userId: user.id }, info())).toEqual({ status: "not_enabled" });
  });
});

describe("the demo admin", () => {
  it("signs in with the printed authenticator key", async () => {
    await seedDemoData();
    const admin = demoLogins.find((login) => login.role === "admin")!;
    const step = await authenticate({ email: admin.email, password: demoPassword }, info());
    expect(step.status).toBe("two_factor_required");
    const challengeToken = step.status === "two_factor_required" ? step.challengeToken : "";
    const result = await completeTwoFactorSignIn({ challengeToken, code: currentTotp(demoAdminTotpSecret) }, info());
    expect(result).toMatchObject({ status: "ok", user: { role: "admin" } });
  });
});
