import "server-only";
import { insertDemoCheckout } from "@/db/queries/demo-checkouts";
import type { CheckoutRequest, PaymentsAdapter, SubscriptionRef, TargetPlan } from "./adapter";
import { deliverDemoEvents } from "./demo-delivery";
import { demoEvent, demoId, subscriptionInvoiceObject, subscriptionObject } from "./demo-events";

/** How long a demo checkout page stays payable, like a Stripe Checkout session. */
const CHECKOUT_LIFETIME_MS = 24 * 60 * 60 * 1000;

export const demoPriceId = (plan: Pick<TargetPlan, "key" | "stripePriceId">) => plan.stripePriceId ?? `price_demo_${plan.key}`;

/** The credit for the unused rest of the period on the old price, against the new price for the same rest. */
export function prorate(subscription: SubscriptionRef, plan: TargetPlan, now = new Date()): number {
  const period = subscription.currentPeriodEnd.getTime() - subscription.currentPeriodStart.getTime();
  const left = Math.min(Math.max(subscription.currentPeriodEnd.getTime() - now.getTime(), 0), period);
  return Math.round(((plan.monthlyPrice - subscription.plan.monthlyPrice) * left) / Math.max(period, 1));
}

function updatedSubscription(subscription: SubscriptionRef, changes: { plan?: TargetPlan; cancelAtPeriodEnd?: boolean; cancelReason?: string | null }) {
  const plan = changes.plan ?? subscription.plan;
  return subscriptionObject({
    id: subscription.stripeSubscriptionId,
    customerId: subscription.customerId,
    accountId: subscription.accountId,
    planId: plan.id,
    priceId: demoPriceId(plan),
    status: subscription.status,
    periodStart: subscription.currentPeriodStart,
    periodEnd: subscription.currentPeriodEnd,
    cancelAtPeriodEnd: changes.cancelAtPeriodEnd ?? subscription.cancelAtPeriodEnd,
    cancelReason: changes.cancelReason ?? null,
    canceledAt: null,
  });
}

async function openCheckout(request: CheckoutRequest): Promise<{ url: string }> {
  const id = await insertDemoCheckout({
    accountId: request.accountId,
    userId: request.userId,
    purpose: request.purpose,
    invoiceId: request.invoiceId,
    planId: request.plan?.id ?? null,
    amount: request.amount,
    currency: request.currency,
    expiresAt: new Date(Date.now() + CHECKOUT_LIFETIME_MS),
  });
  return { url: `/dashboard/billing/checkout/${id}` };
}

/**
 * Demo payment mode: checkout is a page of this app, and what Stripe would do afterwards (charge the
 * saved card, update the subscription) is sent to the webhook as signed Stripe-shaped events.
 */
export const demoAdapter: PaymentsAdapter = {
  mode: "demo",

  async createCustomer() {
    return demoId("cus");
  },

  startCheckout: openCheckout,
  fixPayment: openCheckout,

  async previewPlanChange(subscription, plan) {
    return { amountDue: prorate(subscription, plan), currency: plan.currency };
  },

  async changePlan(subscription, plan) {
    const amount = prorate(subscription, plan);
    const events = [demoEvent("customer.subscription.updated", updatedSubscription(subscription, { plan }))];
    // The saved demo card always pays a proration; a downgrade's credit is left for the next invoice.
    if (amount > 0) {
      const invoice = subscriptionInvoiceObject({
        id: demoId("in"),
        customerId: subscription.customerId,
        subscriptionId: subscription.stripeSubscriptionId,
        amount,
        currency: plan.currency,
        description: `Plan change (prorated)`,
        billingReason: "subscription_update",
        paid: true,
        created: new Date(),
      });
      events.push(demoEvent("invoice.paid", invoice));
    }
    await deliverDemoEvents(events);
  },

  async cancelNow(subscription) {
    const now = new Date();
    const ended = subscriptionObject({
      id: subscription.stripeSubscriptionId,
      customerId: subscription.customerId,
      accountId: subscription.accountId,
      planId: subscription.plan.id,
      priceId: demoPriceId(subscription.plan),
      status: "canceled",
      periodStart: subscription.currentPeriodStart,
      periodEnd: subscription.currentPeriodEnd,
      cancelAtPeriodEnd: false,
      cancelReason: null,
      canceledAt: now,
    });
    // The event id derives from the subscription: a retried cancellation applies once.
    await deliverDemoEvents([demoEvent("customer.subscription.deleted", ended, { id: demoId("evt", `${subscription.stripeSubscriptionId}cancel`) })]);
  },

  async setCancelAtPeriodEnd(subscription, cancel, reason) {
    await deliverDemoEvents([demoEvent("customer.subscription.updated", updatedSubscription(subscription, { cancelAtPeriodEnd: cancel, cancelReason: cancel ? reason : null }))]);
  },
};
