import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import { plans, subscriptions, usageAlerts } from "@/db/schema";
import { isPastDue, liveSubscriptionStatuses } from "@/lib/constants";

const currentColumns = {
  id: subscriptions.id,
  accountId: subscriptions.accountId,
  stripeSubscriptionId: subscriptions.stripeSubscriptionId,
  status: subscriptions.status,
  currentPeriodStart: subscriptions.currentPeriodStart,
  currentPeriodEnd: subscriptions.currentPeriodEnd,
  cancelAtPeriodEnd: subscriptions.cancelAtPeriodEnd,
  canceledAt: subscriptions.canceledAt,
  plan: {
    id: plans.id,
    key: plans.key,
    name: plans.name,
    monthlyPrice: plans.monthlyPrice,
    currency: plans.currency,
    includedMinutes: plans.includedMinutes,
    maxAgents: plans.maxAgents,
    recordingRetentionDays: plans.recordingRetentionDays,
    stripePriceId: plans.stripePriceId,
  },
};

export type CurrentSubscription = NonNullable<Awaited<ReturnType<typeof getCurrentSubscription>>>;

/** The account's running subscription (newest still live), or null when it has none. */
export async function getCurrentSubscription(accountId: string, db: Database = getDb()) {
  const [row] = await db
    .select(currentColumns)
    .from(subscriptions)
    .innerJoin(plans, eq(plans.id, subscriptions.planId))
    .where(and(eq(subscriptions.accountId, accountId), inArray(subscriptions.status, [...liveSubscriptionStatuses])))
    .orderBy(desc(subscriptions.createdAt))
    .limit(1);
  return row ?? null;
}

/** Whether the account's current subscription waits for a payment (past due or unpaid): the dashboard then shows a banner on every page. */
export async function hasPastDueSubscription(accountId: string, db: Database = getDb()): Promise<boolean> {
  const [row] = await db
    .select({ status: subscriptions.status })
    .from(subscriptions)
    .where(and(eq(subscriptions.accountId, accountId), inArray(subscriptions.status, [...liveSubscriptionStatuses])))
    .orderBy(desc(subscriptions.createdAt))
    .limit(1);
  return row ? isPastDue(row.status) : false;
}

/** Records that a usage threshold was reached in a period; false when it already was (its alert went out then). */
export async function recordUsageAlert(alert: { subscriptionId: string; periodStart: Date; threshold: number }, db: Database = getDb()): Promise<boolean> {
  const inserted = await db.insert(usageAlerts).values(alert).onConflictDoNothing().returning({ threshold: usageAlerts.threshold });
  return inserted.length > 0;
}
