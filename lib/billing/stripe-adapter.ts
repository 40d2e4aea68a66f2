import "server-only";
import Stripe from "stripe";
import { AppError } from "@/lib/errors";
import type { CheckoutRequest, PaymentsAdapter, SubscriptionRef, TargetPlan } from "./adapter";

export function stripeClient(): Stripe {
  return new Stripe(process.env.STRIPE_SECRET_KEY!, { maxNetworkRetries: 2, timeout: 20_000, appInfo: { name: "Clientdesk" } });
}

function priceOf(plan: TargetPlan): string {
  if (!plan.stripePriceId) throw new Error(`Plan ${plan.key} has no Stripe price id: set it in /admin/plans.`);
  return plan.stripePriceId;
}

async function subscriptionItemId(stripe: Stripe, subscription: SubscriptionRef): Promise<string> {
  const remote = await stripe.subscriptions.retrieve(subscription.stripeSubscriptionId);
  const item = remote.items.data[0];
  if (!item) throw new Error(`Stripe subscription ${subscription.stripeSubscriptionId} has no item.`);
  return item.id;
}

/** A failure at Stripe becomes a message the customer can act on; the details go to the log. */
function answering<A extends unknown[], R>(step: string, call: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await call(...args);
    } catch (error) {
      if (!(error instanceof Stripe.errors.StripeError)) throw error;
      console.error(`[stripe] ${step} failed: ${error.type} ${error.code ?? ""} ${error.message}`);
      throw new AppError("unavailable", "The payment provider could not complete this. Please try again later.");
    }
  };
}

/** The production adapter, on the official SDK. Tests point `stripe` at a local stub server. */
export function createStripeAdapter(stripe: Stripe): PaymentsAdapter {
  const adapter: PaymentsAdapter = {
    mode: "stripe",

    async createCustomer(account) {
      const customer = await stripe.customers.create({ name: account.name, email: account.email, metadata: { accountId: account.id } }, { idempotencyKey: `customer-${account.id}` });
      return customer.id;
    },

    async startCheckout(request: CheckoutRequest) {
      const metadata = { accountId: request.accountId, purpose: request.purpose, ...(request.invoiceId ? { invoiceId: request.invoiceId } : {}), ...(request.plan ? { planId: request.plan.id } : {}) };
      const common = { customer: request.customerId, client_reference_id: request.accountId, success_url: request.successUrl, cancel_url: request.cancelUrl, metadata };
      const session =
        request.purpose === "subscription"
          ? await stripe.checkout.sessions.create({
              ...common,
              mode: "subscription",
              line_items: [{ price: request.plan!.stripePriceId ?? undefined, quantity: 1 }],
              subscription_data: { metadata },
            })
          : await stripe.checkout.sessions.create({
              ...common,
              mode: "payment",
              // Card only: a delayed method (a bank debit) would complete the session before it is paid.
              allowed_payment_method_types: ["card"],
              line_items: [{ quantity: 1, price_data: { currency: request.currency, unit_amount: request.amount, product_data: { name: request.description } } }],
              payment_intent_data: { metadata },
            });
      if (!session.url) throw new Error("Stripe returned a checkout session without a URL.");
      return { url: session.url };
    },

    async previewPlanChange(subscription, plan) {
      const price = priceOf(plan);
      const preview = await stripe.invoices.createPreview({
        customer: subscription.customerId,
        subscription: subscription.stripeSubscriptionId,
        subscription_details: { items: [{ id: await subscriptionItemId(stripe, subscription), price }], proration_behavior: "always_invoice" },
      });
      return { amountDue: preview.amount_due, currency: preview.currency };
    },

    async changePlan(subscription, plan) {
      const price = priceOf(plan);
      await stripe.subscriptions.update(subscription.stripeSubscriptionId, {
        items: [{ id: await subscriptionItemId(stripe, subscription), price }],
        proration_behavior: "always_invoice",
        // The new plan holds only once its prorated charge is paid.
        payment_behavior: "pending_if_incomplete",
      });
    },

    async setCancelAtPeriodEnd(subscription, cancel, reason) {
      await stripe.subscriptions.update(subscription.stripeSubscriptionId, {
        cancel_at_period_end: cancel,
        ...(cancel && reason ? { cancellation_details: { comment: reason } } : {}),
      });
    },

    async cancelNow(subscription) {
      try {
        await stripe.subscriptions.cancel(subscription.stripeSubscriptionId, {}, { idempotencyKey: `cancel-${subscription.stripeSubscriptionId}` });
      } catch (error) {
        // Already gone at Stripe: what we asked for is done.
        if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === "resource_missing") return;
        throw error;
      }
    },

    async fixPayment(request) {
      const portal = await stripe.billingPortal.sessions.create({ customer: request.customerId, return_url: request.successUrl });
      return { url: portal.url };
    },
  };
  return {
    mode: "stripe",
    createCustomer: answering("creating a customer", adapter.createCustomer),
    startCheckout: answering("starting a checkout", adapter.startCheckout),
    previewPlanChange: answering("previewing a plan change", adapter.previewPlanChange),
    changePlan: answering("changing a plan", adapter.changePlan),
    setCancelAtPeriodEnd: answering("setting cancel at period end", adapter.setCancelAtPeriodEnd),
    cancelNow: answering("cancelling a subscription", adapter.cancelNow),
    fixPayment: answering("opening the customer portal", adapter.fixPayment),
  };
}
