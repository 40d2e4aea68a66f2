import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/stripe/webhook/route";
import { getCurrentSubscription } from "@/db/queries/subscriptions";
import { plans } from "@/db/schema";
import { setupTestDatabase, signedInUser } from "@/db/testing";
import { useWebhookTransport } from "@/lib/billing/demo-delivery";
import { changePlan } from "@/lib/billing/subscriptions";
import { seedDemoSubscription, seedPlans } from "./seed-plans";

const db = setupTestDatabase();

// No server runs here: demo mode's signed events go to the webhook route's handler directly.
beforeAll(() =>
  useWebhookTransport(async (payload, signature) => (await POST(new Request("http://localhost/api/stripe/webhook", { method: "POST", headers: { "stripe-signature": signature }, body: payload }))).status),
);
afterAll(() => useWebhookTransport(null));

describe("seeding plans", () => {
  it("adds Starter, Professional and Enterprise once, and keeps what staff changed since", async () => {
    await seedPlans(db());
    await db().update(plans).set({ monthlyPrice: 3500 }).where(eq(plans.key, "starter"));
    await seedPlans(db());
    const seeded = await db()
      .select({ key: plans.key, monthlyPrice: plans.monthlyPrice, includedMinutes: plans.includedMinutes, maxAgents: plans.maxAgents, recordingRetentionDays: plans.recordingRetentionDays, stripePriceId: plans.stripePriceId })
      .from(plans)
      .where(inArray(plans.key, ["starter", "professional", "enterprise"]))
      .orderBy(plans.position);
    expect(seeded).toEqual([
      { key: "starter", monthlyPrice: 3500, includedMinutes: 300, maxAgents: 1, recordingRetentionDays: 30, stripePriceId: "price_demo_starter" },
      { key: "professional", monthlyPrice: 9900, includedMinutes: 1500, maxAgents: 3, recordingRetentionDays: 90, stripePriceId: "price_demo_professional" },
      { key: "enterprise", monthlyPrice: 29900, includedMinutes: 6000, maxAgents: 10, recordingRetentionDays: 365, stripePriceId: "price_demo_enterprise" },
    ]);
  });

  it("gives the demo customer one running Professional subscription that switches plans like one bought in demo mode", async () => {
    await seedPlans(db());
    const customer = await signedInUser("customer", "demo-subscriber");
    await seedDemoSubscription(customer.accountId!, db());
    await seedDemoSubscription(customer.accountId!, db());
    const subscription = (await getCurrentSubscription(customer.accountId!))!;
    expect(subscription).toMatchObject({ status: "active", cancelAtPeriodEnd: false, plan: { key: "professional" } });
    expect(subscription.currentPeriodStart.getTime()).toBeLessThan(Date.now());
    expect(subscription.currentPeriodEnd.getTime()).toBeGreaterThan(Date.now());

    const [starter] = await db().select({ id: plans.id }).from(plans).where(eq(plans.key, "starter"));
    expect(await changePlan(customer, { planId: starter!.id }, { ip: null, userAgent: "vitest" })).toEqual({ status: "ok" });
    expect((await getCurrentSubscription(customer.accountId!))?.plan.key).toBe("starter");
  });
});
