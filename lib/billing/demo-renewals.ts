import "server-only";
import type Stripe from "stripe";
import { listSubscriptionsDueForRenewal } from "@/db/queries/stripe-sync";
import { paymentsMode } from "./config";
import { demoPriceId } from "./demo-adapter";
import { deliverDemoEvents } from "./demo-delivery";
import { demoEvent, demoId, monthAfter, subscriptionInvoiceObject, subscriptionObject } from "./demo-events";

const BATCH = 100;

/**
 * Demo mode's stand-in for Stripe's billing clock: a subscription whose period has ended is renewed
 * (the saved demo card pays the next month) or, when set to cancel, ended. Both arrive as signed
 * events at the webhook; their ids derive from the subscription and period, so a rerun applies once.
 */
export async function renewDemoSubscriptions(now = new Date()): Promise<{ renewed: number; ended: number }> {
  if (paymentsMode() !== "demo") return { renewed: 0, ended: 0 };
  const due = await listSubscriptionsDueForRenewal(now, BATCH);
  let renewed = 0;
  let ended = 0;
  for (const subscription of due) {
    if (!subscription.customerId) continue;
    const seed = `${subscription.stripeSubscriptionId}${subscription.currentPeriodEnd.getTime()}`;
    const periodStart = subscription.currentPeriodEnd;
    const state = {
      id: subscription.stripeSubscriptionId,
      customerId: subscription.customerId,
      accountId: subscription.accountId,
      planId: subscription.plan.id,
      priceId: demoPriceId(subscription.plan),
      cancelReason: null,
    };
    const events: Stripe.Event[] = subscription.cancelAtPeriodEnd
      ? [demoEvent("customer.subscription.deleted", subscriptionObject({ ...state, status: "canceled", periodStart, periodEnd: periodStart, cancelAtPeriodEnd: true, canceledAt: now }), { id: demoId("evt", `${seed}end`) })]
      : [
          demoEvent(
            "invoice.paid",
            subscriptionInvoiceObject({
              id: demoId("in", seed),
              customerId: subscription.customerId,
              subscriptionId: subscription.stripeSubscriptionId,
              amount: subscription.plan.monthlyPrice,
              currency: subscription.plan.currency,
              description: `${subscription.plan.name} (monthly)`,
              billingReason: "subscription_cycle",
              paid: true,
              created: now,
            }),
            { id: demoId("evt", `${seed}paid`) },
          ),
          demoEvent("customer.subscription.updated", subscriptionObject({ ...state, status: "active", periodStart, periodEnd: monthAfter(periodStart), cancelAtPeriodEnd: false, canceledAt: null }), { id: demoId("evt", `${seed}renew`) }),
        ];
    await deliverDemoEvents(events);
    if (subscription.cancelAtPeriodEnd) ended++;
    else renewed++;
  }
  return { renewed, ended };
}
