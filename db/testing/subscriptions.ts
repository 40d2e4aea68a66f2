import { randomUUID } from "node:crypto";
import { getDb } from "@/db";
import { subscriptions, type Subscription } from "@/db/schema";

const DAY = 86_400_000;

/** A subscription as the webhook would have stored it: active, in a month-long period that started yesterday. */
export async function testSubscription(input: { accountId: string; planId: string } & Partial<Omit<Subscription, "id" | "createdAt" | "updatedAt">>): Promise<Subscription> {
  const start = new Date(Date.now() - DAY);
  const [subscription] = await getDb()
    .insert(subscriptions)
    .values({
      stripeSubscriptionId: `sub_test_${randomUUID().replace(/-/g, "").slice(0, 16)}`,
      status: "active",
      currentPeriodStart: start,
      currentPeriodEnd: new Date(start.getTime() + 30 * DAY),
      stripeEventCreatedAt: start,
      ...input,
    })
    .returning();
  return subscription!;
}
