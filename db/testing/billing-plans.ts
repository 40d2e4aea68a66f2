import { randomUUID } from "node:crypto";
import { getDb } from "@/db";
import { plans, subscriptions, type Plan, type Subscription } from "@/db/schema";

const DAY = 86_400_000;

/** A plan of the test's own: unique key and Stripe price id, so test files sharing a database never collide. */
export async function createTestPlan(overrides: Partial<Omit<Plan, "id" | "createdAt" | "updatedAt">> = {}): Promise<Plan> {
  const suffix = randomUUID().slice(0, 8);
  const [plan] = await getDb()
    .insert(plans)
    .values({
      key: `test_${suffix}`,
      name: `Plan ${suffix}`,
      monthlyPrice: 2900,
      currency: "usd",
      features: ["Feature one", "Feature two"],
      includedMinutes: 300,
      maxAgents: 1,
      recordingRetentionDays: 30,
      stripePriceId: `price_test_${suffix}`,
      ...overrides,
    })
    .returning();
  return plan!;
}

/** A subscription as the webhook would have stored it: active, in a month-long period that started yesterday. */
export async function createTestSubscription(input: { accountId: string; planId: string } & Partial<Omit<Subscription, "id" | "createdAt" | "updatedAt">>): Promise<Subscription> {
  const start = new Date(Date.now() - DAY);
  const [subscription] = await getDb()
    .insert(subscriptions)
    .values({
      stripeSubscriptionId: `sub_test_${randomUUID().slice(0, 12)}`,
      status: "active",
      currentPeriodStart: start,
      currentPeriodEnd: new Date(start.getTime() + 30 * DAY),
      stripeEventCreatedAt: start,
      ...input,
    })
    .returning();
  return subscription!;
}
