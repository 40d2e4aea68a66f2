import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import { plans, type Plan } from "@/db/schema";

export type { Plan };

/** Every plan in display order; `onlyActive` leaves out those no longer offered. */
export async function listPlans(options: { onlyActive?: boolean } = {}, db: Database = getDb()): Promise<Plan[]> {
  return db
    .select()
    .from(plans)
    .where(options.onlyActive ? eq(plans.active, true) : undefined)
    .orderBy(asc(plans.position), asc(plans.monthlyPrice));
}

export async function getPlan(planId: string, db: Database = getDb()): Promise<Plan | null> {
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
  return plan ?? null;
}

/** The plan a Stripe price belongs to (the webhook reads Stripe subscriptions by their price). */
export async function getPlanByStripePrice(stripePriceId: string, db: Database = getDb()): Promise<Plan | null> {
  const [plan] = await db.select().from(plans).where(eq(plans.stripePriceId, stripePriceId));
  return plan ?? null;
}

/** The plan, locked until the transaction ends, for a staff edit. */
export async function lockPlan(planId: string, db: Database = getDb()): Promise<Plan | null> {
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId)).for("update");
  return plan ?? null;
}

export type PlanValues = Pick<Plan, "name" | "description" | "monthlyPrice" | "currency" | "features" | "includedMinutes" | "maxAgents" | "recordingRetentionDays" | "stripePriceId" | "active" | "position">;

export async function updatePlanRow(planId: string, values: Partial<PlanValues>, db: Database = getDb()): Promise<void> {
  await db
    .update(plans)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(plans.id, planId));
}
