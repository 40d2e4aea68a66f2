import { z } from "zod";
import type { Plan } from "@/db/queries/plans";
import type { CurrentSubscription } from "@/db/queries/subscriptions";
import type { Usage } from "@/lib/billing/usage";
import { subscriptionStatuses } from "@/lib/constants";
import { cancelSubscriptionSchema, planIdSchema } from "@/lib/validations/plans";
import { defineEndpoint } from "../endpoint";
import { apiErrorSchema } from "../errors";

const instant = (description: string) => z.iso.datetime({ offset: true }).meta({ description });

export const planSchema = z
  .object({
    id: z.uuid(),
    key: z.string().meta({ description: "A stable name for code.", example: "starter" }),
    name: z.string().meta({ example: "Starter" }),
    description: z.string(),
    monthlyPrice: z.number().int().meta({ description: "The price per month, in minor units of `currency` (cents).", example: 2900 }),
    currency: z.string().meta({ description: "ISO 4217, lower case.", example: "usd" }),
    features: z.array(z.string()),
    includedMinutes: z.number().int().meta({ description: "Call minutes included per billing period." }),
    maxAgents: z.number().int(),
    recordingRetentionDays: z.number().int(),
  })
  .meta({ id: "Plan" });

export const subscriptionSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(subscriptionStatuses).meta({ description: "As the payment provider reports it; `past_due` and `unpaid` wait for a payment." }),
    plan: planSchema.omit({ description: true, features: true }),
    currentPeriodStart: instant("When the current billing period began."),
    currentPeriodEnd: instant("When it ends: the subscription renews then, or ends if `cancelAtPeriodEnd`."),
    daysRemaining: z.number().int().meta({ description: "Whole days until the period ends, counted in the user's time zone; 0 on its last day." }),
    cancelAtPeriodEnd: z.boolean(),
    usage: z
      .object({
        calls: z.number().int(),
        minutes: z.number().int(),
        includedMinutes: z.number().int(),
        percent: z.number().int().meta({ description: "Share of the included minutes used, in whole percent; over 100 past the limit." }),
      })
      .meta({ description: "This period's calls and call minutes against the plan's included minutes." }),
  })
  .meta({ id: "Subscription" });

export const subscriptionStateSchema = z
  .object({ subscription: subscriptionSchema.nullable().meta({ description: "null: the account has no running subscription." }) })
  .meta({ id: "SubscriptionState" });

export const subscriptionCheckoutSchema = z
  .object({
    checkoutUrl: z.url().meta({ description: "Open this page for the customer to pay. A subscription starts (or is settled) once the payment provider confirms the payment." }),
  })
  .meta({ id: "SubscriptionCheckout" });

export const planChangePreviewSchema = z
  .object({
    amountDue: z.number().int().meta({ description: "What changing now charges, prorated over the rest of the period, in minor units of `currency`; negative: a credit towards the next invoice.", example: 6800 }),
    currency: z.string(),
    periodEnd: instant("The end of the current period, which the proration runs to."),
  })
  .meta({ id: "PlanChangePreview" });

const refused = (codes: string) => ({ description: codes, schema: apiErrorSchema });
const accepted = {
  description: "Asked of the payment provider. The answer is the subscription as recorded now: the change shows once the provider confirms it (at once in demo mode, with Stripe within seconds).",
  schema: subscriptionStateSchema,
};

export const subscriptionEndpoints = {
  get: defineEndpoint({
    method: "GET",
    path: "/subscription",
    operationId: "getSubscription",
    tag: "Subscription",
    summary: "Get the subscription",
    description: "The account's running subscription: plan, status, period, days remaining, this period's usage, and whether it ends at the period's end.",
    scope: "subscription:read",
    responses: { 200: { description: "The subscription, or null.", schema: subscriptionStateSchema } },
    etag: true,
  }),
  plans: defineEndpoint({
    method: "GET",
    path: "/plans",
    operationId: "listPlans",
    tag: "Subscription",
    summary: "List the plans on offer",
    description: "The plans a customer can subscribe or change to, in the pricing page's order.",
    scope: "subscription:read",
    responses: { 200: { description: "The plans.", schema: z.object({ data: z.array(planSchema) }).meta({ id: "PlanList" }) } },
    etag: true,
  }),
  subscribe: defineEndpoint({
    method: "POST",
    path: "/subscription",
    operationId: "subscribe",
    tag: "Subscription",
    summary: "Subscribe to a plan",
    description: "Starts a checkout for a plan, billed monthly, and answers where the customer pays. Send an `Idempotency-Key` to retry safely.",
    scope: "subscription:write",
    body: planIdSchema,
    idempotent: true,
    responses: {
      201: { description: "The checkout was started.", schema: subscriptionCheckoutSchema },
      409: refused("`already_subscribed`: the account has a running subscription; change its plan instead."),
      422: refused("`plan_unavailable`: the plan is not offered."),
    },
  }),
  previewChange: defineEndpoint({
    method: "GET",
    path: "/subscription/change",
    operationId: "previewPlanChange",
    tag: "Subscription",
    summary: "Preview a plan change",
    description: "What `POST /subscription/change` to `planId` would charge or credit now, as the billing page shows before the customer confirms. Changes nothing.",
    scope: "subscription:read",
    query: planIdSchema,
    responses: {
      200: { description: "The proration.", schema: planChangePreviewSchema },
      409: refused("`no_subscription`; `same_plan`."),
      422: refused("`plan_unavailable`: the plan is not offered, or is in another currency."),
    },
  }),
  change: defineEndpoint({
    method: "POST",
    path: "/subscription/change",
    operationId: "changePlan",
    tag: "Subscription",
    summary: "Change plan",
    description: "Upgrades or downgrades now; the difference is prorated over the rest of the period and charged to the saved card. Send an `Idempotency-Key` to retry safely.",
    scope: "subscription:write",
    body: planIdSchema,
    idempotent: true,
    responses: {
      202: accepted,
      409: refused("`no_subscription`: nothing to change; `same_plan`: the account is on that plan already."),
      422: refused("`plan_unavailable`: the plan is not offered, or is in another currency."),
    },
  }),
  cancel: defineEndpoint({
    method: "POST",
    path: "/subscription/cancel",
    operationId: "cancelSubscription",
    tag: "Subscription",
    summary: "Cancel at the period's end",
    description: "The subscription runs until the current period ends, then stops; until then it can be reactivated. Send `{}` or a reason.",
    scope: "subscription:write",
    body: cancelSubscriptionSchema.partial(),
    responses: { 202: accepted, 409: refused("`no_subscription`; `already_canceling`: it is already set to end.") },
  }),
  fixPayment: defineEndpoint({
    method: "POST",
    path: "/subscription/fix-payment",
    operationId: "fixSubscriptionPayment",
    tag: "Subscription",
    summary: "Settle a past-due subscription",
    description: "For a subscription that is `past_due` or `unpaid`: answers where the customer updates their payment method and pays what is owed (Stripe's customer portal, or the demo checkout). Send an `Idempotency-Key` to retry safely.",
    scope: "subscription:write",
    idempotent: true,
    responses: {
      201: { description: "Where to pay.", schema: subscriptionCheckoutSchema },
      409: refused("`not_past_due`: no payment is due."),
    },
  }),
  reactivate: defineEndpoint({
    method: "POST",
    path: "/subscription/reactivate",
    operationId: "reactivateSubscription",
    tag: "Subscription",
    summary: "Keep a cancelled subscription",
    description: "Undoes a cancellation before the period ends: the subscription renews again.",
    scope: "subscription:write",
    responses: { 202: accepted, 409: refused("`no_subscription`; `not_canceling`: it is not set to end.") },
  }),
};

/** A plan as the API answers it (never its Stripe price or staff fields). */
export function planBody(plan: Plan): z.input<typeof planSchema> {
  const { id, key, name, description, monthlyPrice, currency, features, includedMinutes, maxAgents, recordingRetentionDays } = plan;
  return { id, key, name, description, monthlyPrice, currency, features, includedMinutes, maxAgents, recordingRetentionDays };
}

/** The subscription as the billing page shows it. */
export function subscriptionBody(subscription: CurrentSubscription, usage: Usage, daysRemaining: number): z.input<typeof subscriptionSchema> {
  const { id, key, name, monthlyPrice, currency, includedMinutes, maxAgents, recordingRetentionDays } = subscription.plan;
  return {
    id: subscription.id,
    status: subscription.status,
    plan: { id, key, name, monthlyPrice, currency, includedMinutes, maxAgents, recordingRetentionDays },
    currentPeriodStart: subscription.currentPeriodStart.toISOString(),
    currentPeriodEnd: subscription.currentPeriodEnd.toISOString(),
    daysRemaining,
    cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
    usage,
  };
}
