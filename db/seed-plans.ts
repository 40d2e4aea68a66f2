import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { setStripeCustomer } from "@/db/queries/stripe-sync";
import { plans, subscriptions } from "@/db/schema";

/** The plans a new installation offers (prices in cents); staff edit them in /admin/plans. */
const defaultPlans = [
  {
    key: "starter",
    name: "Starter",
    description: "For a small practice that wants every call answered.",
    monthlyPrice: 2900,
    includedMinutes: 300,
    maxAgents: 1,
    recordingRetentionDays: 30,
    features: ["300 call minutes a month", "1 agent", "Call recordings kept 30 days", "Call summaries by email", "Business-hours coverage"],
  },
  {
    key: "professional",
    name: "Professional",
    description: "For growing teams with steady call volume.",
    monthlyPrice: 9900,
    includedMinutes: 1500,
    maxAgents: 3,
    recordingRetentionDays: 90,
    features: ["1,500 call minutes a month", "Up to 3 agents", "Call recordings kept 90 days", "Call summaries and transcripts", "Extended hours coverage", "Priority support"],
  },
  {
    key: "enterprise",
    name: "Enterprise",
    description: "For busy offices that need round-the-clock coverage.",
    monthlyPrice: 29900,
    includedMinutes: 6000,
    maxAgents: 10,
    recordingRetentionDays: 365,
    features: ["6,000 call minutes a month", "Up to 10 agents", "Call recordings kept one year", "24/7 coverage", "Dedicated account manager", "Custom call scripts"],
  },
];

/** Adds the default plans that are missing; plans staff already edited are left as they are. */
export async function seedPlans(db: Database): Promise<void> {
  await db
    .insert(plans)
    .values(defaultPlans.map((plan, position) => ({ ...plan, currency: "usd", stripePriceId: `price_demo_${plan.key}`, position })))
    .onConflictDoNothing();
}

/**
 * The demo customer's running Professional subscription, ten days into its month, as demo payment
 * mode records one: switching, cancelling and renewing it work like one bought on the demo checkout.
 */
export async function seedDemoSubscription(accountId: string, db: Database): Promise<void> {
  const [plan] = await db.select({ id: plans.id }).from(plans).where(eq(plans.key, "professional"));
  if (!plan) return;
  const seed = accountId.replace(/-/g, "");
  await setStripeCustomer(accountId, `cus_demo_${seed}`, db);
  const start = new Date(Date.now() - 10 * 86_400_000);
  const end = new Date(start);
  end.setUTCMonth(end.getUTCMonth() + 1);
  await db
    .insert(subscriptions)
    .values({ accountId, planId: plan.id, stripeSubscriptionId: `sub_demo_${seed}`, status: "active", currentPeriodStart: start, currentPeriodEnd: end, stripeEventCreatedAt: start })
    .onConflictDoNothing();
}
