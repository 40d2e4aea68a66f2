import "server-only";
import type { z } from "zod";
import type { ApiTokenUser } from "@/db/queries/api-tokens";
import { daysRemaining } from "@/lib/billing/period";
import { currentSubscriptionWithUsage } from "@/lib/billing/usage";
import { ApiError } from "./errors";
import { subscriptionBody, type subscriptionStateSchema } from "./endpoints/subscription";

/** What GET /subscription answers, and the subscription endpoints after a change: as the billing page shows it. */
export async function subscriptionState(user: ApiTokenUser): Promise<z.input<typeof subscriptionStateSchema>> {
  const current = user.accountId ? await currentSubscriptionWithUsage(user.accountId) : null;
  if (!current) return { subscription: null };
  return { subscription: subscriptionBody(current.subscription, current.usage, daysRemaining(current.subscription.currentPeriodEnd, user.timeZone)) };
}

const refusals = {
  already_subscribed: [409, "The account already has a subscription: change its plan instead."],
  plan_unavailable: [422, "That plan is not offered (or not in the subscription's currency)."],
  no_subscription: [409, "The account has no running subscription to change."],
  same_plan: [409, "The subscription is on that plan already."],
  already_canceling: [409, "The subscription is already set to end."],
  not_canceling: [409, "The subscription is not set to end."],
  not_past_due: [409, "The subscription has no payment due."],
} as const;

/** A billing service's refusal as the API's answer: its status is the code. */
export function subscriptionRefusal(status: keyof typeof refusals): ApiError {
  const [httpStatus, message] = refusals[status];
  return new ApiError(httpStatus, status, message, status === "plan_unavailable" ? { planId: message } : {});
}
