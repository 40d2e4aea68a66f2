import "server-only";
import type { CheckoutPurpose, SubscriptionStatus } from "@/lib/constants";
import { paymentsMode } from "./config";

/** What to charge in a checkout, always read from our database by the service, never from the request. */
export type CheckoutRequest = {
  purpose: CheckoutPurpose;
  accountId: string;
  userId: string;
  customerId: string;
  amount: number;
  currency: string;
  description: string;
  invoiceId: string | null;
  plan: { id: string; name: string; stripePriceId: string | null } | null;
  /** For fix_payment: the Stripe invoice the past-due subscription waits on. */
  stripeInvoiceId: string | null;
  successUrl: string;
  cancelUrl: string;
};

export type SubscriptionRef = {
  stripeSubscriptionId: string;
  customerId: string;
  accountId: string;
  status: SubscriptionStatus;
  cancelAtPeriodEnd: boolean;
  currentPeriodStart: Date;
  currentPeriodEnd: Date;
  plan: TargetPlan;
};

export type TargetPlan = { id: string; key: string; monthlyPrice: number; currency: string; stripePriceId: string | null };

/**
 * The payment provider. Every method asks the provider to do something; none changes our billing
 * state: that happens only when the provider's signed event reaches the webhook (in demo mode too).
 */
export interface PaymentsAdapter {
  readonly mode: "stripe" | "demo";
  /** A customer id of the provider for a new customer account. */
  createCustomer(account: { id: string; name: string; email: string }): Promise<string>;
  /** Where to send the customer to pay. */
  startCheckout(request: CheckoutRequest): Promise<{ url: string }>;
  /** What switching plans now costs (negative: a credit), prorated over the rest of the period. */
  previewPlanChange(subscription: SubscriptionRef, plan: TargetPlan): Promise<{ amountDue: number; currency: string }>;
  changePlan(subscription: SubscriptionRef, plan: TargetPlan): Promise<void>;
  setCancelAtPeriodEnd(subscription: SubscriptionRef, cancel: boolean, reason: string | null): Promise<void>;
  /** Ends the subscription now (the account is being closed); one already ended is not an error. */
  cancelNow(subscription: SubscriptionRef): Promise<void>;
  /** Where a past-due customer fixes their payment method (Stripe's customer portal, or the demo checkout). */
  fixPayment(request: CheckoutRequest): Promise<{ url: string }>;
}

export async function paymentsAdapter(): Promise<PaymentsAdapter> {
  if (paymentsMode() === "stripe") {
    const { createStripeAdapter, stripeClient } = await import("./stripe-adapter");
    return createStripeAdapter(stripeClient());
  }
  const { demoAdapter } = await import("./demo-adapter");
  return demoAdapter;
}
