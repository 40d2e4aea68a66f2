import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import { users } from "@/db/schema";
import { createAuditEntry } from "@/db/queries/audit";
import { consumeRateLimit, resetRateLimit, type RateLimitResult } from "@/db/queries/rate-limits";
import { createAuthSession, revokeUserSessions } from "@/db/queries/sessions";
import { consumeAuthToken, replaceAuthToken } from "@/db/queries/tokens";
import { createUser, getUserByEmail, getUserCredentialsByEmail, normalizeEmail } from "@/db/queries/users";
import { appUrl } from "@/lib/env";
import type { Locale } from "@/lib/i18n/config";
import { sendMail } from "@/lib/mail";
import { hashPassword, verifyPassword } from "@/lib/passwords";
import type { RequestInfo } from "@/lib/request-info";
import { generateToken, hashToken } from "@/lib/tokens";

const MINUTE = 60;
const HOUR = 60 * MINUTE;
export const VERIFICATION_TOKEN_TTL_MS = 24 * HOUR * 1000;
export const RESET_TOKEN_TTL_MS = HOUR * 1000;

export const rateLimitRules = {
  signInPerIp: (ip: string) => ({ key: `sign-in:ip:${ip}`, limit: 30, windowSeconds: 15 * MINUTE }),
  signInPerAccount: (email: string) => ({ key: `sign-in:account:${email}`, limit: 10, windowSeconds: 15 * MINUTE }),
  signUpPerIp: (ip: string) => ({ key: `sign-up:ip:${ip}`, limit: 10, windowSeconds: HOUR }),
  // Each sign-up mails the address, so repeating one must not flood someone's inbox.
  signUpPerAccount: (email: string) => ({ key: `sign-up:account:${email}`, limit: 3, windowSeconds: HOUR }),
  resetRequestPerIp: (ip: string) => ({ key: `reset-request:ip:${ip}`, limit: 10, windowSeconds: HOUR }),
  resetRequestPerAccount: (email: string) => ({ key: `reset-request:account:${email}`, limit: 5, windowSeconds: HOUR }),
  resetPerIp: (ip: string) => ({ key: `reset:ip:${ip}`, limit: 20, windowSeconds: HOUR }),
  verificationResendPerAccount: (email: string) => ({ key: `verify-resend:account:${email}`, limit: 3, windowSeconds: HOUR }),
};

type RateLimited = { status: "rate_limited"; retryAfterSeconds: number };

function limitedBy(result: RateLimitResult): RateLimited | null {
  return result.allowed ? null : { status: "rate_limited", retryAfterSeconds: result.retryAfterSeconds };
}

function ipKey(info: RequestInfo): string {
  return info.ip ?? "unknown";
}

async function sendVerificationEmail(user: { id: string; email: string; name: string }, locale: Locale, db: Database) {
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

/**
 * Creates the account and mails a verification link. An email that already has an account
 * gets the same answer, and its owner a note instead, so sign-up does not reveal who is registered.
 */
export async function registerUser(
  input: { name: string; email: string; password: string; locale: Locale },
  info: RequestInfo,
  db: Database = getDb(),
): Promise<{ status: "ok" } | RateLimited> {
  const limited = limitedBy(
    await consumeRateLimit([rateLimitRules.signUpPerIp(ipKey(info)), rateLimitRules.signUpPerAccount(normalizeEmail(input.email))], db),
  );
  if (limited) return limited;

  const existing = await getUserByEmail(input.email, db);
  if (existing) {
    await sendMail(
      { to: existing.email, locale: input.locale, template: "accountExists", props: { name: existing.name, url: `${appUrl()}/forgot-password` } },
      db,
    );
    return { status: "ok" };
  }
  const passwordHash = await hashPassword(input.password);
  const user = await createUser({ name: input.name, email: input.email, passwordHash, locale: input.locale }, db);
  await createAuditEntry({ action: "auth.sign_up", actorId: user.id, targetUserId: user.id, ip: info.ip }, db);
  await sendVerificationEmail(user, input.locale, db);
  return { status: "ok" };
}

export type AuthenticateResult =
  | { status: "ok"; user: { id: string; email: string; name: string; role: "customer" | "admin" }; sessionId: string }
  | { status: "invalid" | "unverified" | "disabled" }
  | RateLimited;

/** The credential check behind sign-in; on success it records a new server-side session. */
export async function authenticate(
  input: { email: string; password: string; locale: Locale },
  info: RequestInfo,
  db: Database = getDb(),
): Promise<AuthenticateResult> {
  const email = normalizeEmail(input.email);
  const accountRule = rateLimitRules.signInPerAccount(email);
  const limited = limitedBy(await consumeRateLimit([rateLimitRules.signInPerIp(ipKey(info)), accountRule], db));
  if (limited) return limited;

  const user = await getUserCredentialsByEmail(email, db);
  const valid = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !valid) {
    await createAuditEntry(
      { action: "auth.sign_in_failed", targetUserId: user?.id ?? null, ip: info.ip, metadata: { reason: "invalid_credentials" } },
      db,
    );
    return { status: "invalid" };
  }
  if (user.status === "disabled") {
    await createAuditEntry({ action: "auth.sign_in_failed", targetUserId: user.id, ip: info.ip, metadata: { reason: "disabled" } }, db);
    return { status: "disabled" };
  }
  if (!user.emailVerifiedAt) {
    const resend = await consumeRateLimit([rateLimitRules.verificationResendPerAccount(email)], db);
    if (resend.allowed) await sendVerificationEmail(user, input.locale, db);
    return { status: "unverified" };
  }

  await resetRateLimit([accountRule.key], db);
  const sessionId = await createAuthSession({ userId: user.id, ip: info.ip, userAgent: info.userAgent }, db);
  await createAuditEntry({ action: "auth.sign_in", actorId: user.id, targetUserId: user.id, ip: info.ip }, db);
  return { status: "ok", sessionId, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}

/** Always answers the same for known and unknown emails; only active accounts get a link. */
export async function requestPasswordReset(
  input: { email: string; locale: Locale },
  info: RequestInfo,
  db: Database = getDb(),
): Promise<{ status: "ok" } | RateLimited> {
  const email = normalizeEmail(input.email);
  const limited = limitedBy(
    await consumeRateLimit([rateLimitRules.resetRequestPerIp(ipKey(info)), rateLimitRules.resetRequestPerAccount(email)], db),
  );
  if (limited) return limited;

  const user = await getUserByEmail(email, db);
  if (!user || user.status !== "active") return { status: "ok" };
  const token = generateToken();
  await replaceAuthToken(
    { userId: user.id, kind: "password_reset", tokenHash: hashToken(token), expiresAt: new Date(Date.now() + RESET_TOKEN_TTL_MS) },
    db,
  );
  await createAuditEntry({ action: "auth.password_reset_requested", targetUserId: user.id, ip: info.ip }, db);
  await sendMail(
    { to: user.email, locale: input.locale, template: "resetPassword", props: { name: user.name, url: `${appUrl()}/reset-password?token=${token}` } },
    db,
  );
  return { status: "ok" };
}

/** Sets the new password and ends every session of the account, all in one transaction. */
export async function resetPassword(
  input: { token: string; password: string },
  info: RequestInfo,
  db: Database = getDb(),
): Promise<{ status: "ok" | "invalid_token" } | RateLimited> {
  const limited = limitedBy(await consumeRateLimit([rateLimitRules.resetPerIp(ipKey(info))], db));
  if (limited) return limited;

  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const userId = await consumeAuthToken("password_reset", hashToken(input.token), tx);
    if (!userId) return { status: "invalid_token" as const };
    const now = new Date();
    // The emailed link proves the address, so an unverified account becomes verified.
    await tx
      .update(users)
      .set({ passwordHash, updatedAt: now, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
      .where(eq(users.id, userId));
    await revokeUserSessions(userId, {}, tx);
    await createAuditEntry({ action: "auth.password_reset", actorId: userId, targetUserId: userId, ip: info.ip }, tx);
    return { status: "ok" as const };
  });
}

export async function verifyEmail(
  token: string,
  info: RequestInfo,
  db: Database = getDb(),
): Promise<{ status: "ok" | "invalid_token" }> {
  return db.transaction(async (tx) => {
    const userId = await consumeAuthToken("email_verification", hashToken(token), tx);
    if (!userId) return { status: "invalid_token" as const };
    await tx.update(users).set({ emailVerifiedAt: new Date(), updatedAt: new Date() }).where(eq(users.id, userId));
    await createAuditEntry({ action: "auth.email_verified", actorId: userId, targetUserId: userId, ip: info.ip }, tx);
    return { status: "ok" as const };
  });
}
