import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import { plans, subscriptions } from "@/db/schema";
import { liveSubscriptionStatuses } from "@/lib/constants";

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
