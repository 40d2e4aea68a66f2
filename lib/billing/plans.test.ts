import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getPlan } from "@/db/queries/plans";
import { auditLog, type Plan } from "@/db/schema";
import { setupTestDatabase, signedInUser } from "@/db/testing";
import { testPlan } from "@/db/testing/billing";
import { AppError } from "@/lib/errors";
import { updatePlan } from "./plans";

const db = setupTestDatabase();
const info = { ip: "203.0.113.9", userAgent: "vitest" };

const edit = (plan: Plan, changes: Partial<Parameters<typeof updatePlan>[1]> = {}) => ({
  planId: plan.id,
  name: plan.name,
  description: plan.description,
  monthlyPrice: plan.monthlyPrice,
  currency: plan.currency,
  features: plan.features,
  includedMinutes: plan.includedMinutes,
  maxAgents: plan.maxAgents,
  recordingRetentionDays: plan.recordingRetentionDays,
  stripePriceId: plan.stripePriceId,
  active: plan.active,
  position: plan.position,
  ...changes,
});

async function auditOf(planId: string) {
  const rows = await db().select({ action: auditLog.action, actorId: auditLog.actorId, ip: auditLog.ip, metadata: auditLog.metadata }).from(auditLog).where(eq(auditLog.action, "admin.plan_updated"));
  return rows.filter((row) => row.metadata.planId === planId);
}

async function refusal(work: Promise<unknown>): Promise<AppError["code"] | null> {
  return work.then(
    () => null,
    (error: unknown) => (error instanceof AppError ? error.code : Promise.reject(error)),
  );
}

describe("staff editing a plan", () => {
  it("saves the new price, features and limits and audits which fields changed", async () => {
    const staff = await signedInUser("admin", "plans-staff");
    const plan = await testPlan();
    const result = await updatePlan(staff, edit(plan, { monthlyPrice: 3900, features: ["More minutes", "Two agents"], maxAgents: 2 }), info);
    expect(result).toEqual({ status: "ok" });
    expect(await getPlan(plan.id)).toMatchObject({ monthlyPrice: 3900, features: ["More minutes", "Two agents"], maxAgents: 2, name: plan.name });
    expect(await auditOf(plan.id)).toEqual([{ action: "admin.plan_updated", actorId: staff.id, ip: info.ip, metadata: { planId: plan.id, key: plan.key, fields: "monthlyPrice,features,maxAgents" } }]);
  });

  it("writes nothing and audits nothing when the values are already the plan's", async () => {
    const staff = await signedInUser("admin", "plans-staff");
    const plan = await testPlan();
    expect(await updatePlan(staff, edit(plan), info)).toEqual({ status: "unchanged" });
    expect(await auditOf(plan.id)).toEqual([]);
  });

  it("refuses a Stripe price id another plan uses, and saves nothing of that edit", async () => {
    const staff = await signedInUser("admin", "plans-staff");
    const [plan, other] = await Promise.all([testPlan(), testPlan()]);
    expect(await updatePlan(staff, edit(plan, { stripePriceId: other.stripePriceId, monthlyPrice: 1 }), info)).toEqual({ status: "stripe_price_taken" });
    expect(await getPlan(plan.id)).toMatchObject({ stripePriceId: plan.stripePriceId, monthlyPrice: plan.monthlyPrice });
    expect(await auditOf(plan.id)).toEqual([]);
  });

  it("lets several plans have no Stripe price", async () => {
    const staff = await signedInUser("admin", "plans-staff");
    const [plan, other] = await Promise.all([testPlan({ stripePriceId: null }), testPlan()]);
    expect(await updatePlan(staff, edit(other, { stripePriceId: null }), info)).toEqual({ status: "ok" });
    expect((await getPlan(plan.id))?.stripePriceId).toBeNull();
    expect((await getPlan(other.id))?.stripePriceId).toBeNull();
  });

  it("refuses customers and staff without two-factor sign-in, and changes nothing", async () => {
    const customer = await signedInUser("customer", "plans-customer");
    const staffWithoutTwoFactor = { ...(await signedInUser("admin", "plans-staff")), twoFactorEnabled: false };
    const plan = await testPlan();
    expect(await refusal(updatePlan(customer, edit(plan, { monthlyPrice: 1 }), info))).toBe("forbidden");
    expect(await refusal(updatePlan(staffWithoutTwoFactor, edit(plan, { monthlyPrice: 1 }), info))).toBe("two_factor_required");
    expect((await getPlan(plan.id))?.monthlyPrice).toBe(plan.monthlyPrice);
    expect(await auditOf(plan.id)).toEqual([]);
  });

  it("answers not found for a plan that does not exist", async () => {
    const staff = await signedInUser("admin", "plans-staff");
    const plan = await testPlan();
    expect(await refusal(updatePlan(staff, edit(plan, { planId: "00000000-0000-4000-8000-000000000000" }), info))).toBe("not_found");
  });
});
