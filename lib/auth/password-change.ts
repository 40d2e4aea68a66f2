import "server-only";
import { createAuditEntry } from "@/db/queries/audit";
import { consumeRateLimit, resetRateLimit } from "@/db/queries/rate-limits";
import { revokeUserSessions } from "@/db/queries/sessions";
import { voidAuthTokens } from "@/db/queries/tokens";
import { inTransaction, type Transaction } from "@/db/queries/transaction";
import { getUserCredentialsById, setUserPassword } from "@/db/queries/users";
import { recordActivity } from "@/lib/activity/service";
import type { Actor } from "@/lib/actor";
import { appUrl } from "@/lib/env";
import { sendMail } from "@/lib/mail";
import { notify } from "@/lib/notifications/service";
import { hashPassword, verifyPassword } from "@/lib/passwords";
import { addressBucket, type RequestInfo } from "@/lib/request-info";
import { describeUserAgent } from "@/lib/user-agent";

const FIFTEEN_MINUTES = 15 * 60;

// As many guesses at the current password as sign-in allows a new device: a borrowed session
// must not become a way to test passwords faster than the sign-in form.
export const passwordChangeRules = {
  perUser: (userId: string) => ({ key: `password-change:user:${userId}`, limit: 10, windowSeconds: FIFTEEN_MINUTES }),
  perIp: (bucket: string) => ({ key: `password-change:ip:${bucket}`, limit: 30, windowSeconds: FIFTEEN_MINUTES }),
};

export type ChangePasswordResult =
  | { status: "ok"; sessionsEnded: number }
  | { status: "invalid_password" | "password_is_email" }
  | { status: "rate_limited"; retryAfterSeconds: number };

/**
 * Changes the password of the actor's own account, for the current one. In one transaction: the new
 * hash, every other session ended (this one stays), the audit row, the timeline entry, the
 * notification and an email. The email goes out whatever the notification switches say: if
 * someone else changed it, the owner must hear of it where the intruder cannot switch it off.
 */
export async function changePassword(
  actor: Actor,
  input: { currentPassword: string; password: string },
  info: RequestInfo,
  db?: Transaction,
): Promise<ChangePasswordResult> {
  const userRule = passwordChangeRules.perUser(actor.id);
  const rules = info.ip ? [passwordChangeRules.perIp(addressBucket(info.ip)), userRule] : [userRule];
  const limit = await consumeRateLimit(rules, db);
  if (!limit.allowed) return { status: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };

  const user = await getUserCredentialsById(actor.id, db);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) return { status: "invalid_password" };
  // Sign-up refuses the address as a password; so does a change.
  if (input.password.toLowerCase() === user.email) return { status: "password_is_email" };

  const passwordHash = await hashPassword(input.password);
  return inTransaction(async (tx) => {
    // A sign-in waiting for its code, a reset link or an email change may come from whoever knew the
    // old password: an email change left pending would hand them the account through a later reset.
    await voidAuthTokens(actor.id, "two_factor_challenge", tx);
    await voidAuthTokens(actor.id, "password_reset", tx);
    await voidAuthTokens(actor.id, "email_change", tx);
    await setUserPassword(actor.id, passwordHash, tx);
    const sessionsEnded = await revokeUserSessions(actor.id, actor.sessionId ? { keepSessionId: actor.sessionId } : {}, tx);
    await resetRateLimit([userRule.key], tx);
    await createAuditEntry(
      { action: "user.password_changed", actorId: actor.id, targetUserId: actor.id, ip: info.ip, userAgent: info.userAgent, metadata: { sessionsEnded } },
      tx,
    );
    if (actor.accountId) {
      await recordActivity(
        { accountId: actor.accountId, type: "security.passwordChanged", actorId: actor.id, onlyForUserId: actor.id, link: "/dashboard/security" },
        tx,
      );
    }
    const { browser, os } = describeUserAgent(info.userAgent);
    await notify(actor.id, { type: "security.passwordUpdated", params: { device: [browser, os].filter(Boolean).join(" · ") || "—", ip: info.ip ?? "—" } }, tx);
    await sendMail({ to: user.email, locale: user.locale, template: "passwordChanged", props: { name: user.name, url: `${appUrl()}/forgot-password` } }, tx);
    return { status: "ok" as const, sessionsEnded };
  }, db);
}
