import "server-only";
import { randomBytes } from "node:crypto";
import type Stripe from "stripe";

/**
 * Stripe-shaped events for demo mode: the fields our webhook reads, in the shapes of the SDK's API
 * version, so the webhook cannot tell them from Stripe's own (they are signed the same way).
 */
const API_VERSION = "2026-10-28.endive";

export const demoId = (prefix: string, seed?: string) => `${prefix}_demo_${seed ? seed.replace(/-/g, "") : randomBytes(12).toString("hex")}`;

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** The end of a monthly period that starts at `date`. */
export function monthAfter(date: Date): Date {
  const end = new Date(date);
  end.setUTCMonth(end.getUTCMonth() + 1);
  return end;
}

export function demoEvent<T extends Stripe.Event.Type>(type: T, object: object, options: { id?: string; created?: Date } = {}): Stripe.Event {
  return {
    id: options.id ?? demoId("evt"),
    object: "event",
    api_version: API_VERSION,
    created: seconds(options.created ?? new Date()),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  } as unknown as Stripe.Event;
}

export type DemoPaymentCheckout = { checkoutId: string; customerId: string; accountId: string; invoiceId: string; amount: number; currency: string };

export function checkoutPaidObject(checkout: DemoPaymentCheckout) {
  return {
    id: demoId("cs", checkout.checkoutId),
    object: "checkout.session",
    mode: "payment",
    status: "complete",
    payment_status: "paid",
    customer: checkout.customerId,
    client_reference_id: checkout.accountId,
    amount_total: checkout.amount,
    currency: checkout.currency,
    payment_intent: demoId("pi", checkout.checkoutId),
    metadata: { accountId: checkout.accountId, invoiceId: checkout.invoiceId, purpose: "invoice" },
  };
}

export function paymentFailedObject(checkout: DemoPaymentCheckout) {
  return {
    id: demoId("pi", checkout.checkoutId),
    object: "payment_intent",
    amount: checkout.amount,
    currency: checkout.currency,
    customer: checkout.customerId,
    status: "requires_payment_method",
    last_payment_error: { type: "card_error", code: "card_declined", decline_code: "generic_decline", message: "Your card was declined." },
    metadata: { accountId: checkout.accountId, invoiceId: checkout.invoiceId, purpose: "invoice" },
  };
}

export type DemoSubscriptionState = {
  id: string;
  customerId: string;
  accountId: string;
  planId: string;
  priceId: string;
  status: Stripe.Subscription.Status;
  periodStart: Date;
  periodEnd: Date;
  cancelAtPeriodEnd: boolean;
  cancelReason: string | null;
  canceledAt: Date | null;
};

export function subscriptionObject(state: DemoSubscriptionState) {
  return {
    id: state.id,
    object: "subscription",
    customer: state.customerId,
    status: state.status,
    cancel_at_period_end: state.cancelAtPeriodEnd,
    canceled_at: state.canceledAt ? seconds(state.canceledAt) : null,
    cancellation_details: { comment: state.cancelReason, feedback: null, reason: state.cancelAtPeriodEnd ? "cancellation_requested" : null },
    metadata: { accountId: state.accountId, planId: state.planId },
    items: {
      object: "list",
      data: [{ id: demoId("si", state.id.slice(-24)), object: "subscription_item", quantity: 1, price: { id: state.priceId, object: "price" }, current_period_start: seconds(state.periodStart), current_period_end: seconds(state.periodEnd) }],
    },
  };
}

export type DemoSubscriptionInvoice = {
  id: string;
  customerId: string;
  subscriptionId: string;
  amount: number;
  currency: string;
  description: string;
  billingReason: Stripe.Invoice.BillingReason;
  paid: boolean;
  created: Date;
};

export function subscriptionInvoiceObject(invoice: DemoSubscriptionInvoice) {
  return {
    id: invoice.id,
    object: "invoice",
    customer: invoice.customerId,
    currency: invoice.currency,
    status: invoice.paid ? "paid" : "open",
    billing_reason: invoice.billingReason,
    created: seconds(invoice.created),
    due_date: null,
    subtotal: invoice.amount,
    total: invoice.amount,
    amount_due: invoice.amount,
    amount_paid: invoice.paid ? invoice.amount : 0,
    status_transitions: { paid_at: invoice.paid ? seconds(new Date()) : null },
    parent: { type: "subscription_details", subscription_details: { subscription: invoice.subscriptionId, metadata: {} }, quote_details: null },
    lines: { object: "list", data: [{ id: demoId("il"), object: "line_item", description: invoice.description, amount: invoice.amount, quantity: 1, currency: invoice.currency }] },
    metadata: {},
  };
}
