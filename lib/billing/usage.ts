import "server-only";
import { getCallUsage } from "@/db/queries/call-usage";
import { listAccountMemberIds } from "@/db/queries/projects";
import { getCurrentSubscription, recordUsageAlert, type CurrentSubscription } from "@/db/queries/subscriptions";
import type { Transaction } from "@/db/queries/transaction";
import { usageThresholds } from "@/lib/constants";
import { notify } from "@/lib/notifications/service";

export type UsagePeriod = { start: Date; end: Date; includedMinutes: number };
export type Usage = { calls: number; minutes: number; includedMinutes: number; percent: number };

/** Share of the included minutes used, in whole percent (over 100 when the limit is passed). */
export function usagePercent(minutes: number, includedMinutes: number): number {
  if (includedMinutes <= 0) return minutes > 0 ? 100 : 0;
  return Math.floor((minutes * 100) / includedMinutes);
}

/** The account's calls and call minutes in a billing period, against the plan's included minutes. */
export async function usageThisPeriod(accountId: string, period: UsagePeriod, db?: Transaction): Promise<Usage> {
  const { calls, minutes } = await getCallUsage(accountId, period.start, period.end, db);
  return { calls, minutes, includedMinutes: period.includedMinutes, percent: usagePercent(minutes, period.includedMinutes) };
}

/** The subscription's current period's usage against its plan's included minutes. */
export async function subscriptionUsage(subscription: Pick<CurrentSubscription, "accountId" | "currentPeriodStart" | "currentPeriodEnd"> & { plan: Pick<CurrentSubscription["plan"], "includedMinutes"> }, db?: Transaction): Promise<Usage> {
  return usageThisPeriod(subscription.accountId, { start: subscription.currentPeriodStart, end: subscription.currentPeriodEnd, includedMinutes: subscription.plan.includedMinutes }, db);
}

/** The account's running subscription with its current period's usage, or null. */
export async function currentSubscriptionWithUsage(accountId: string, db?: Transaction): Promise<{ subscription: CurrentSubscription; usage: Usage } | null> {
  const subscription = await getCurrentSubscription(accountId, db);
  return subscription ? { subscription, usage: await subscriptionUsage(subscription, db) } : null;
}

/** Sends what the current period's usage calls for and was not sent yet; run in the caller's transaction (the webhook's). */
export async function checkUsageAlerts(accountId: string, tx: Transaction): Promise<void> {
  const subscription = await getCurrentSubscription(accountId, tx);
  if (!subscription) return;
  const usage = await subscriptionUsage(subscription, tx);
  await sendUsageAlerts(subscription, usage, tx);
}

type AlertedSubscription = Pick<CurrentSubscription, "id" | "accountId" | "currentPeriodStart"> & { plan: Pick<CurrentSubscription["plan"], "name"> };

/**
 * Tells every member of the account once per period and threshold (80 %, 100 %): each threshold
 * reached is recorded, and only the highest newly reached one is sent, so a jump past both is one alert.
 */
export async function sendUsageAlerts(subscription: AlertedSubscription, usage: Usage, tx: Transaction): Promise<void> {
  let highest: number | null = null;
  for (const threshold of usageThresholds) {
    if (usage.percent < threshold) continue;
    if (await recordUsageAlert({ subscriptionId: subscription.id, periodStart: subscription.currentPeriodStart, threshold }, tx)) highest = threshold;
  }
  if (highest === null) return;
  const type = highest >= 100 ? "usage.limitReached" : "usage.warning";
  const params = { percent: usage.percent, used: usage.minutes, included: usage.includedMinutes, plan: subscription.plan.name };
  for (const userId of await listAccountMemberIds(subscription.accountId, tx)) {
    await notify(userId, { type, params }, tx);
  }
}
