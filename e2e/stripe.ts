import { randomBytes } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import Stripe from "stripe";

/** The secret the e2e server verifies with (scripts/e2e-server.mjs). */
const secret = "whsec_e2e_not_for_production";
const signer = new Stripe("sk_e2e_signature_only");

/** Posts an event to the webhook signed as Stripe signs it (what Stripe itself would send). */
export async function sendStripeEvent(request: APIRequestContext, type: string, object: object, options: { created?: Date } = {}) {
  const event = {
    id: `evt_e2e_${randomBytes(12).toString("hex")}`,
    object: "event",
    api_version: "2026-10-28.endive",
    created: Math.floor((options.created ?? new Date()).getTime() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  };
  const payload = JSON.stringify(event);
  const response = await request.post("/api/stripe/webhook", {
    data: payload,
    headers: { "content-type": "application/json", "stripe-signature": signer.webhooks.generateTestHeaderString({ payload, secret }) },
  });
  return { status: response.status(), body: (await response.json()) as Record<string, unknown> };
}

/**
 * A Stripe subscription object as the webhook reads it. To change a recorded subscription (e.g. make
 * it past due), its id is `sub_demo_<the demo checkout's id without dashes>` (from the checkout
 * page's URL) and its price the plan's (e.g. `price_demo_starter`); the customer only matters for
 * a subscription not yet recorded.
 */
export function subscriptionObject(fields: { id: string; customer: string; price: string; status: string; periodStart: Date; periodEnd: Date; cancelAtPeriodEnd?: boolean; planId?: string; accountId?: string }) {
  const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
  return {
    id: fields.id,
    object: "subscription",
    customer: fields.customer,
    status: fields.status,
    cancel_at_period_end: fields.cancelAtPeriodEnd ?? false,
    canceled_at: null,
    cancellation_details: { comment: null },
    metadata: { ...(fields.planId ? { planId: fields.planId } : {}), ...(fields.accountId ? { accountId: fields.accountId } : {}) },
    items: { object: "list", data: [{ id: `si_e2e_${fields.id}`, object: "subscription_item", price: { id: fields.price, object: "price" }, current_period_start: seconds(fields.periodStart), current_period_end: seconds(fields.periodEnd) }] },
  };
}
