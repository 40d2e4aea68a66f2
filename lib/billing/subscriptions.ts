import "server-only";
import { createAuditEntry } from "@/db/queries/audit";
import { getPlan } from "@/db/queries/plans";
import { getStripeCustomerId } from "@/db/queries/stripe-sync";
import { getCurrentSubscription, type CurrentSubscription } from "@/db/queries/subscriptions";
import type { Actor } from "@/lib/actor";
import type { AuditAction } from "@/db/schema";
import type { RequestInfo } from "@/lib/request-info";
import { paymentsAdapter, type SubscriptionRef, type TargetPlan } from "./adapter";
import { customerAccountOf } from "./checkout";

/*
 * A customer's changes to their subscription are requests to the payment provider. Our rows change
 * only when the provider's event reaches the webhook (in demo mode that happens before these return).
 */

async function currentSubscriptionRef(accountId: string): Promise<(SubscriptionRef & { id: string; planName: string }) | null> {
  const [subscription, customerId] = await Promise.all([getCurrentSubscription(accountId), getStripeCustomerId(accountId)]);
  if (!subscription || !customerId) return null;
  return refOf(subscription, customerId);
}

function refOf(subscription: CurrentSubscription, customerId: string) {
  return {
    id: subscription.id,
    planName: subscription.plan.name,
    stripeSubscriptionId: subscription.stripeSubscriptionId,
    customerId,
    accountId: subscription.accountId,
    status: subscription.status,
    cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
    currentPeriodStart: subscription.currentPeriodStart,
    currentPeriodEnd: subscription.currentPeriodEnd,
    plan: subscription.plan,
  };
}

type PlanChangeRefusal = "no_subscription" | "same_plan" | "plan_unavailable";

async function planChange(actor: Actor, planId: string): Promise<{ status: PlanChangeRefusal } | { status: "ok"; subscription: NonNullable<Awaited<ReturnType<typeof currentSubscriptionRef>>>; plan: TargetPlan & { name: string } }> {
  const subscription = await currentSubscriptionRef(customerAccountOf(actor));
  if (!subscription || subscription.status === "canceled") return { status: "no_subscription" };
  if (subscription.plan.id === planId) return { status: "same_plan" };
  const plan = await getPlan(planId);
  const adapter = await paymentsAdapter();
  if (!plan?.active || plan.currency !== subscription.plan.currency || (adapter.mode === "stripe" && !plan.stripePriceId)) return { status: "plan_unavailable" };
  return { status: "ok", subscription, plan };
}

/** What switching to `planId` now would charge (negative: a credit), before the customer confirms. */
export async function previewPlanChange(actor: Actor, input: { planId: string }): Promise<{ status: "ok"; amountDue: number; currency: string; periodEnd: Date } | { status: PlanChangeRefusal }> {
  const change = await planChange(actor, input.planId);
  if (change.status !== "ok") return change;
  const preview = await (await paymentsAdapter()).previewPlanChange(change.subscription, change.plan);
  return { status: "ok", ...preview, periodEnd: change.subscription.currentPeriodEnd };
}

async function audit(actor: Actor, action: AuditAction, info: RequestInfo, metadata: Record<string, string>) {
  await createAuditEntry({ action, actorId: actor.id, targetUserId: actor.id, ip: info.ip, userAgent: info.userAgent, metadata });
}

/** Upgrades or downgrades now, with the difference prorated over the rest of the period. */
export async function changePlan(actor: Actor, input: { planId: string }, info: RequestInfo): Promise<{ status: "ok" } | { status: PlanChangeRefusal }> {
  const change = await planChange(actor, input.planId);
  if (change.status !== "ok") return change;
  await (await paymentsAdapter()).changePlan(change.subscription, change.plan);
  await audit(actor, "user.subscription_change_requested", info, { subscriptionId: change.subscription.id, from: change.subscription.plan.id, to: change.plan.id });
  return { status: "ok" };
}

/** Ends the subscription when the paid period ends; until then it runs and can be reactivated. */
export async function cancelSubscription(actor: Actor, input: { reason: string }, info: RequestInfo): Promise<{ status: "ok" } | { status: "no_subscription" | "already_canceling" }> {
  const subscription = await currentSubscriptionRef(customerAccountOf(actor));
  if (!subscription || subscription.status === "canceled") return { status: "no_subscription" };
  if (subscription.cancelAtPeriodEnd) return { status: "already_canceling" };
  await (await paymentsAdapter()).setCancelAtPeriodEnd(subscription, true, input.reason.trim() || null);
  await audit(actor, "user.subscription_cancel_requested", info, { subscriptionId: subscription.id });
  return { status: "ok" };
}

export async function reactivateSubscription(actor: Actor, info: RequestInfo): Promise<{ status: "ok" } | { status: "no_subscription" | "not_canceling" }> {
  const subscription = await currentSubscriptionRef(customerAccountOf(actor));
  if (!subscription || subscription.status === "canceled" || subscription.currentPeriodEnd <= new Date()) return { status: "no_subscription" };
  if (!subscription.cancelAtPeriodEnd) return { status: "not_canceling" };
  await (await paymentsAdapter()).setCancelAtPeriodEnd(subscription, false, null);
  await audit(actor, "user.subscription_reactivated", info, { subscriptionId: subscription.id });
  return { status: "ok" };
}
