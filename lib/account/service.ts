import "server-only";
import { createAuditEntry } from "@/db/queries/audit";
import {
  closeOwnedAccount,
  deleteFileRows,
  deleteUserRecords,
  getDeletionPreview,
  listOtherMembers,
  lockDeletionSubject,
  type DeletionPreview,
} from "@/db/queries/account-deletion";
import { consumeRateLimit } from "@/db/queries/rate-limits";
import { getStripeCustomerId } from "@/db/queries/stripe-sync";
import { getCurrentSubscription } from "@/db/queries/subscriptions";
import { inTransaction, type Transaction } from "@/db/queries/transaction";
import { getUserCredentialsById } from "@/db/queries/users";
import type { Actor } from "@/lib/actor";
import { appUrl } from "@/lib/env";
import { enqueue } from "@/lib/jobs";
import { sendMail } from "@/lib/mail";
import { verifyPassword } from "@/lib/passwords";
import type { RequestInfo } from "@/lib/request-info";

const FILE_DELETION_BATCH = 1000;

// The password is asked again: as many guesses as sign-in allows a new device, per account.
export const accountDeletionRule = (userId: string) => ({ key: `account-deletion:user:${userId}`, limit: 10, windowSeconds: 15 * 60 });

export type { DeletionPreview };

/** What deleting the actor's account would do: the confirmation shows it before anything happens. */
export async function previewAccountDeletion(actor: Actor, db?: Transaction): Promise<DeletionPreview | null> {
  return getDeletionPreview(actor.id, db);
}

export type DeleteAccountResult =
  | { status: "ok"; accountClosed: boolean; filesQueued: number; subscriptionCancelled: boolean }
  | { status: "invalid_password" | "staff_account" | "not_found" }
  | { status: "rate_limited"; retryAfterSeconds: number };

/**
 * Deletes the actor's own account (GDPR art. 17), confirmed with the password. In one transaction:
 * an owner's customer account closes (its other members are told and removed; what it held goes,
 * except the invoices tax law makes us keep); the user's personal data and user row go, which ends
 * every session and frees the email; an audit row without personal data stays. Staff are refused:
 * their account carries the audit trail of what they did, so another admin disables it instead.
 *
 * Two things happen outside the database, so they are jobs enqueued in the same transaction: they
 * run only if it commits, and are retried until done. Deleting stored bytes cannot be rolled back,
 * and cancelling at the payment provider cannot either: called inside the transaction, a failed
 * commit would leave a live account without its files or its subscription.
 */
export async function deleteOwnAccount(actor: Actor, input: { password: string }, info: RequestInfo, db?: Transaction): Promise<DeleteAccountResult> {
  const rule = accountDeletionRule(actor.id);
  const limit = await consumeRateLimit([rule], db);
  if (!limit.allowed) return { status: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
  const credentials = await getUserCredentialsById(actor.id, db);
  if (!credentials) return { status: "not_found" };
  if (!(await verifyPassword(credentials.passwordHash, input.password))) return { status: "invalid_password" };
  if (credentials.role !== "customer") return { status: "staff_account" };

  return inTransaction(async (tx) => {
    const subject = await lockDeletionSubject(actor.id, tx);
    if (!subject) return { status: "not_found" as const };
    // The password was checked before the row was locked: a change committed since then wins.
    if ((await getUserCredentialsById(actor.id, tx))?.passwordHash !== credentials.passwordHash) return { status: "invalid_password" as const };
    const ownedAccount = subject.account?.role === "owner" ? subject.account : null;

    let subscriptionCancelled = false;
    if (ownedAccount) {
      const [subscription, customerId] = await Promise.all([getCurrentSubscription(ownedAccount.id, tx), getStripeCustomerId(ownedAccount.id, tx)]);
      if (subscription && customerId) {
        await enqueue("account.cancel-subscription", { accountId: ownedAccount.id, stripeSubscriptionId: subscription.stripeSubscriptionId, customerId }, tx);
        subscriptionCancelled = true;
      }
      for (const member of await listOtherMembers(ownedAccount.id, actor.id, tx)) {
        await sendMail({ to: member.email, locale: member.locale, template: "accountClosed", props: { name: member.name, url: appUrl(), email: ownedAccount.name } }, tx);
      }
    }
    const storageKeys = await deleteFileRows(actor.id, ownedAccount?.id ?? null, tx);
    // In jobs of a thousand files: each finishes well within its time limit, and a retry repeats little.
    for (let start = 0; start < storageKeys.length; start += FILE_DELETION_BATCH) {
      await enqueue("account.delete-files", { storageKeys: storageKeys.slice(start, start + FILE_DELETION_BATCH) }, tx);
    }
    if (ownedAccount) await closeOwnedAccount(ownedAccount.id, tx);
    await deleteUserRecords(subject, tx);
    // Who it was is exactly what must not stay: no ids, names, addresses or IP of the person.
    await createAuditEntry(
      { action: "user.account_deleted", metadata: { accountClosed: Boolean(ownedAccount), filesQueued: storageKeys.length, subscriptionCancelled } },
      tx,
    );
    return { status: "ok" as const, accountClosed: Boolean(ownedAccount), filesQueued: storageKeys.length, subscriptionCancelled };
  }, db);
}
