import "server-only";
import { createAuditEntry } from "@/db/queries/audit";
import { consumeRateLimit, resetRateLimit } from "@/db/queries/rate-limits";
import { inTransaction, type Transaction } from "@/db/queries/transaction";
import {
  consumeRecoveryCode,
  deleteTwoFactor,
  getTwoFactor,
  markTwoFactorEnabled,
  recordTotpStep,
  replaceRecoveryCodes,
  savePendingTwoFactor,
} from "@/db/queries/two-factor";
import { revokeUserSessions } from "@/db/queries/sessions";
import { getUserCredentialsById } from "@/db/queries/users";
import { assertStaff } from "@/lib/users/service";
import { recordSecurityActivity } from "@/lib/activity/service";
import type { Actor } from "@/lib/actor";
import { notify } from "@/lib/notifications/service";
import { verifyPassword } from "@/lib/passwords";
import type { RequestInfo } from "@/lib/request-info";
import { seal, unseal } from "@/lib/sealed";
import { generateRecoveryCodes, generateTotpSecret, hashRecoveryCode, normalizeRecoveryCode, totpQrSvg, totpUri, verifyTotp } from "./totp";

// Codes are six digits: past this many wrong ones in the window, the account's codes wait.
export const twoFactorCodeRule = (userId: string) => ({ key: `two-factor:user:${userId}`, limit: 10, windowSeconds: 15 * 60 });

/** `justLocked`: this attempt is the first one refused in its window (so the owner is told once). */
type Limited = { status: "rate_limited"; retryAfterSeconds: number; justLocked: boolean };

function sealTotpSecret(userId: string, secret: string): string {
  return seal(secret, `totp:${userId}`).sealed;
}

/** Null when the secret cannot be opened (AUTH_SECRET was changed): recovery codes still work then. */
function tryOpenTotpSecret(userId: string, sealed: string): string | null {
  try {
    return unseal<string>({ sealed }, `totp:${userId}`);
  } catch {
    return null;
  }
}

/**
 * Checks a second factor for an account with two-factor on: a current TOTP code (never one already
 * used) or an unused recovery code, which this uses up. Counts towards the account's code limit.
 */
export async function checkSecondFactor(userId: string, code: string, db?: Transaction): Promise<SecondFactorResult | Limited> {
  const limited = await countAttempt(userId, db);
  return limited ?? verifySecondFactor(userId, code, db);
}

type SecondFactorResult = { status: "ok"; method: "totp" | "recovery_code" } | { status: "invalid_code" | "not_enabled" };

/** Counts one attempt against the account's code limit (codes and passwords asked again alike). */
async function countAttempt(userId: string, db?: Transaction): Promise<Limited | null> {
  const rule = twoFactorCodeRule(userId);
  const limit = await consumeRateLimit([rule], db);
  if (limit.allowed) return null;
  return { status: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds, justLocked: limit.counts[rule.key] === rule.limit + 1 };
}

async function verifySecondFactor(userId: string, code: string, db?: Transaction): Promise<SecondFactorResult> {
  const row = await getTwoFactor(userId, db);
  if (!row?.enabledAt) return { status: "not_enabled" };
  const secret = tryOpenTotpSecret(userId, row.secret);
  const step = secret === null ? null : verifyTotp(secret, code.replace(/\s/g, ""), row.lastUsedStep);
  const recoveryCode = step === null ? normalizeRecoveryCode(code) : null;
  let method: "totp" | "recovery_code" | null = null;
  if (step !== null && (await recordTotpStep(userId, step, db))) method = "totp";
  else if (recoveryCode && (await consumeRecoveryCode(userId, hashRecoveryCode(userId, recoveryCode), db))) method = "recovery_code";
  if (!method) return { status: "invalid_code" };
  // The owner got it right: earlier slips no longer count against them.
  await resetRateLimit([twoFactorCodeRule(userId).key], db);
  return { status: "ok", method };
}

/** The password again, before two-factor is changed: a session left open must not be enough. */
async function passwordConfirmed(userId: string, password: string, db?: Transaction): Promise<boolean> {
  const user = await getUserCredentialsById(userId, db);
  return Boolean(user && (await verifyPassword(user.passwordHash, password)));
}

/**
 * Begins enrolment with a fresh secret, for the password; the page then shows it as a QR code until
 * it is confirmed. Without the password a borrowed session could bind its own authenticator.
 */
export async function startTwoFactorEnrolment(
  actor: Actor,
  input: { password: string },
  db?: Transaction,
): Promise<{ status: "ok" | "already_enabled" | "invalid_password" } | Limited> {
  const limited = await countAttempt(actor.id, db);
  if (limited) return limited;
  if (!(await passwordConfirmed(actor.id, input.password, db))) return { status: "invalid_password" };
  return (await savePendingTwoFactor(actor.id, sealTotpSecret(actor.id, generateTotpSecret()), db)) ? { status: "ok" } : { status: "already_enabled" };
}

/** The pending enrolment's secret and QR code, for the user's own enrolment page only. */
export async function getPendingEnrolment(actor: Actor & { email: string }, db?: Transaction) {
  const row = await getTwoFactor(actor.id, db);
  const secret = row && !row.enabledAt ? tryOpenTotpSecret(actor.id, row.secret) : null;
  if (!secret) return null;
  const uri = totpUri(secret, actor.email);
  return { secret, uri, qrSvg: await totpQrSvg(uri) };
}

async function newRecoveryCodes(userId: string, tx: Transaction): Promise<string[]> {
  const codes = generateRecoveryCodes();
  await replaceRecoveryCodes(userId, codes.map((code) => hashRecoveryCode(userId, code)), tx);
  return codes;
}

/** The first code from the app proves it holds the secret: two-factor goes on, with ten recovery codes shown once. */
export async function confirmTwoFactorEnrolment(
  actor: Actor,
  code: string,
  info: RequestInfo,
  db?: Transaction,
): Promise<{ status: "ok"; recoveryCodes: string[] } | { status: "invalid_code" | "no_enrolment" } | Limited> {
  return inTransaction(async (tx) => {
    const limited = await countAttempt(actor.id, tx);
    if (limited) return limited;
    const row = await getTwoFactor(actor.id, tx);
    if (!row || row.enabledAt) return { status: "no_enrolment" as const };
    const secret = tryOpenTotpSecret(actor.id, row.secret);
    if (!secret) return { status: "no_enrolment" as const };
    const step = verifyTotp(secret, code.replace(/\s/g, ""), null);
    if (step === null) return { status: "invalid_code" as const };
    if (!(await markTwoFactorEnabled(actor.id, tx))) return { status: "no_enrolment" as const };
    await recordTotpStep(actor.id, step, tx);
    await resetRateLimit([twoFactorCodeRule(actor.id).key], tx);
    // Sessions opened before, with the password alone, end: from now on every session passed a code.
    await revokeUserSessions(actor.id, { keepSessionId: actor.sessionId }, tx);
    const recoveryCodes = await newRecoveryCodes(actor.id, tx);
    await createAuditEntry({ action: "auth.two_factor_enabled", actorId: actor.id, targetUserId: actor.id, ip: info.ip, userAgent: info.userAgent }, tx);
    await notify(actor.id, { type: "security.twoFactorEnabled", params: {} }, tx);
    await recordSecurityActivity(actor.id, "security.twoFactorEnabled", {}, tx);
    return { status: "ok" as const, recoveryCodes };
  }, db);
}

/**
 * Turns two-factor off with the password and a code. Staff may not: the staff area requires it,
 * and the only way back in would be enrolling again.
 */
export async function disableTwoFactor(
  actor: Actor,
  input: { password: string; code: string },
  info: RequestInfo,
  db?: Transaction,
): Promise<{ status: "ok" | "invalid_password" | "invalid_code" | "not_enabled" | "required_for_staff" } | Limited> {
  if (actor.role === "admin") return { status: "required_for_staff" };
  const limited = await countAttempt(actor.id, db);
  if (limited) return limited;
  if (!(await passwordConfirmed(actor.id, input.password, db))) return { status: "invalid_password" };
  return inTransaction(async (tx) => {
    const check = await verifySecondFactor(actor.id, input.code, tx);
    if (check.status !== "ok") return check;
    await deleteTwoFactor(actor.id, tx);
    await createAuditEntry({ action: "auth.two_factor_disabled", actorId: actor.id, targetUserId: actor.id, ip: info.ip, userAgent: info.userAgent }, tx);
    await notify(actor.id, { type: "security.twoFactorDisabled", params: {} }, tx);
    await recordSecurityActivity(actor.id, "security.twoFactorDisabled", { byStaff: false }, tx);
    return { status: "ok" as const };
  }, db);
}

/** New recovery codes for a current code; every earlier one stops working. */
export async function regenerateRecoveryCodes(
  actor: Actor,
  code: string,
  info: RequestInfo,
  db?: Transaction,
): Promise<{ status: "ok"; recoveryCodes: string[] } | { status: "invalid_code" | "not_enabled" } | Limited> {
  return inTransaction(async (tx) => {
    const check = await checkSecondFactor(actor.id, code, tx);
    if (check.status !== "ok") return check;
    const recoveryCodes = await newRecoveryCodes(actor.id, tx);
    await createAuditEntry({ action: "auth.recovery_codes_regenerated", actorId: actor.id, targetUserId: actor.id, ip: info.ip, userAgent: info.userAgent }, tx);
    return { status: "ok" as const, recoveryCodes };
  }, db);
}

/**
 * Two-factor on with a given secret, skipping enrolment: only for the demo seed (whose admin's
 * secret is printed at start-up) and for tests. Returns the new recovery codes.
 */
export async function enableTwoFactorWithSecret(userId: string, secret: string, db?: Transaction): Promise<string[]> {
  return inTransaction(async (tx) => {
    await savePendingTwoFactor(userId, sealTotpSecret(userId, secret), tx);
    await markTwoFactorEnabled(userId, tx);
    return newRecoveryCodes(userId, tx);
  }, db);
}

/**
 * Staff turn off a user's two-factor when they have lost their phone and their recovery codes (after
 * checking who is asking, outside the app). The user's sessions end, so whoever signs in next does so
 * with the password, and is told; staff accounts must then enrol again before the staff area opens.
 */
export async function adminResetTwoFactor(
  admin: Actor,
  input: { userId: string },
  info: RequestInfo,
  db?: Transaction,
): Promise<{ status: "ok" | "not_enabled" | "not_yourself" }> {
  assertStaff(admin);
  if (input.userId === admin.id) return { status: "not_yourself" };
  return inTransaction(async (tx) => {
    if (!(await deleteTwoFactor(input.userId, tx))) return { status: "not_enabled" as const };
    await revokeUserSessions(input.userId, {}, tx);
    await createAuditEntry({ action: "admin.two_factor_reset", actorId: admin.id, targetUserId: input.userId, ip: info.ip, userAgent: info.userAgent }, tx);
    await notify(input.userId, { type: "security.twoFactorResetByStaff", params: {} }, tx);
    await recordSecurityActivity(input.userId, "security.twoFactorDisabled", { byStaff: true }, tx, { byStaff: true });
    return { status: "ok" as const };
  }, db);
}
