import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
// Relative, not "@/": drizzle-kit loads the schema without the project's path aliases.
import { checkoutPurposes, checkoutSessionStatuses, invoiceKinds, invoiceStatuses, paymentMethods, paymentProviders, paymentStatuses, subscriptionStatuses } from "../../lib/constants";
import { customerAccounts } from "./accounts";
import { projects } from "./projects";
import { users } from "./users";

/** What a customer can subscribe to; the Stripe price id links it to the production price. */
export const plans = pgTable(
  "plans",
  {
    id: uuid().primaryKey().defaultRandom(),
    // Stable name for code and seed ("starter"); the display name is editable.
    key: text().notNull(),
    name: text().notNull(),
    description: text().notNull().default(""),
    monthlyPrice: integer().notNull(),
    currency: text().notNull(),
    features: jsonb().$type<string[]>().notNull().default([]),
    includedMinutes: integer().notNull(),
    maxAgents: integer().notNull(),
    recordingRetentionDays: integer().notNull(),
    stripePriceId: text(),
    // An inactive plan is not offered any more; subscribers keep it.
    active: boolean().notNull().default(true),
    position: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("plans_key_unique").on(table.key),
    // The webhook finds the plan of a Stripe subscription by its price.
    uniqueIndex("plans_stripe_price_unique").on(table.stripePriceId),
    check("plans_amounts_positive", sql`${table.monthlyPrice} >= 0 and ${table.includedMinutes} >= 0 and ${table.maxAgents} >= 0 and ${table.recordingRetentionDays} >= 0`),
  ],
);

/**
 * An account's subscription as Stripe last reported it: only the webhook writes it. An account may
 * have had several (a cancelled one, then a new one); the current one is the newest still live.
 */
export const subscriptions = pgTable(
  "subscriptions",
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid()
      .notNull()
      .references(() => customerAccounts.id, { onDelete: "cascade" }),
    planId: uuid()
      .notNull()
      .references(() => plans.id),
    stripeSubscriptionId: text().notNull(),
    status: text({ enum: subscriptionStatuses }).notNull(),
    currentPeriodStart: timestamp({ withTimezone: true }).notNull(),
    currentPeriodEnd: timestamp({ withTimezone: true }).notNull(),
    cancelAtPeriodEnd: boolean().notNull().default(false),
    cancelReason: text(),
    canceledAt: timestamp({ withTimezone: true }),
    // `created` of the Stripe event whose state this row holds: an older event never overwrites it.
    stripeEventCreatedAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("subscriptions_stripe_unique").on(table.stripeSubscriptionId),
    // The account's current subscription: its newest.
    index("subscriptions_account_created_idx").on(table.accountId, table.createdAt.desc()),
  ],
);

/** Which usage warnings a subscription's period already sent (80 %, 100 %), so each goes once. */
export const usageAlerts = pgTable(
  "usage_alerts",
  {
    subscriptionId: uuid()
      .notNull()
      .references(() => subscriptions.id, { onDelete: "cascade" }),
    periodStart: timestamp({ withTimezone: true }).notNull(),
    threshold: integer().notNull(),
    sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.subscriptionId, table.periodStart, table.threshold] })],
);

/** The last invoice number given out per year: taken under its row lock, so numbers have no gaps or duplicates. */
export const invoiceNumberCounters = pgTable("invoice_number_counters", {
  year: integer().primaryKey(),
  lastNumber: integer().notNull(),
});

/**
 * An invoice of a customer account: project work written by staff, or a subscription invoice
 * recorded from Stripe. Amounts are integer minor units of `currency`; totals are stored as computed
 * from the items when the invoice was last edited. Overdue is derived (open and past `dueDate`).
 */
export const invoices = pgTable(
  "invoices",
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid()
      .notNull()
      .references(() => customerAccounts.id, { onDelete: "cascade" }),
    projectId: uuid().references(() => projects.id, { onDelete: "set null" }),
    subscriptionId: uuid().references(() => subscriptions.id, { onDelete: "set null" }),
    kind: text({ enum: invoiceKinds }).notNull(),
    number: text().notNull(),
    status: text({ enum: invoiceStatuses }).notNull().default("draft"),
    currency: text().notNull(),
    // Basis points: 1900 is 19 %.
    taxRate: integer().notNull().default(0),
    subtotal: integer().notNull().default(0),
    tax: integer().notNull().default(0),
    total: integer().notNull().default(0),
    amountPaid: integer().notNull().default(0),
    // Calendar days, not instants, like project dates.
    issueDate: date().notNull(),
    dueDate: date().notNull(),
    notes: text().notNull().default(""),
    stripeInvoiceId: text(),
    sentAt: timestamp({ withTimezone: true }),
    paidAt: timestamp({ withTimezone: true }),
    voidedAt: timestamp({ withTimezone: true }),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("invoices_number_unique").on(table.number),
    uniqueIndex("invoices_stripe_unique").on(table.stripeInvoiceId),
    // The customer's list (newest first) and its status filter, within their account.
    index("invoices_account_issue_idx").on(table.accountId, table.issueDate.desc(), table.id.desc()),
    index("invoices_account_status_due_idx").on(table.accountId, table.status, table.dueDate),
    // The staff table's default order and a project's invoices.
    index("invoices_created_idx").on(table.createdAt.desc(), table.id.desc()),
    index("invoices_project_idx").on(table.projectId),
    // Staff invoices are never negative (their validation says so); a Stripe proration may be: a credit.
    check("invoices_amounts", sql`${table.amountPaid} >= 0 and ${table.taxRate} between 0 and 10000`),
  ],
);

export const invoiceItems = pgTable(
  "invoice_items",
  {
    id: uuid().primaryKey().defaultRandom(),
    invoiceId: uuid()
      .notNull()
      .references(() => invoices.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    description: text().notNull(),
    quantity: integer().notNull(),
    unitAmount: integer().notNull(),
    amount: integer().notNull(),
  },
  (table) => [index("invoice_items_invoice_idx").on(table.invoiceId, table.position), check("invoice_items_quantity_positive", sql`${table.quantity} > 0`)],
);

/**
 * A payment or a failed attempt on an invoice. Online ones come only from Stripe events (demo mode
 * sends the same); `providerReference` (the payment intent, or the Stripe invoice) makes a repeated
 * event record it once. Offline ones are recorded by staff.
 */
export const payments = pgTable(
  "payments",
  {
    id: uuid().primaryKey().defaultRandom(),
    invoiceId: uuid()
      .notNull()
      .references(() => invoices.id, { onDelete: "cascade" }),
    accountId: uuid()
      .notNull()
      .references(() => customerAccounts.id, { onDelete: "cascade" }),
    amount: integer().notNull(),
    currency: text().notNull(),
    status: text({ enum: paymentStatuses }).notNull(),
    method: text({ enum: paymentMethods }).notNull(),
    provider: text({ enum: paymentProviders }).notNull(),
    providerReference: text(),
    cardBrand: text(),
    cardLast4: text(),
    failureMessage: text(),
    note: text(),
    recordedById: uuid().references(() => users.id, { onDelete: "set null" }),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("payments_provider_reference_unique").on(table.provider, table.status, table.providerReference),
    index("payments_invoice_idx").on(table.invoiceId, table.occurredAt),
    index("payments_account_idx").on(table.accountId, table.occurredAt.desc()),
    check("payments_amount_positive", sql`${table.amount} > 0`),
  ],
);

/** Stripe events already applied, recorded in the same transaction as their effects. */
export const processedStripeEvents = pgTable("processed_stripe_events", {
  id: text().primaryKey(),
  type: text().notNull(),
  // When Stripe created the event (its `created`).
  createdAt: timestamp({ withTimezone: true }).notNull(),
  processedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * A checkout started in demo payment mode: what the demo page charges, fixed on the server when it
 * was started. Stripe keeps its own sessions in production.
 */
export const demoCheckoutSessions = pgTable(
  "demo_checkout_sessions",
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid()
      .notNull()
      .references(() => customerAccounts.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text({ enum: checkoutPurposes }).notNull(),
    invoiceId: uuid().references(() => invoices.id, { onDelete: "cascade" }),
    planId: uuid().references(() => plans.id, { onDelete: "cascade" }),
    amount: integer().notNull(),
    currency: text().notNull(),
    status: text({ enum: checkoutSessionStatuses }).notNull().default("open"),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    completedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("demo_checkout_sessions_user_idx").on(table.userId, table.createdAt.desc())],
);

export type Plan = typeof plans.$inferSelect;
export type Subscription = typeof subscriptions.$inferSelect;
export type Invoice = typeof invoices.$inferSelect;
export type InvoiceItem = typeof invoiceItems.$inferSelect;
export type Payment = typeof payments.$inferSelect;
export type DemoCheckoutSession = typeof demoCheckoutSessions.$inferSelect;
