import "server-only";
import type Stripe from "stripe";
import { closeDemoCheckout, getDemoCheckout, type DemoCheckout } from "@/db/queries/demo-checkouts";
import { getInvoiceForPayment } from "@/db/queries/invoices";
import { getStripeCustomerId } from "@/db/queries/stripe-sync";
import { getCurrentSubscription } from "@/db/queries/subscriptions";
import { getPlan } from "@/db/queries/plans";
import type { Actor } from "@/lib/actor";
import { DEMO_CARD_DECLINED, isPastDue } from "@/lib/constants";
import { AppError } from "@/lib/errors";
import { customerAccountOf } from "./checkout";
import { paymentsMode } from "./config";
import { demoPriceId } from "./demo-adapter";
import { deliverDemoEvents } from "./demo-delivery";
import { checkoutPaidObject, demoEvent, demoId, monthAfter, paymentFailedObject, subscriptionInvoiceObject, subscriptionObject } from "./demo-events";

/** One of the customer's own open demo checkouts, or null (another user's id, or demo mode off). */
export async function getOpenDemoCheckout(actor: Actor, checkoutId: string): Promise<(DemoCheckout & { open: boolean }) | null> {
  if (paymentsMode() !== "demo") return null;
  const checkout = await getDemoCheckout(actor.id, checkoutId);
  if (!checkout) return null;
  return { ...checkout, open: checkout.status === "open" && checkout.expiresAt > new Date() };
}

export type DemoPayResult = { status: "paid"; redirect: string } | { status: "declined" | "not_found" | "closed" | "nothing_to_pay" };

/**
 * "Pay" on the demo checkout page: what Stripe would send after the card is charged (or declined),
 * as signed events to our webhook. Event and payment ids derive from the checkout, so paying twice
 * (two tabs, a double click) is applied once.
 */
export async function payDemoCheckout(actor: Actor, input: { checkoutId: string; cardNumber: string }): Promise<DemoPayResult> {
  const accountId = customerAccountOf(actor);
  const checkout = await getOpenDemoCheckout(actor, input.checkoutId);
  if (!checkout || checkout.accountId !== accountId) return { status: "not_found" };
  if (!checkout.open) return { status: "closed" };
  const customerId = await getStripeCustomerId(accountId);
  if (!customerId) throw new AppError("internal", "The demo checkout has no customer.");
  const declined = input.cardNumber === DEMO_CARD_DECLINED;

  if (checkout.purpose === "invoice") {
    const invoice = await getInvoiceForPayment(checkout.invoiceId!);
    // The page shows the amount fixed when it opened: if a payment came in meanwhile, it is out of date.
    if (!invoice || invoice.status !== "open" || invoice.total - invoice.amountPaid !== checkout.amount) {
      await closeDemoCheckout(checkout.id, "expired");
      return { status: "nothing_to_pay" };
    }
    const payment = { checkoutId: checkout.id, customerId, accountId, invoiceId: invoice.id, amount: checkout.amount, currency: checkout.currency };
    if (declined) {
      await deliverDemoEvents([demoEvent("payment_intent.payment_failed", paymentFailedObject(payment))]);
      return { status: "declined" };
    }
    await deliverDemoEvents([demoEvent("checkout.session.completed", checkoutPaidObject(payment), { id: demoId("evt", checkout.id) })]);
    await closeDemoCheckout(checkout.id, "complete");
    return { status: "paid", redirect: `/dashboard/invoices/${invoice.id}?checkout=success` };
  }

  if (checkout.purpose === "subscription") {
    // Stripe Checkout shows a decline on its page and creates nothing; so does the demo.
    if (declined) return { status: "declined" };
    const plan = await getPlan(checkout.planId!);
    if (!plan || (await getCurrentSubscription(accountId))) {
      await closeDemoCheckout(checkout.id, "expired");
      return { status: "nothing_to_pay" };
    }
    const now = new Date();
    const subscriptionId = demoId("sub", checkout.id);
    const subscription = subscriptionObject({
      id: subscriptionId,
      customerId,
      accountId,
      planId: plan.id,
      priceId: demoPriceId(plan),
      status: "active",
      periodStart: now,
      periodEnd: monthAfter(now),
      cancelAtPeriodEnd: false,
      cancelReason: null,
      canceledAt: null,
    });
    const events: Stripe.Event[] = [
      demoEvent("checkout.session.completed", { id: demoId("cs", checkout.id), object: "checkout.session", mode: "subscription", status: "complete", payment_status: "paid", customer: customerId, subscription: subscriptionId, amount_total: checkout.amount, currency: checkout.currency, metadata: { accountId, planId: plan.id, purpose: "subscription" } }, { id: demoId("evt", `${checkout.id}1`) }),
      demoEvent("customer.subscription.created", subscription, { id: demoId("evt", `${checkout.id}2`) }),
      demoEvent(
        "invoice.paid",
        subscriptionInvoiceObject({ id: demoId("in", checkout.id), customerId, subscriptionId, amount: checkout.amount, currency: checkout.currency, description: `${plan.name} (monthly)`, billingReason: "subscription_create", paid: true, created: now }),
        { id: demoId("evt", `${checkout.id}3`) },
      ),
    ];
    await deliverDemoEvents(events);
    await closeDemoCheckout(checkout.id, "complete");
    return { status: "paid", redirect: "/dashboard/billing?checkout=success" };
  }

  // fix_payment: the saved card is replaced and the owed subscription invoice charged again.
  const subscription = await getCurrentSubscription(accountId);
  if (!subscription || !isPastDue(subscription.status)) {
    await closeDemoCheckout(checkout.id, "expired");
    return { status: "nothing_to_pay" };
  }
  const invoice = subscriptionInvoiceObject({
    id: checkout.invoiceStripeId ?? demoId("in", checkout.id),
    customerId,
    subscriptionId: subscription.stripeSubscriptionId,
    amount: checkout.amount,
    currency: checkout.currency,
    description: `${subscription.plan.name} (monthly)`,
    billingReason: "subscription_cycle",
    paid: !declined,
    created: new Date(),
  });
  if (declined) {
    await deliverDemoEvents([demoEvent("invoice.payment_failed", invoice)]);
    return { status: "declined" };
  }
  const recovered = subscriptionObject({
    id: subscription.stripeSubscriptionId,
    customerId,
    accountId,
    planId: subscription.plan.id,
    priceId: demoPriceId(subscription.plan),
    status: "active",
    periodStart: subscription.currentPeriodStart,
    periodEnd: subscription.currentPeriodEnd,
    cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
    cancelReason: null,
    canceledAt: null,
  });
  await deliverDemoEvents([demoEvent("invoice.paid", invoice, { id: demoId("evt", `${checkout.id}1`) }), demoEvent("customer.subscription.updated", recovered, { id: demoId("evt", `${checkout.id}2`) })]);
  await closeDemoCheckout(checkout.id, "complete");
  return { status: "paid", redirect: "/dashboard/billing?checkout=success" };
}
