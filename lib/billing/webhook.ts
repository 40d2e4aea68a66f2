import "server-only";
import Stripe from "stripe";
import { z } from "zod";
import { getPlan, getPlanByStripePrice } from "@/db/queries/plans";
import { listAccountMembersWithLocale } from "@/db/queries/invoices";
import { nextInvoiceNumber } from "@/db/queries/invoice-numbers";
import { addToAmountPaid } from "@/db/queries/payments";
import {
  claimStripeEvent,
  getAccountIdByStripeCustomer,
  getSubscriptionIdByStripeId,
  insertSubscription,
  insertSubscriptionInvoice,
  lockInvoiceByStripeId,
  lockStripeObject,
  lockSubscriptionByStripeId,
  setStripeCustomer,
  updateSubscriptionState,
  type SubscriptionState,
} from "@/db/queries/stripe-sync";
import { inTransaction, type Transaction } from "@/db/queries/transaction";
import { recordActivity } from "@/lib/activity/service";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { invoiceEventData, subscriptionEventData } from "@/lib/webhooks/events";
import { isPastDue, subscriptionStatuses, type PaymentProvider, type SubscriptionStatus } from "@/lib/constants";
import { describeError } from "@/lib/errors";
import type { NotificationType } from "@/lib/notifications/types";
import { paymentsMode, stripeWebhookSecret } from "./config";
import { notifyEach } from "./notices";
import { applySuccessfulPayment, recordFailedPayment } from "./payments";
import { checkUsageAlerts } from "./usage";

/** Stripe's default: a signature older than five minutes is refused (replays). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

// Only used for its webhook helpers, which work offline; the key is never sent anywhere.
const signer = new Stripe("sk_webhook_signature_only");

/** Signs a payload as Stripe does, for demo mode and tests; the same SDK verifies it on arrival. */
export function signStripePayload(payload: string, options: { timestamp?: number; secret?: string } = {}): string {
  return signer.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? stripeWebhookSecret(), timestamp: options.timestamp });
}

export type WebhookAnswer = { status: number; body: Record<string, unknown> };

/**
 * The webhook's whole job: verify the raw body's signature, then apply the event in one transaction
 * with its id recorded. 400 (nothing written) for a bad signature; 500 (nothing committed) when
 * applying fails, so Stripe delivers it again later.
 */
export async function receiveStripeWebhook(rawBody: string, signature: string | null): Promise<WebhookAnswer> {
  if (!signature) return { status: 400, body: { error: { code: "bad_request", message: "Missing Stripe-Signature header." } } };
  let event: Stripe.Event;
  try {
    event = signer.webhooks.constructEvent(rawBody, signature, stripeWebhookSecret(), SIGNATURE_TOLERANCE_SECONDS);
  } catch {
    return { status: 400, body: { error: { code: "bad_request", message: "Invalid or expired signature." } } };
  }
  try {
    const outcome = await applyStripeEvent(event);
    return { status: 200, body: { received: true, outcome } };
  } catch (error) {
    console.error(`[stripe] applying ${event.type} ${event.id} failed, Stripe will retry: ${describeError(error)}`);
    return { status: 500, body: { error: { code: "internal", message: "The event could not be applied; it will be retried." } } };
  }
}

export type EventOutcome = "applied" | "duplicate" | "ignored";

const handlers: Partial<Record<string, (object: never, context: EventContext, tx: Transaction) => Promise<void>>> = {
  "checkout.session.completed": checkoutCompleted,
  "payment_intent.payment_failed": paymentIntentFailed,
  "invoice.paid": subscriptionInvoicePaid,
  "invoice.payment_failed": subscriptionInvoiceFailed,
  "customer.subscription.created": syncSubscription,
  "customer.subscription.updated": syncSubscription,
  "customer.subscription.deleted": syncSubscription,
};

type EventContext = { eventId: string; created: Date; provider: PaymentProvider };

/** Applies one verified event exactly once, whatever order and however often it arrives. */
export async function applyStripeEvent(event: Stripe.Event, db?: Transaction): Promise<EventOutcome> {
  const handler = handlers[event.type];
  if (!handler) return "ignored";
  const created = new Date(event.created * 1000);
  return inTransaction(async (tx) => {
    if (!(await claimStripeEvent({ id: event.id, type: event.type, createdAt: created }, tx))) return "duplicate";
    const context = { eventId: event.id, created, provider: paymentsMode() === "demo" ? "demo" : "stripe" } as const;
    await handler(event.data.object as never, context, tx);
    return "applied";
  }, db);
}

/** An id from metadata, as our server wrote it; anything else names nothing (and never reaches a uuid column). */
const uuidOf = (value: string | undefined): string | null => (value && z.uuid().safeParse(value).success ? value : null);

const idOf = (value: string | { id: string } | null | undefined): string | null => (typeof value === "string" ? value : (value?.id ?? null));

/** The account an object belongs to: by its Stripe customer, which our checkout created for one account. */
async function accountOf(customer: string | { id: string } | null, tx: Transaction): Promise<string | null> {
  const customerId = idOf(customer);
  return customerId ? getAccountIdByStripeCustomer(customerId, tx) : null;
}

/** A project invoice paid through Checkout; a subscription checkout only confirms the customer link. */
async function checkoutCompleted(session: Stripe.Checkout.Session, context: EventContext, tx: Transaction) {
  const accountId = uuidOf(session.metadata?.accountId);
  const customerId = idOf(session.customer);
  if (accountId && customerId) await setStripeCustomer(accountId, customerId, tx);
  const invoiceId = uuidOf(session.metadata?.invoiceId);
  if (session.mode !== "payment" || !invoiceId || session.payment_status !== "paid" || !session.amount_total) return;
  // Metadata is ours, but the customer must match too: a session of one account never pays another's invoice.
  const applied = await applySuccessfulPayment(
    {
      invoiceId,
      payerAccountId: await accountOf(session.customer, tx),
      amount: session.amount_total,
      method: "card",
      provider: context.provider,
      providerReference: idOf(session.payment_intent) ?? session.id,
      occurredAt: context.created,
    },
    tx,
  );
  if (applied.status === "not_found") console.warn(`[stripe] checkout ${session.id} names invoice ${invoiceId} of another or no account; ignored`);
}

async function paymentIntentFailed(intent: Stripe.PaymentIntent, context: EventContext, tx: Transaction) {
  const invoiceId = uuidOf(intent.metadata?.invoiceId);
  if (!invoiceId) return;
  await recordFailedPayment(
    {
      invoiceId,
      payerAccountId: await accountOf(intent.customer, tx),
      amount: intent.amount,
      method: "card",
      provider: context.provider,
      providerReference: context.eventId,
      failureMessage: intent.last_payment_error?.message ?? "The payment was declined.",
      occurredAt: context.created,
    },
    tx,
  );
}

function stripeSubscriptionOf(invoice: Stripe.Invoice): string | null {
  return idOf(invoice.parent?.subscription_details?.subscription);
}

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** Our copy of a Stripe subscription invoice (for the billing history), created on its first event. */
async function subscriptionInvoiceCopy(invoice: Stripe.Invoice, tx: Transaction): Promise<{ id: string; status: string } | null> {
  const stripeSubscriptionId = stripeSubscriptionOf(invoice);
  if (!stripeSubscriptionId || !invoice.id) return null;
  const accountId = await accountOf(invoice.customer, tx);
  if (!accountId) {
    console.warn(`[stripe] invoice ${invoice.id} belongs to no known customer; ignored`);
    return null;
  }
  // Two first events about one new invoice (paid and failed, say) take turns here, so one copy is made.
  await lockStripeObject(invoice.id, tx);
  const existing = await lockInvoiceByStripeId(invoice.id, tx);
  if (existing) return existing;
  const issued = new Date(invoice.created * 1000);
  const number = await nextInvoiceNumber(issued.getUTCFullYear(), tx);
  const id = await insertSubscriptionInvoice(
    {
      accountId,
      subscriptionId: await getSubscriptionIdByStripeId(stripeSubscriptionId, tx),
      number,
      currency: invoice.currency,
      // A proration's credit line makes the subtotal, even the total, negative.
      subtotal: invoice.subtotal,
      tax: (invoice.total_taxes ?? []).reduce((sum, tax) => sum + tax.amount, 0),
      total: invoice.total,
      issueDate: dayOf(issued),
      dueDate: dayOf(invoice.due_date ? new Date(invoice.due_date * 1000) : issued),
      stripeInvoiceId: invoice.id,
      sentAt: issued,
      lines: invoice.lines.data.map((line) => {
        const quantity = Math.max(1, line.quantity ?? 1);
        return { description: line.description ?? "Subscription", quantity, unitAmount: Math.round(line.amount / quantity), amount: line.amount };
      }),
    },
    tx,
  );
  await recordActivity(
    { accountId, type: "invoice.issued", params: { number, amount: invoice.total, currency: invoice.currency }, link: `/dashboard/invoices/${id}` },
    tx,
  );
  await emitWebhookEvent(
    { accountId, type: "invoice.issued", data: invoiceEventData({ id, number, status: "open", currency: invoice.currency, total: invoice.total, amountPaid: 0, dueDate: dayOf(invoice.due_date ? new Date(invoice.due_date * 1000) : issued) }) },
    tx,
  );
  return { id, status: "open" };
}

async function subscriptionInvoicePaid(invoice: Stripe.Invoice, context: EventContext, tx: Transaction) {
  const copy = await subscriptionInvoiceCopy(invoice, tx);
  if (!copy) return;
  const paidAt = invoice.status_transitions?.paid_at ? new Date(invoice.status_transitions.paid_at * 1000) : context.created;
  if (invoice.amount_paid > 0) {
    await applySuccessfulPayment({ invoiceId: copy.id, amount: invoice.amount_paid, method: "card", provider: context.provider, providerReference: invoice.id!, occurredAt: paidAt }, tx);
  } else if (copy.status === "open") {
    // Nothing to charge (a credit covered it): paid without a payment.
    await addToAmountPaid(copy.id, 0, paidAt, tx);
  }
}

async function subscriptionInvoiceFailed(invoice: Stripe.Invoice, context: EventContext, tx: Transaction) {
  const copy = await subscriptionInvoiceCopy(invoice, tx);
  if (!copy || copy.status !== "open" || invoice.amount_due <= 0) return;
  await recordFailedPayment(
    { invoiceId: copy.id, amount: invoice.amount_due, method: "card", provider: context.provider, providerReference: context.eventId, failureMessage: "The card was declined.", occurredAt: context.created },
    tx,
  );
}

function isSubscriptionStatus(status: string): status is SubscriptionStatus {
  return (subscriptionStatuses as readonly string[]).includes(status);
}

/** Statuses a subscription never leaves: an older or simultaneous event cannot bring it back. */
const finalStatuses: SubscriptionStatus[] = ["canceled", "incomplete_expired"];

/** How far along its life a status is: incomplete, then running, then ended. */
const stage = (status: SubscriptionStatus) => (status === "incomplete" ? 0 : finalStatuses.includes(status) ? 2 : 1);

/**
 * Makes our row say what the newest event about the subscription says: an event older than the one
 * the row holds is skipped, so the state is right in whatever order events arrive.
 */
async function syncSubscription(subscription: Stripe.Subscription, context: EventContext, tx: Transaction) {
  const item = subscription.items.data[0];
  const priceId = idOf(item?.price);
  const planId = subscription.metadata?.planId;
  // By price first (a plan changed in Stripe's portal keeps old metadata); the metadata names it in demo mode.
  const plan = (priceId ? await getPlanByStripePrice(priceId, tx) : null) ?? (planId && z.uuid().safeParse(planId).success ? await getPlan(planId, tx) : null);
  // A subscription never moves between customers: once recorded, its account is the one it was created for.
  const existing = await lockSubscriptionByStripeId(subscription.id, tx);
  const accountId = existing?.accountId ?? (await accountOf(subscription.customer, tx));
  if (!item || !plan || !accountId || !isSubscriptionStatus(subscription.status)) {
    console.warn(`[stripe] subscription ${subscription.id}: unknown ${!accountId ? "customer" : !plan ? `price ${priceId}` : "status"}; ignored`);
    return;
  }
  const state: SubscriptionState = {
    accountId,
    planId: plan.id,
    stripeSubscriptionId: subscription.id,
    status: subscription.status,
    currentPeriodStart: new Date(item.current_period_start * 1000),
    currentPeriodEnd: new Date(item.current_period_end * 1000),
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
    cancelReason: subscription.cancellation_details?.comment ?? null,
    canceledAt: subscription.canceled_at ? new Date(subscription.canceled_at * 1000) : null,
    stripeEventCreatedAt: context.created,
  };
  const webhookEvent = { accountId, type: "subscription.updated" as const, data: subscriptionEventData({ ...state, planName: plan.name }) };
  if (!existing && (await insertSubscription(state, tx))) {
    if (state.status === "active" || state.status === "trialing") await tellMembers(accountId, "subscription.started", { plan: plan.name }, tx);
    await emitWebhookEvent(webhookEvent, tx);
    await checkUsageAlerts(accountId, tx);
    return;
  }
  // Another delivery may have created it since the lookup above; it is ours to update now.
  const current = existing ?? (await lockSubscriptionByStripeId(subscription.id, tx))!;
  if (finalStatuses.includes(current.status) || context.created < current.stripeEventCreatedAt) return;
  // Stripe counts in whole seconds: of two events in the same second, one never takes the subscription back to incomplete.
  if (context.created.getTime() === current.stripeEventCreatedAt.getTime() && stage(state.status) < stage(current.status)) return;
  await updateSubscriptionState(current.id, state, tx);
  if (subscriptionVisiblyChanged(current, state)) await emitWebhookEvent(webhookEvent, tx);
  const change = describeChange(current, state);
  if (change) await tellMembers(accountId, change, { plan: plan.name, periodEnd: state.currentPeriodEnd }, tx);
  // A smaller plan or a new period moves the usage against the limit.
  if (state.planId !== current.planId || state.currentPeriodStart.getTime() !== current.currentPeriodStart.getTime()) await checkUsageAlerts(accountId, tx);
}

/** Whether anything a webhook's subscription object shows changed (a repeated event changes nothing). */
function subscriptionVisiblyChanged(before: SubscriptionState, after: SubscriptionState): boolean {
  const same = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);
  return (
    before.status !== after.status ||
    before.planId !== after.planId ||
    before.cancelAtPeriodEnd !== after.cancelAtPeriodEnd ||
    !same(before.currentPeriodStart, after.currentPeriodStart) ||
    !same(before.currentPeriodEnd, after.currentPeriodEnd) ||
    !same(before.canceledAt, after.canceledAt)
  );
}

/** What the customer is told about a change of their subscription, if anything. */
function describeChange(before: SubscriptionState, after: SubscriptionState): NotificationType | null {
  if (after.status !== before.status) {
    if (after.status === "canceled") return "subscription.ended";
    if (isPastDue(after.status)) return "subscription.pastDue";
    if (after.status === "active" && (before.status === "incomplete" || before.status === "trialing")) return "subscription.started";
  }
  if (after.planId !== before.planId) return "subscription.planChanged";
  if (after.cancelAtPeriodEnd !== before.cancelAtPeriodEnd) return after.cancelAtPeriodEnd ? "subscription.cancelScheduled" : "subscription.reactivated";
  return null;
}

const timelineChanges: Partial<Record<NotificationType, string>> = {
  "subscription.started": "started",
  "subscription.planChanged": "switched",
  "subscription.cancelScheduled": "canceling",
  "subscription.reactivated": "reactivated",
  "subscription.ended": "ended",
  "subscription.pastDue": "pastDue",
};

/** Tells the account's members (and puts the change on its timeline); the period's end is written when shown, on its day in each reader's zone. */
async function tellMembers(accountId: string, type: NotificationType, params: { plan: string; periodEnd?: Date }, tx: Transaction) {
  const change = timelineChanges[type];
  if (change) await recordActivity({ accountId, type: "subscription.changed", params: { plan: params.plan, change }, link: "/dashboard/billing" }, tx);
  await notifyEach(
    await listAccountMembersWithLocale(accountId, tx),
    () => ({ type, params: { plan: params.plan, ...(params.periodEnd ? { date: params.periodEnd.toISOString() } : {}) } }),
    tx,
  );
}
