"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { authedAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { fixPayment, startSubscriptionCheckout } from "@/lib/billing/checkout";
import { cancelSubscription, changePlan, reactivateSubscription } from "@/lib/billing/subscriptions";
import { cancelSubscriptionSchema, planIdSchema } from "@/lib/validations/plans";

/** A refusal of a billing service, said in the customer's words. */
async function refused(status: "already_subscribed" | "plan_unavailable" | "not_past_due" | "no_subscription" | "same_plan" | "already_canceling" | "not_canceling"): Promise<ActionState> {
  const t = await getTranslations("billing.refusals");
  return { ok: false, message: t(status) };
}

/** Back to the billing page, with a note of what was asked for; the page itself shows what Stripe confirmed. */
function requested(what: "change" | "cancel" | "reactivate"): never {
  revalidatePath("/dashboard", "layout");
  redirect(`/dashboard/billing?requested=${what}`);
}

export const subscribeAction = authedAction(planIdSchema, async (data, user, { info }) => {
  const result = await startSubscriptionCheckout(user, data, info);
  if (result.status === "redirect") redirect(result.url);
  return refused(result.status);
});

export const changePlanAction = authedAction(planIdSchema, async (data, user, { info }) => {
  const result = await changePlan(user, data, info);
  if (result.status === "ok") requested("change");
  return refused(result.status);
});

export const cancelSubscriptionAction = authedAction(cancelSubscriptionSchema, async (data, user, { info }) => {
  const result = await cancelSubscription(user, data, info);
  if (result.status === "ok") requested("cancel");
  return refused(result.status);
});

export const reactivateSubscriptionAction = authedAction(z.object({}), async (_data, user, { info }) => {
  const result = await reactivateSubscription(user, info);
  if (result.status === "ok") requested("reactivate");
  return refused(result.status);
});

/** The demo checkout in demo mode, Stripe's customer portal in production. */
export const fixPaymentAction = authedAction(z.object({}), async (_data, user, { info }) => {
  const result = await fixPayment(user, info);
  if (result.status === "redirect") redirect(result.url);
  return refused(result.status);
});
