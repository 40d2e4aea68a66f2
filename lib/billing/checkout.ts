import "server-only";
import { createAuditEntry } from "@/db/queries/audit";
import { getPlan } from "@/db/queries/plans";
import { getInvoiceForPayment } from "@/db/queries/invoices";
import { getAccountForCustomer, getOpenSubscriptionInvoice, getStripeCustomerId, setStripeCustomer } from "@/db/queries/stripe-sync";
import { getCurrentSubscription } from "@/db/queries/subscriptions";
import { getUserById } from "@/db/queries/users";
import type { Actor } from "@/lib/actor";
import { isPastDue } from "@/lib/constants";
import { appUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { RequestInfo } from "@/lib/request-info";
import { paymentsAdapter, type CheckoutRequest, type PaymentsAdapter } from "./adapter";

/*
 * Starting a payment only sends the customer somewhere to pay: nothing here changes an invoice or a
 * subscription (the webhook does). What is charged is read here, from our rows, never from the request.
 */

export type CheckoutResult<Refusal extends string> = { status: "redirect"; url: string } | { status: Refusal };

/** The customer account a billing action acts on: the actor's own, never one named in the request. */
export function customerAccountOf(actor: Actor): string {
  if (actor.role !== "customer" || !actor.accountId) throw new AppError("forbidden", "Only customers pay and subscribe.");
  return actor.accountId;
}

/**
 * The account's customer at the payment provider, created on its first checkout. The provider is
 * called outside any transaction; of two first checkouts at once, the first customer stored wins
 * (Stripe returns the same one for both: the request's idempotency key is the account's).
 */
export async function ensureProviderCustomer(actor: Actor, accountId: string, adapter: PaymentsAdapter): Promise<string> {
  const account = await getAccountForCustomer(accountId);
  if (!account) throw new AppError("not_found", "That account does not exist.");
  if (account.stripeCustomerId) return account.stripeCustomerId;
  const email = account.billingEmail ?? (await getUserById(actor.id))?.email ?? "";
  await setStripeCustomer(account.id, await adapter.createCustomer({ id: account.id, name: account.name, email }));
  return (await getStripeCustomerId(account.id))!;
}

async function checkoutStarted(actor: Actor, info: RequestInfo, metadata: Record<string, string | number>) {
  await createAuditEntry({ action: "user.checkout_started", actorId: actor.id, targetUserId: actor.id, ip: info.ip, userAgent: info.userAgent, metadata });
}

const returnUrls = (path: string) => ({ successUrl: `${appUrl()}${path}?checkout=success`, cancelUrl: `${appUrl()}${path}?checkout=cancelled` });

/**
 * Whether the customer can pay the invoice's balance online: open with something left to pay, and a
 * project invoice — a subscription invoice is Stripe's to charge (fix payment pays it); a second charge would pay it twice.
 */
export function isPayableOnline(invoice: { status: string; kind: string; total: number; amountPaid: number }): boolean {
  return invoice.status === "open" && invoice.total - invoice.amountPaid > 0 && invoice.kind === "project";
}

/** Sends the customer to pay the balance of one of their account's open invoices. */
export async function payInvoice(actor: Actor, input: { invoiceId: string }, info: RequestInfo): Promise<CheckoutResult<"not_found" | "not_payable">> {
  const accountId = customerAccountOf(actor);
  const invoice = await getInvoiceForPayment(input.invoiceId);
  if (!invoice || invoice.accountId !== accountId || !invoice.sentAt) return { status: "not_found" };
  if (!isPayableOnline(invoice)) return { status: "not_payable" };
  const balance = invoice.total - invoice.amountPaid;
  const adapter = await paymentsAdapter();
  const request: CheckoutRequest = {
    purpose: "invoice",
    accountId,
    userId: actor.id,
    customerId: await ensureProviderCustomer(actor, accountId, adapter),
    amount: balance,
    currency: invoice.currency,
    description: `Invoice ${invoice.number}`,
    invoiceId: invoice.id,
    plan: null,
    stripeInvoiceId: null,
    ...returnUrls(`/dashboard/invoices/${invoice.id}`),
  };
  const { url } = await adapter.startCheckout(request);
  await checkoutStarted(actor, info, { purpose: "invoice", invoiceId: invoice.id, amount: balance, currency: invoice.currency });
  return { status: "redirect", url };
}

/** Sends a customer without a running subscription to subscribe to an offered plan. */
export async function startSubscriptionCheckout(actor: Actor, input: { planId: string }, info: RequestInfo): Promise<CheckoutResult<"already_subscribed" | "plan_unavailable">> {
  const accountId = customerAccountOf(actor);
  if (await getCurrentSubscription(accountId)) return { status: "already_subscribed" };
  const adapter = await paymentsAdapter();
  const plan = await getPlan(input.planId);
  if (!plan?.active || (adapter.mode === "stripe" && !plan.stripePriceId)) return { status: "plan_unavailable" };
  const { url } = await adapter.startCheckout({
    purpose: "subscription",
    accountId,
    userId: actor.id,
    customerId: await ensureProviderCustomer(actor, accountId, adapter),
    amount: plan.monthlyPrice,
    currency: plan.currency,
    description: `${plan.name} subscription`,
    invoiceId: null,
    plan: { id: plan.id, name: plan.name, stripePriceId: plan.stripePriceId },
    stripeInvoiceId: null,
    ...returnUrls("/dashboard/billing"),
  });
  await checkoutStarted(actor, info, { purpose: "subscription", planId: plan.id });
  return { status: "redirect", url };
}

/** A past-due customer updates their payment method and settles what is owed. */
export async function fixPayment(actor: Actor, info: RequestInfo): Promise<CheckoutResult<"not_past_due">> {
  const accountId = customerAccountOf(actor);
  const subscription = await getCurrentSubscription(accountId);
  if (!subscription || !isPastDue(subscription.status)) return { status: "not_past_due" };
  const owed = await getOpenSubscriptionInvoice(accountId);
  const adapter = await paymentsAdapter();
  const { url } = await adapter.fixPayment({
    purpose: "fix_payment",
    accountId,
    userId: actor.id,
    customerId: await ensureProviderCustomer(actor, accountId, adapter),
    amount: owed?.balance ?? subscription.plan.monthlyPrice,
    currency: owed?.currency ?? subscription.plan.currency,
    description: `${subscription.plan.name} subscription`,
    invoiceId: owed?.id ?? null,
    plan: { id: subscription.plan.id, name: subscription.plan.name, stripePriceId: subscription.plan.stripePriceId },
    stripeInvoiceId: owed?.stripeInvoiceId ?? null,
    ...returnUrls("/dashboard/billing"),
  });
  await checkoutStarted(actor, info, { purpose: "fix_payment", subscriptionId: subscription.id });
  return { status: "redirect", url };
}
