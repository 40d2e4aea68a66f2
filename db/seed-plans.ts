import type { Database } from "@/db";
import { plans } from "@/db/schema";

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
