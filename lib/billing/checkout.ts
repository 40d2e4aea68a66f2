import "server-only";
import { createAuditEntry } from "@/db/queries/audit";
import { getPlan } from "@/db/queries/plans";
import { lockInvoiceForPayment } from "@/db/queries/payments";
import { getOpenSubscriptionInvoice, lockAccountForCustomer, setStripeCustomer } from "@/db/queries/stripe-sync";
import { getCurrentSubscription } from "@/db/queries/subscriptions";
import { inTransaction, type Transaction } from "@/db/queries/transaction";
import { getUserById } from "@/db/queries/users";
import type { Actor } from "@/lib/actor";
import { appUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { RequestInfo } from "@/lib/request-info";
import { paymentsAdapter, type CheckoutRequest, type PaymentsAdapter } from "./adapter";

export type CheckoutResult<Refusal extends string> = { status: "redirect"; url: string } | { status: Refusal };

/** The customer account a billing action acts on: the actor's own, never one named in the request. */
export function customerAccountOf(actor: Actor): string {
  if (actor.role !== "customer" || !actor.accountId) throw new AppError("forbidden", "Only customers pay and subscribe.");
  return actor.accountId;
}

/** The account's customer at the payment provider, created on its first checkout (under the account's row lock). */
export async function ensureProviderCustomer(actor: Actor, accountId: string, adapter: PaymentsAdapter, tx: Transaction): Promise<string> {
  const account = await lockAccountForCustomer(accountId, tx);
  if (!account) throw new AppError("not_found", "That account does not exist.");
  if (account.stripeCustomerId) return account.stripeCustomerId;
  const email = account.billingEmail ?? (await getUserById(actor.id, tx))?.email ?? "";
  const customerId = await adapter.createCustomer({ id: account.id, name: account.name, email });
  await setStripeCustomer(account.id, customerId, tx);
  return customerId;
}

async function audited(actor: Actor, info: RequestInfo, metadata: Record<string, string | number>, tx: Transaction) {
  await createAuditEntry({ action: "user.checkout_started", actorId: actor.id, targetUserId: actor.id, ip: info.ip, userAgent: info.userAgent, metadata }, tx);
}

/** Sends the customer to pay the balance of one of their account's open invoices. */
export async function payInvoice(actor: Actor, input: { invoiceId: string }, info: RequestInfo, db?: Transaction): Promise<CheckoutResult<"not_found" | "not_payable">> {
  const accountId = customerAccountOf(actor);
  const adapter = await paymentsAdapter();
  return inTransaction(async (tx) => {
    const invoice = await lockInvoiceForPayment(input.invoiceId, tx);
    if (!invoice || invoice.accountId !== accountId || invoice.status === "draft") return { status: "not_found" as const };
    const balance = invoice.total - invoice.amountPaid;
    if (invoice.status !== "open" || balance <= 0) return { status: "not_payable" as const };
    const request: CheckoutRequest = {
      purpose: "invoice",
      accountId,
      userId: actor.id,
      customerId: await ensureProviderCustomer(actor, accountId, adapter, tx),
      amount: balance,
      currency: invoice.currency,
      description: `Invoice ${invoice.number}`,
      invoiceId: invoice.id,
      plan: null,
      stripeInvoiceId: null,
      successUrl: `${appUrl()}/dashboard/invoices/${invoice.id}?checkout=success`,
      cancelUrl: `${appUrl()}/dashboard/invoices/${invoice.id}?checkout=cancelled`,
    };
    const { url } = await adapter.startCheckout(request);
    await audited(actor, info, { purpose: "invoice", invoiceId: invoice.id, amount: balance, currency: invoice.currency }, tx);
    return { status: "redirect" as const, url };
  }, db);
}

/** Sends a customer without a running subscription to subscribe to an offered plan. */
export async function startSubscriptionCheckout(actor: Actor, input: { planId: string }, info: RequestInfo, db?: Transaction): Promise<CheckoutResult<"already_subscribed" | "plan_unavailable">> {
  const accountId = customerAccountOf(actor);
  const adapter = await paymentsAdapter();
  return inTransaction(async (tx) => {
    const customerId = await ensureProviderCustomer(actor, accountId, adapter, tx);
    if (await getCurrentSubscription(accountId, tx)) return { status: "already_subscribed" as const };
    const plan = await getPlan(input.planId, tx);
    if (!plan?.active || (adapter.mode === "stripe" && !plan.stripePriceId)) return { status: "plan_unavailable" as const };
    const { url } = await adapter.startCheckout({
      purpose: "subscription",
      accountId,
      userId: actor.id,
      customerId,
      amount: plan.monthlyPrice,
      currency: plan.currency,
      description: `${plan.name} subscription`,
      invoiceId: null,
      plan: { id: plan.id, name: plan.name, stripePriceId: plan.stripePriceId },
      stripeInvoiceId: null,
      successUrl: `${appUrl()}/dashboard/billing?checkout=success`,
      cancelUrl: `${appUrl()}/dashboard/billing?checkout=cancelled`,
    });
    await audited(actor, info, { purpose: "subscription", planId: plan.id }, tx);
    return { status: "redirect" as const, url };
  }, db);
}

/** A past-due customer updates their payment method and settles what is owed. */
export async function fixPayment(actor: Actor, info: RequestInfo, db?: Transaction): Promise<CheckoutResult<"not_past_due">> {
  const accountId = customerAccountOf(actor);
  const adapter = await paymentsAdapter();
  return inTransaction(async (tx) => {
    const subscription = await getCurrentSubscription(accountId, tx);
    if (!subscription || (subscription.status !== "past_due" && subscription.status !== "unpaid")) return { status: "not_past_due" as const };
    const owed = await getOpenSubscriptionInvoice(accountId, tx);
    const { url } = await adapter.fixPayment({
      purpose: "fix_payment",
      accountId,
      userId: actor.id,
      customerId: await ensureProviderCustomer(actor, accountId, adapter, tx),
      amount: owed?.balance ?? subscription.plan.monthlyPrice,
      currency: owed?.currency ?? subscription.plan.currency,
      description: `${subscription.plan.name} subscription`,
      invoiceId: owed?.id ?? null,
      plan: { id: subscription.plan.id, name: subscription.plan.name, stripePriceId: subscription.plan.stripePriceId },
      stripeInvoiceId: owed?.stripeInvoiceId ?? null,
      successUrl: `${appUrl()}/dashboard/billing?checkout=success`,
      cancelUrl: `${appUrl()}/dashboard/billing`,
    });
    await audited(actor, info, { purpose: "fix_payment", subscriptionId: subscription.id }, tx);
    return { status: "redirect" as const, url };
  }, db);
}
