import "server-only";
import { createAuditEntry } from "@/db/queries/audit";
import { consumeRateLimit } from "@/db/queries/rate-limits";
import { consumeEmailChangeToken, replaceAuthToken, voidAuthTokens } from "@/db/queries/tokens";
import { inTransaction, type Transaction } from "@/db/queries/transaction";
import { isUniqueViolation } from "@/db/errors";
import {
  getUserByEmail,
  getUserCredentialsById,
  getUserProfile,
  getUserWithPreferences,
  normalizeEmail,
  setUserEmail,
  updateUserProfile,
  type UserProfile,
} from "@/db/queries/users";
import { recordSecurityActivity } from "@/lib/activity/service";
import type { Actor } from "@/lib/actor";
import { appUrl } from "@/lib/env";
import type { Locale } from "@/lib/i18n/config";
import { sendMail } from "@/lib/mail";
import { notify } from "@/lib/notifications/service";
import { verifyPassword } from "@/lib/passwords";
import type { RequestInfo } from "@/lib/request-info";
import { generateToken, hashToken } from "@/lib/tokens";

export const EMAIL_CHANGE_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

// Each request mails two addresses and checks the password: a few an hour is plenty for a person.
export const emailChangeRateLimit = (userId: string) => ({ key: `email-change:user:${userId}`, limit: 5, windowSeconds: 60 * 60 });

/** The actor's own contact details; audited with the names of the fields that changed, not their values. */
export async function updateProfile(actor: Actor, input: UserProfile, info: RequestInfo, db?: Transaction): Promise<{ status: "ok" | "unchanged" }> {
  return inTransaction(async (tx) => {
    const before = await getUserProfile(actor.id, tx);
    if (!before) return { status: "unchanged" as const };
    const changed = (Object.keys(input) as (keyof UserProfile)[]).filter((field) => before[field] !== input[field]);
    if (changed.length === 0) return { status: "unchanged" as const };
    await updateUserProfile(actor.id, input, tx);
    await createAuditEntry({ action: "user.profile_updated", actorId: actor.id, targetUserId: actor.id, ip: info.ip, userAgent: info.userAgent, metadata: { fields: changed.join(",") } }, tx);
    return { status: "ok" as const };
  }, db);
}

export type EmailChangeRequestResult = { status: "ok" | "wrong_password" | "same_email" } | { status: "rate_limited"; retryAfterSeconds: number };

/**
 * Mails a confirmation link to the new address and tells the current one that a change was asked
 * for; nothing changes until the link is used. An address that already has an account gets the
 * same answer and no mail, so the form cannot be used to find out who is registered.
 */
export async function requestEmailChange(
  actor: Actor & { locale: Locale },
  input: { newEmail: string; currentPassword: string },
  info: RequestInfo,
  db?: Transaction,
): Promise<EmailChangeRequestResult> {
  const limit = await consumeRateLimit([emailChangeRateLimit(actor.id)], db);
  if (!limit.allowed) return { status: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
  const newEmail = normalizeEmail(input.newEmail);
  const user = await getUserCredentialsById(actor.id, db);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) return { status: "wrong_password" };
  if (newEmail === user.email) return { status: "same_email" };

  await inTransaction(async (tx) => {
    await createAuditEntry({ action: "user.email_change_requested", actorId: actor.id, targetUserId: actor.id, ip: info.ip, userAgent: info.userAgent }, tx);
    // The current address is told either way, so what it receives never says whether the new one is taken.
    await sendMail(
      { to: user.email, locale: actor.locale, template: "emailChangeRequested", props: { name: user.name, url: `${appUrl()}/dashboard/security`, email: newEmail } },
      tx,
    );
    if (await getUserByEmail(newEmail, tx)) return;
    const token = generateToken();
    await replaceAuthToken(
      { userId: actor.id, kind: "email_change", tokenHash: hashToken(token), expiresAt: new Date(Date.now() + EMAIL_CHANGE_TOKEN_TTL_MS), newEmail },
      tx,
    );
    const url = `${appUrl()}/verify-email-change?token=${token}`;
    await sendMail({ to: newEmail, locale: actor.locale, template: "confirmEmailChange", props: { name: user.name, url, email: newEmail } }, tx);
  }, db);
  return { status: "ok" };
}

/**
 * Applies an email change when its link is used: the new address must still be free, becomes the
 * account's verified address, and the old one is told, so a hijacked session cannot move the
 * account away silently.
 */
export async function confirmEmailChange(token: string, info: RequestInfo, db?: Transaction): Promise<{ status: "ok" | "invalid_token" | "email_taken" }> {
  return inTransaction(async (tx) => {
    const change = await consumeEmailChangeToken(hashToken(token), tx);
    if (!change) return { status: "invalid_token" as const };
    if (await getUserByEmail(change.newEmail, tx)) return { status: "email_taken" as const };
    const user = await getUserWithPreferences(change.userId, tx);
    if (!user) return { status: "invalid_token" as const };
    // Links mailed to the old address (a reset, a verification) and a waiting sign-in must not outlive it.
    for (const kind of ["password_reset", "email_verification", "two_factor_challenge"] as const) await voidAuthTokens(change.userId, kind, tx);
    try {
      await setUserEmail(change.userId, change.newEmail, tx);
    } catch (error) {
      // Another account took the address a moment ago (the unique index saw it; the savepoint undoes only this).
      if (isUniqueViolation(error)) return { status: "email_taken" as const };
      throw error;
    }
    await createAuditEntry(
      { action: "user.email_changed", actorId: change.userId, targetUserId: change.userId, ip: info.ip, userAgent: info.userAgent, metadata: { from: user.email, to: change.newEmail } },
      tx,
    );
    await notify(change.userId, { type: "account.emailChanged", params: { email: change.newEmail } }, tx);
    await recordSecurityActivity(change.userId, "security.emailChanged", { email: change.newEmail }, tx);
    await sendMail(
      { to: user.email, locale: user.locale, template: "emailChanged", props: { name: user.name, url: `${appUrl()}/forgot-password`, email: change.newEmail } },
      tx,
    );
    return { status: "ok" as const };
  }, db);
}
