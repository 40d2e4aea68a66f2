import "server-only";
import { and, desc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import { customerAccounts, invoiceItems, invoices, plans, processedStripeEvents, subscriptions } from "@/db/schema";
import type { SubscriptionStatus } from "@/lib/constants";

/**
 * Records a Stripe event as applied. In the transaction of its effects: a second delivery of the
 * same event waits here for the first to commit, then finds it and changes nothing.
 */
export async function claimStripeEvent(event: { id: string; type: string; createdAt: Date }, db: Database = getDb()): Promise<boolean> {
  const rows = await db.insert(processedStripeEvents).values(event).onConflictDoNothing().returning({ id: processedStripeEvents.id });
  return rows.length === 1;
}

export async function getAccountIdByStripeCustomer(stripeCustomerId: string, db: Database = getDb()): Promise<string | null> {
  const [row] = await db.select({ id: customerAccounts.id }).from(customerAccounts).where(eq(customerAccounts.stripeCustomerId, stripeCustomerId));
  return row?.id ?? null;
}

/** What the payment provider needs to know of an account to create its customer. */
export async function getAccountForCustomer(accountId: string, db: Database = getDb()) {
  const [row] = await db
    .select({ id: customerAccounts.id, name: customerAccounts.name, billingEmail: customerAccounts.billingEmail, stripeCustomerId: customerAccounts.stripeCustomerId })
    .from(customerAccounts)
    .where(eq(customerAccounts.id, accountId));
  return row ?? null;
}

/** Links the account to its Stripe customer once; an account already linked keeps its customer. */
export async function setStripeCustomer(accountId: string, stripeCustomerId: string, db: Database = getDb()): Promise<void> {
  await db.update(customerAccounts).set({ stripeCustomerId, updatedAt: new Date() }).where(and(eq(customerAccounts.id, accountId), isNull(customerAccounts.stripeCustomerId)));
}

export async function lockSubscriptionByStripeId(stripeSubscriptionId: string, db: Database = getDb()) {
  const [row] = await db.select().from(subscriptions).where(eq(subscriptions.stripeSubscriptionId, stripeSubscriptionId)).for("update");
  return row ?? null;
}

export type SubscriptionState = {
  accountId: string;
  planId: string;
  stripeSubscriptionId: string;
  status: SubscriptionStatus;
  currentPeriodStart: Date;
  currentPeriodEnd: Date;
  cancelAtPeriodEnd: boolean;
  cancelReason: string | null;
  canceledAt: Date | null;
  stripeEventCreatedAt: Date;
};

/** Inserts the subscription, or does nothing when another event created it first (the caller then locks and updates it). */
export async function insertSubscription(state: SubscriptionState, db: Database = getDb()): Promise<boolean> {
  const rows = await db.insert(subscriptions).values(state).onConflictDoNothing().returning({ id: subscriptions.id });
  return rows.length === 1;
}

export async function updateSubscriptionState(id: string, state: Omit<SubscriptionState, "accountId" | "stripeSubscriptionId">, db: Database = getDb()): Promise<void> {
  await db
    .update(subscriptions)
    .set({ ...state, updatedAt: new Date() })
    .where(eq(subscriptions.id, id));
}

export async function getSubscriptionIdByStripeId(stripeSubscriptionId: string, db: Database = getDb()): Promise<string | null> {
  const [row] = await db.select({ id: subscriptions.id }).from(subscriptions).where(eq(subscriptions.stripeSubscriptionId, stripeSubscriptionId));
  return row?.id ?? null;
}

/** The local copy of a Stripe subscription invoice, locked, or null when none was recorded yet. */
export async function lockInvoiceByStripeId(stripeInvoiceId: string, db: Database = getDb()) {
  const [row] = await db.select({ id: invoices.id, status: invoices.status }).from(invoices).where(eq(invoices.stripeInvoiceId, stripeInvoiceId)).for("update");
  return row ?? null;
}

export type NewSubscriptionInvoice = {
  accountId: string;
  subscriptionId: string | null;
  number: string;
  currency: string;
  subtotal: number;
  tax: number;
  total: number;
  issueDate: string;
  dueDate: string;
  stripeInvoiceId: string;
  sentAt: Date;
  lines: { description: string; quantity: number; unitAmount: number; amount: number }[];
};

export async function insertSubscriptionInvoice(invoice: NewSubscriptionInvoice, db: Database = getDb()): Promise<string> {
  const { lines, ...fields } = invoice;
  const taxRate = fields.subtotal > 0 ? Math.min(10_000, Math.round((fields.tax * 10_000) / fields.subtotal)) : 0;
  const [row] = await db
    .insert(invoices)
    .values({ ...fields, kind: "subscription", status: "open", taxRate })
    .returning({ id: invoices.id });
  if (lines.length > 0) await db.insert(invoiceItems).values(lines.map((line, position) => ({ ...line, invoiceId: row!.id, position })));
  return row!.id;
}

/** The open subscription invoice a past-due subscription waits on (the one "fix payment" pays). */
export async function getOpenSubscriptionInvoice(accountId: string, db: Database = getDb()) {
  const [row] = await db
    .select({ id: invoices.id, number: invoices.number, stripeInvoiceId: invoices.stripeInvoiceId, balance: sql<number>`${invoices.total} - ${invoices.amountPaid}`.mapWith(Number), currency: invoices.currency })
    .from(invoices)
    .where(and(eq(invoices.accountId, accountId), eq(invoices.kind, "subscription"), eq(invoices.status, "open")))
    .orderBy(desc(invoices.createdAt))
    .limit(1);
  return row ?? null;
}

export async function getStripeCustomerId(accountId: string, db: Database = getDb()): Promise<string | null> {
  const [row] = await db.select({ stripeCustomerId: customerAccounts.stripeCustomerId }).from(customerAccounts).where(eq(customerAccounts.id, accountId));
  return row?.stripeCustomerId ?? null;
}

/** Running subscriptions whose period has ended: demo mode renews or ends them as Stripe would. */
export async function listSubscriptionsDueForRenewal(now: Date, limit: number, db: Database = getDb()) {
  return db
    .select({
      stripeSubscriptionId: subscriptions.stripeSubscriptionId,
      accountId: subscriptions.accountId,
      status: subscriptions.status,
      currentPeriodEnd: subscriptions.currentPeriodEnd,
      cancelAtPeriodEnd: subscriptions.cancelAtPeriodEnd,
      customerId: customerAccounts.stripeCustomerId,
      plan: { id: plans.id, key: plans.key, name: plans.name, monthlyPrice: plans.monthlyPrice, currency: plans.currency, stripePriceId: plans.stripePriceId },
    })
    .from(subscriptions)
    .innerJoin(plans, eq(plans.id, subscriptions.planId))
    .innerJoin(customerAccounts, eq(customerAccounts.id, subscriptions.accountId))
    .where(and(inArray(subscriptions.status, ["active", "trialing"]), lte(subscriptions.currentPeriodEnd, now)))
    .orderBy(subscriptions.currentPeriodEnd)
    .limit(limit);
}

/** Serializes the transactions about one Stripe object (until the caller's transaction ends). */
export async function lockStripeObject(stripeId: string, db: Database = getDb()): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`stripe:${stripeId}`}, 0))`);
}
