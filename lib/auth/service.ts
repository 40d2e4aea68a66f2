import "server-only";
import { createAuditEntry, hasSignedInBefore } from "@/db/queries/audit";
import { consumeRateLimit, peekRateLimit, resetRateLimit, type RateLimitResult, type RateLimitRule } from "@/db/queries/rate-limits";
import { createAuthSession, revokeUserSessions } from "@/db/queries/sessions";
import { consumeAuthToken, getAuthTokenUser, replaceAuthToken, voidAuthTokens } from "@/db/queries/tokens";
import { getTwoFactorStatus } from "@/db/queries/two-factor";
import { inTransaction, type Transaction } from "@/db/queries/transaction";
import {
  createUser,
  getUserByEmail,
  getUserCredentialsByEmail,
  getUserCredentialsById,
  markEmailVerified,
  normalizeEmail,
  setUserPassword,
} from "@/db/queries/users";
import { recordSecurityActivity } from "@/lib/activity/service";
import { TWO_FACTOR_CHALLENGE_TTL_SECONDS } from "@/lib/constants";
import { appUrl } from "@/lib/env";
import type { Locale } from "@/lib/i18n/config";
import { enqueue, type JobData } from "@/lib/jobs";
import { seal, unseal } from "@/lib/sealed";
import { sendMail } from "@/lib/mail";
import { notify } from "@/lib/notifications/service";
import { hashPassword, verifyPassword } from "@/lib/passwords";
import { addressBucket, type RequestInfo } from "@/lib/request-info";
import { generateToken, hashToken } from "@/lib/tokens";
import { checkSecondFactor } from "@/lib/two-factor/service";
import { describeUserAgent } from "@/lib/user-agent";
import { issueDeviceToken, trustedDeviceId } from "./device";

const MINUTE = 60;
const HOUR = 60 * MINUTE;
export const VERIFICATION_TOKEN_TTL_MS = 24 * HOUR * 1000;
export const RESET_TOKEN_TTL_MS = HOUR * 1000;


export const rateLimitRules = {
  signInPerIp: (ip: string) => ({ key: `sign-in:ip:${ip}`, limit: 30, windowSeconds: 15 * MINUTE }),
  // Applies only to browsers that have not signed in to the account before (see ./device.ts).
  signInPerAccount: (email: string) => ({ key: `sign-in:account:${email}`, limit: 10, windowSeconds: 15 * MINUTE }),
  signInPerDevice: (deviceId: string) => ({ key: `sign-in:device:${deviceId}`, limit: 10, windowSeconds: 15 * MINUTE }),
  // A backstop against spraying one password over many accounts from many addresses: past it,
  // only known devices may try for the rest of the minute.
  signInFailuresGlobal: () => ({ key: "sign-in:failures:global", limit: 100, windowSeconds: MINUTE }),
  signUpPerIp: (ip: string) => ({ key: `sign-up:ip:${ip}`, limit: 10, windowSeconds: HOUR }),
  // Each sign-up mails the address, so repeating one must not flood someone's inbox.
  signUpPerAccount: (email: string) => ({ key: `sign-up:account:${email}`, limit: 3, windowSeconds: HOUR }),
  resetRequestPerIp: (ip: string) => ({ key: `reset-request:ip:${ip}`, limit: 10, windowSeconds: HOUR }),
  resetRequestPerAccount: (email: string) => ({ key: `reset-request:account:${email}`, limit: 5, windowSeconds: HOUR }),
  resetPerIp: (ip: string) => ({ key: `reset:ip:${ip}`, limit: 20, windowSeconds: HOUR }),
  verificationResendPerAccount: (email: string) => ({ key: `verify-resend:account:${email}`, limit: 3, windowSeconds: HOUR }),
};

/** What was limited: the client's address, the account (for new devices), or sign-in as a whole. */
export type RateLimitScope = "address" | "account" | "global";
type RateLimited = { status: "rate_limited"; retryAfterSeconds: number; scope: RateLimitScope };

function limitedBy(result: RateLimitResult, scope: (exceeded: string[]) => RateLimitScope = () => "address"): RateLimited | null {
  return result.allowed ? null : { status: "rate_limited", retryAfterSeconds: result.retryAfterSeconds, scope: scope(result.exceeded) };
}

/**
 * The per-address rule, or none when the address is unknown: one shared "unknown" bucket would let
 * a handful of requests block everyone. The per-account and global rules still apply.
 */
function perAddress(rule: (bucket: string) => RateLimitRule, info: RequestInfo): RateLimitRule[] {
  return info.ip ? [rule(addressBucket(info.ip))] : [];
}

/** Where a security event came from, as the notification about it shows it. */
function signInParams(info: RequestInfo): { device: string; ip: string } {
  const { browser, os } = describeUserAgent(info.userAgent);
  return { device: [browser, os].filter(Boolean).join(" · ") || "—", ip: info.ip ?? "—" };
}

async function sendVerificationEmail(user: { id: string; email: string; name: string }, locale: Locale, db?: Transaction) {
  const token = generateToken();
  await replaceAuthToken(
    {
      userId: user.id,
      kind: "email_verification",
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + VERIFICATION_TOKEN_TTL_MS),
    },
    db,
  );
  await sendMail(
    { to: user.email, locale, template: "verifyEmail", props: { name: user.name, url: `${appUrl()}/verify-email?token=${token}` } },
    db,
  );
}

type SignUpDetails = { name: string; email: string; passwordHash: string; locale: Locale; timeZone?: string; ip: string | null };

/**
 * Accepts a sign-up: the request only counts it, hashes the password and queues the rest, so it
 * does the same work, and takes the same time, whether or not the email already has an account.
 * `locale` and `timeZone` are the browser's, kept as the new account's settings.
 */
export async function registerUser(
  input: { name: string; email: string; password: string; locale: Locale; timeZone?: string },
  info: RequestInfo,
  db?: Transaction,
): Promise<{ status: "ok" } | RateLimited> {
  const email = normalizeEmail(input.email);
  const limited = limitedBy(await consumeRateLimit([...perAddress(rateLimitRules.signUpPerIp, info), rateLimitRules.signUpPerAccount(email)], db));
  if (limited) return limited;
  const passwordHash = await hashPassword(input.password);
  const details: SignUpDetails = { name: input.name, email, passwordHash, locale: input.locale, timeZone: input.timeZone, ip: info.ip };
  await enqueue("auth.sign-up", seal(details, "auth.sign-up"), db);
  return { status: "ok" };
}

/**
 * The sign-up job: creates the account (with its customer account) and mails a verification link;
 * an email that already has an account gets a note instead, so sign-up never reveals who is registered.
 */
export async function completeSignUp(data: JobData["auth.sign-up"], db?: Transaction): Promise<void> {
  const details = unseal<SignUpDetails>(data, "auth.sign-up");
  await inTransaction(async (tx) => {
    const existing = await getUserCredentialsByEmail(details.email, tx);
    // This very job created it on an earlier run that committed (then failed to report back): done.
    if (existing?.passwordHash === details.passwordHash) return;
    if (existing) {
      await sendMail(
        { to: existing.email, locale: existing.locale, template: "accountExists", props: { name: existing.name, url: `${appUrl()}/forgot-password` } },
        tx,
      );
      return;
    }
    const user = await createUser(
      { name: details.name, email: details.email, passwordHash: details.passwordHash, locale: details.locale, timeZone: details.timeZone },
      tx,
    );
    await createAuditEntry({ action: "auth.sign_up", actorId: user.id, targetUserId: user.id, ip: details.ip }, tx);
    await sendVerificationEmail(user, details.locale, tx);
  }, db);
}

type SignedIn = {
  status: "ok";
  user: { id: string; email: string; name: string; role: "customer" | "admin"; locale: Locale };
  sessionId: string;
  /** The device cookie to keep (or set) in this browser. */
  deviceToken: string;
};

export type AuthenticateResult =
  | SignedIn
  /** The password was right; the sign-in waits for a code, under this token (kept in a cookie). */
  | { status: "two_factor_required"; challengeToken: string }
  | { status: "invalid" | "unverified" | "disabled" }
  | RateLimited;

type Credentials = NonNullable<Awaited<ReturnType<typeof getUserCredentialsByEmail>>>;

/**
 * The end of every successful sign-in: records the session (only while the password is still the
 * one checked), tells the owner about a new browser, lifts the client's lock and audits it.
 */
async function openSession(
  user: Credentials,
  client: { deviceId: string | null; deviceToken: string | null | undefined; limitKey: string },
  info: RequestInfo,
  metadata: Record<string, string>,
  db?: Transaction,
): Promise<SignedIn | null> {
  const sessionId = await inTransaction(async (tx) => {
    const created = await createAuthSession({ userId: user.id, ip: info.ip, userAgent: info.userAgent, passwordHash: user.passwordHash }, tx);
    if (!created) return null;
    // A browser new to an account that was used before: the owner should know (not of their very first sign-in).
    if (!client.deviceId && (await hasSignedInBefore(user.id, tx))) await notify(user.id, { type: "security.newSignIn", params: signInParams(info) }, tx);
    await resetRateLimit([client.limitKey], tx);
    await recordSecurityActivity(user.id, "security.signedIn", { device: signInParams(info).device }, tx);
    await createAuditEntry({ action: "auth.sign_in", actorId: user.id, targetUserId: user.id, ip: info.ip, userAgent: info.userAgent, metadata }, tx);
    return created;
  }, db);
  if (!sessionId) return null;
  return {
    status: "ok",
    sessionId,
    deviceToken: client.deviceId ? client.deviceToken! : issueDeviceToken(user.id),
    user: { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale },
  };
}

/**
 * The credential check behind sign-in; on success it records a new server-side session.
 * `deviceToken` is the browser's device cookie: a browser that signed in to this account before
 * is limited on its own, so a stranger's wrong guesses cannot lock the owner out.
 */
export async function authenticate(
  input: { email: string; password: string; deviceToken?: string | null },
  info: RequestInfo,
  db?: Transaction,
): Promise<AuthenticateResult> {
  const email = normalizeEmail(input.email);
  const user = await getUserCredentialsByEmail(email, db);
  const deviceId = trustedDeviceId(input.deviceToken, user?.id);
  const globalRule = rateLimitRules.signInFailuresGlobal();
  if (!deviceId) {
    const global = limitedBy(await peekRateLimit(globalRule, db), () => "global");
    if (global) return global;
  }

  const clientRule = deviceId ? rateLimitRules.signInPerDevice(deviceId) : rateLimitRules.signInPerAccount(email);
  const result = await consumeRateLimit([...perAddress(rateLimitRules.signInPerIp, info), clientRule], db);
  const limited = limitedBy(result, (exceeded) => (exceeded.includes(clientRule.key) && !deviceId ? "account" : "address"));
  if (limited) {
    // The first refused attempt tells the owner, once per lock, what happened and how to get back in.
    if (limited.scope === "account" && result.counts[clientRule.key] === clientRule.limit + 1 && user?.status === "active" && user.emailVerifiedAt) {
      await sendMail({ to: user.email, locale: user.locale, template: "signInBlocked", props: { name: user.name, url: `${appUrl()}/forgot-password` } }, db);
    }
    return limited;
  }

  const valid = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !valid) {
    await consumeRateLimit([globalRule], db);
    await createAuditEntry(
      { action: "auth.sign_in_failed", targetUserId: user?.id ?? null, ip: info.ip, userAgent: info.userAgent, metadata: { reason: "invalid_credentials" } },
      db,
    );
    return { status: "invalid" };
  }
  if (user.status === "disabled") {
    await createAuditEntry({ action: "auth.sign_in_failed", targetUserId: user.id, ip: info.ip, userAgent: info.userAgent, metadata: { reason: "disabled" } }, db);
    return { status: "disabled" };
  }
  if (!user.emailVerifiedAt) {
    const resend = await consumeRateLimit([rateLimitRules.verificationResendPerAccount(email)], db);
    if (resend.allowed) await sendVerificationEmail(user, user.locale, db);
    return { status: "unverified" };
  }
  if ((await getTwoFactorStatus(user.id, db)).enabled) {
    const challengeToken = generateToken();
    await replaceAuthToken(
      { userId: user.id, kind: "two_factor_challenge", tokenHash: hashToken(challengeToken), expiresAt: new Date(Date.now() + TWO_FACTOR_CHALLENGE_TTL_SECONDS * 1000) },
      db,
    );
    return { status: "two_factor_required", challengeToken };
  }
  return (await openSession(user, { deviceId, deviceToken: input.deviceToken, limitKey: clientRule.key }, info, {}, db)) ?? { status: "invalid" };
}

/** The account a two-factor sign-in's challenge (from its cookie) is waiting for, if it still is. */
export async function twoFactorChallengeUser(challengeToken: string, db?: Transaction): Promise<string | null> {
  return getAuthTokenUser("two_factor_challenge", hashToken(challengeToken), db);
}

export type SecondStepResult = SignedIn | { status: "invalid_code" | "challenge_expired" } | RateLimited;

/**
 * The code step of a two-factor sign-in: the challenge (from the password step) names the account;
 * a TOTP code or a recovery code completes it. Wrong codes count against the account's code limit;
 * the challenge works once and expires, so a new attempt starts again from the password.
 */
export async function completeTwoFactorSignIn(
  input: { challengeToken: string; code: string; deviceToken?: string | null },
  info: RequestInfo,
  db?: Transaction,
): Promise<SecondStepResult> {
  const challengeHash = hashToken(input.challengeToken);
  const userId = await twoFactorChallengeUser(input.challengeToken, db);
  const user = userId ? await getUserCredentialsById(userId, db) : null;
  if (!user || user.status !== "active") return { status: "challenge_expired" };
  const check = await checkSecondFactor(user.id, input.code, db);
  if (check.status === "rate_limited") {
    // Wrong codes after a right password: whoever typed them may know it. The owner hears once per lock.
    if (check.justLocked) await notify(user.id, { type: "security.twoFactorLocked", params: signInParams(info) }, db);
    return { status: "rate_limited", retryAfterSeconds: check.retryAfterSeconds, scope: "account" };
  }
  if (check.status !== "ok") {
    await createAuditEntry(
      { action: "auth.two_factor_failed", targetUserId: user.id, ip: info.ip, userAgent: info.userAgent, metadata: { reason: "invalid_code" } },
      db,
    );
    return { status: check.status === "not_enabled" ? "challenge_expired" : "invalid_code" };
  }
  const deviceId = trustedDeviceId(input.deviceToken, user.id);
  const limitKey = (deviceId ? rateLimitRules.signInPerDevice(deviceId) : rateLimitRules.signInPerAccount(user.email)).key;
  const signedIn = await inTransaction(async (tx) => {
    // Used up in the same transaction as the session it opens: one challenge, one session.
    if (!(await consumeAuthToken("two_factor_challenge", challengeHash, tx))) return null;
    if (check.method === "recovery_code") {
      await createAuditEntry({ action: "auth.recovery_code_used", actorId: user.id, targetUserId: user.id, ip: info.ip, userAgent: info.userAgent }, tx);
    }
    return openSession(user, { deviceId, deviceToken: input.deviceToken, limitKey }, info, { twoFactor: check.method }, tx);
  }, db);
  return signedIn ?? { status: "challenge_expired" };
}

/**
 * Counts the request and queues the rest: known and unknown emails get the same answer after the
 * same work. The job mails a link only to active accounts, in their own language.
 */
export async function requestPasswordReset(input: { email: string }, info: RequestInfo, db?: Transaction): Promise<{ status: "ok" } | RateLimited> {
  const email = normalizeEmail(input.email);
  const limited = limitedBy(
    await consumeRateLimit([...perAddress(rateLimitRules.resetRequestPerIp, info), rateLimitRules.resetRequestPerAccount(email)], db),
  );
  if (limited) return limited;
  const request: ResetRequest = { email, ip: info.ip };
  await enqueue("auth.password-reset", seal(request, "auth.password-reset"), db);
  return { status: "ok" };
}

type ResetRequest = { email: string; ip: string | null };

/** The reset-request job: the answer the request could not give without telling who has an account. */
export async function sendPasswordResetLink(data: JobData["auth.password-reset"], db?: Transaction): Promise<void> {
  const request = unseal<ResetRequest>(data, "auth.password-reset");
  await inTransaction(async (tx) => {
    const user = await getUserByEmail(request.email, tx);
    if (!user || user.status !== "active") return;
    const token = generateToken();
    await replaceAuthToken(
      { userId: user.id, kind: "password_reset", tokenHash: hashToken(token), expiresAt: new Date(Date.now() + RESET_TOKEN_TTL_MS) },
      tx,
    );
    await createAuditEntry({ action: "auth.password_reset_requested", targetUserId: user.id, ip: request.ip }, tx);
    await sendMail(
      { to: user.email, locale: user.locale, template: "resetPassword", props: { name: user.name, url: `${appUrl()}/reset-password?token=${token}` } },
      tx,
    );
  }, db);
}

/**
 * Sets the new password, ends every session of the account and lifts its sign-in lock, all in
 * one transaction. Whoever can read the account's mail is its owner, so the browser that reset it
 * becomes a known device (`deviceToken`): a stranger still guessing cannot lock it out again.
 */
export async function resetPassword(
  input: { token: string; password: string },
  info: RequestInfo,
  db?: Transaction,
): Promise<{ status: "ok"; deviceToken: string } | { status: "invalid_token" } | RateLimited> {
  const limited = limitedBy(await consumeRateLimit(perAddress(rateLimitRules.resetPerIp, info), db));
  if (limited) return limited;

  const passwordHash = await hashPassword(input.password);
  return inTransaction(async (tx) => {
    const userId = await consumeAuthToken("password_reset", hashToken(input.token), tx);
    if (!userId) return { status: "invalid_token" as const };
    // A sign-in waiting for its code passed the old password: it must not complete. (Before the user
    // row is locked, in the same order as a completing sign-in takes them, so the two cannot deadlock.)
    await voidAuthTokens(userId, "two_factor_challenge", tx);
    const email = await setUserPassword(userId, passwordHash, tx);
    await revokeUserSessions(userId, {}, tx);
    if (email) await resetRateLimit([rateLimitRules.signInPerAccount(email).key], tx);
    await createAuditEntry({ action: "auth.password_reset", actorId: userId, targetUserId: userId, ip: info.ip }, tx);
    await notify(userId, { type: "security.passwordChanged", params: signInParams(info) }, tx);
    await recordSecurityActivity(userId, "security.passwordReset", {}, tx);
    return { status: "ok" as const, deviceToken: issueDeviceToken(userId) };
  }, db);
}

export async function verifyEmail(token: string, info: RequestInfo, db?: Transaction): Promise<{ status: "ok" | "invalid_token" }> {
  return inTransaction(async (tx) => {
    const userId = await consumeAuthToken("email_verification", hashToken(token), tx);
    if (!userId) return { status: "invalid_token" as const };
    await markEmailVerified(userId, tx);
    await createAuditEntry({ action: "auth.email_verified", actorId: userId, targetUserId: userId, ip: info.ip }, tx);
    return { status: "ok" as const };
  }, db);
}
