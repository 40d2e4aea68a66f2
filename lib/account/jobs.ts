import "server-only";
import { getCurrentSubscription } from "@/db/queries/subscriptions";
import { paymentsAdapter } from "@/lib/billing/adapter";
import type { JobData } from "@/lib/jobs";
import { storage } from "@/lib/storage";

/**
 * Deletes the bytes of a deleted account's files. A failure throws, so the queue tries again;
 * keys already gone are no error, so a retry after a partial run finishes the rest.
 */
export async function deleteAccountFiles(data: JobData["account.delete-files"]): Promise<{ deleted: number }> {
  const store = await storage();
  for (const key of data.storageKeys) await store.delete(key);
  return { deleted: data.storageKeys.length };
}

/**
 * Ends a closed account's subscription at the payment provider, now. Our row changes when the
 * provider's event reaches the webhook, as for every subscription change; once it says ended,
 * a retry of this job has nothing left to do.
 */
export async function cancelClosedAccountSubscription(data: JobData["account.cancel-subscription"]): Promise<{ cancelled: boolean }> {
  const subscription = await getCurrentSubscription(data.accountId);
  if (!subscription || subscription.stripeSubscriptionId !== data.stripeSubscriptionId) return { cancelled: false };
  await (await paymentsAdapter()).cancelNow({
    stripeSubscriptionId: subscription.stripeSubscriptionId,
    customerId: data.customerId,
    accountId: subscription.accountId,
    status: subscription.status,
    cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
    currentPeriodStart: subscription.currentPeriodStart,
    currentPeriodEnd: subscription.currentPeriodEnd,
    plan: subscription.plan,
  });
  return { cancelled: true };
}
