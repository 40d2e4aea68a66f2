import "server-only";
import { isUniqueViolation } from "@/db/errors";
import { createAuditEntry } from "@/db/queries/audit";
import { getPlanByStripePrice, lockPlan, updatePlanRow, type PlanValues } from "@/db/queries/plans";
import { inTransaction, type Transaction } from "@/db/queries/transaction";
import type { Actor } from "@/lib/actor";
import { AppError } from "@/lib/errors";
import type { RequestInfo } from "@/lib/request-info";
import { assertStaff } from "@/lib/users/service";

export type PlanChange = { status: "ok" | "unchanged" | "stripe_price_taken" };

function sameValue(a: unknown, b: unknown): boolean {
  return Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((item, index) => item === b[index]) : a === b;
}

/** Staff edit a plan. A Stripe price id names one plan only: the webhook finds plans by it. */
export async function updatePlan(admin: Actor, input: PlanValues & { planId: string }, info: RequestInfo, db?: Transaction): Promise<PlanChange> {
  assertStaff(admin);
  try {
    return await inTransaction(async (tx) => {
      const plan = await lockPlan(input.planId, tx);
      if (!plan) throw new AppError("not_found", "That plan does not exist.");
      const { planId, ...values } = input;
      const fields = (Object.keys(values) as (keyof PlanValues)[]).filter((key) => !sameValue(values[key], plan[key]));
      if (fields.length === 0) return { status: "unchanged" };
      if (values.stripePriceId && fields.includes("stripePriceId")) {
        const owner = await getPlanByStripePrice(values.stripePriceId, tx);
        if (owner && owner.id !== planId) return { status: "stripe_price_taken" };
      }
      await updatePlanRow(planId, values, tx);
      await createAuditEntry(
        { action: "admin.plan_updated", actorId: admin.id, ip: info.ip, userAgent: info.userAgent, metadata: { planId, key: plan.key, fields: fields.join(",") } },
        tx,
      );
      return { status: "ok" };
    }, db);
  } catch (error) {
    // Another edit gave the same Stripe price to another plan since the check above.
    if (isUniqueViolation(error)) return { status: "stripe_price_taken" };
    throw error;
  }
}
