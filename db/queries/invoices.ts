import "server-only";
import { and, asc, count, desc, eq, gte, ilike, isNotNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import { customerAccountMembers, customerAccounts, invoiceItems, invoices, payments, projects, users, userSettings } from "@/db/schema";
import type { AdminInvoiceSort, CustomerInvoiceFilter, InvoiceKind, InvoiceStatus } from "@/lib/constants";
import { escapeLike } from "./search";

// Overdue is derived, never stored: open and due before the viewer's today (a YYYY-MM-DD day).
const isOverdue = (today: string) => and(eq(invoices.status, "open"), lt(invoices.dueDate, today));
export const overdueColumn = (today: string) => sql<boolean>`(${invoices.status} = 'open' and ${invoices.dueDate} < ${today})`.mapWith(Boolean);
/** What customers see: invoices that were sent. A draft, even one voided unsent, stays the staff's. */
export const wasSent = isNotNull(invoices.sentAt);

const listColumns = (today: string) => ({
  id: invoices.id,
  number: invoices.number,
  status: invoices.status,
  overdue: overdueColumn(today),
  currency: invoices.currency,
  total: invoices.total,
  amountPaid: invoices.amountPaid,
  issueDate: invoices.issueDate,
  dueDate: invoices.dueDate,
  projectId: invoices.projectId,
  projectName: projects.name,
});

// ---- Customer reads: the account's id first, drafts never ---------------------------------------

export type CustomerInvoiceFilters = { status?: CustomerInvoiceFilter; from?: string; to?: string };

function customerFilter(filters: CustomerInvoiceFilters, today: string): SQL | undefined {
  if (!filters.status) return undefined;
  return filters.status === "overdue" ? isOverdue(today) : eq(invoices.status, filters.status);
}

/** A position in the invoice list: the last row's issue day and id. */
export type InvoiceListCursor = { issueDate: string; id: string };

/**
 * The account's invoices for its list, newest issue first; `today` is the viewer's day, for overdue.
 * With `page`, only `limit` rows after the cursor (the API's pages); without it, all of them.
 */
export async function listInvoicesForAccount(
  accountId: string,
  filters: CustomerInvoiceFilters,
  today: string,
  page?: { after: InvoiceListCursor | null; limit: number },
  db: Database = getDb(),
) {
  const after = page?.after;
  const query = db
    .select(listColumns(today))
    .from(invoices)
    .leftJoin(projects, eq(projects.id, invoices.projectId))
    .where(
      and(
        eq(invoices.accountId, accountId),
        wasSent,
        customerFilter(filters, today),
        filters.from ? gte(invoices.issueDate, filters.from) : undefined,
        filters.to ? lte(invoices.issueDate, filters.to) : undefined,
        after ? sql`(${invoices.issueDate}, ${invoices.id}) < (${after.issueDate}::date, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(invoices.issueDate), desc(invoices.id));
  return page ? query.limit(page.limit) : query;
}

/** Whether the account has any invoice it may see, so the list knows empty from filtered-out. */
export async function countInvoicesForAccount(accountId: string, db: Database = getDb()): Promise<number> {
  const [row] = await db
    .select({ value: count() })
    .from(invoices)
    .where(and(eq(invoices.accountId, accountId), wasSent));
  return row?.value ?? 0;
}

/** What the account owes per currency: the open balances, and the part of them that is overdue. */
export async function getAmountsDueForAccount(accountId: string, today: string, db: Database = getDb()) {
  return db
    .select({
      currency: invoices.currency,
      count: count(),
      // A bigint sum: several invoices near the largest amount pass 2^31.
      due: sql<number>`sum(${invoices.total} - ${invoices.amountPaid})`.mapWith(Number),
      overdue: sql<number>`coalesce(sum(${invoices.total} - ${invoices.amountPaid}) filter (where ${invoices.dueDate} < ${today}), 0)`.mapWith(Number),
      overdueCount: sql<number>`count(*) filter (where ${invoices.dueDate} < ${today})`.mapWith(Number),
    })
    .from(invoices)
    .where(and(eq(invoices.accountId, accountId), eq(invoices.status, "open")))
    .groupBy(invoices.currency)
    .orderBy(asc(invoices.currency));
}

/** The account's invoices of one of its projects, for the project page. */
export async function listInvoicesOfProjectForAccount(accountId: string, projectId: string, today: string, db: Database = getDb()) {
  return db
    .select(listColumns(today))
    .from(invoices)
    .leftJoin(projects, eq(projects.id, invoices.projectId))
    .where(and(eq(invoices.accountId, accountId), eq(invoices.projectId, projectId), wasSent))
    .orderBy(desc(invoices.issueDate), desc(invoices.id));
}

// The billing email falls back to the account owner's address.
const ownerEmail = sql<string | null>`(select ${users.email} from ${customerAccountMembers} inner join ${users} on ${users.id} = ${customerAccountMembers.userId}
  where ${customerAccountMembers.accountId} = ${customerAccounts.id} and ${customerAccountMembers.role} = 'owner' limit 1)`;

const detailColumns = (today: string) => ({
  ...listColumns(today),
  accountId: invoices.accountId,
  kind: invoices.kind,
  taxRate: invoices.taxRate,
  subtotal: invoices.subtotal,
  tax: invoices.tax,
  notes: invoices.notes,
  sentAt: invoices.sentAt,
  paidAt: invoices.paidAt,
  voidedAt: invoices.voidedAt,
  createdAt: invoices.createdAt,
  customerName: customerAccounts.name,
  billingAddress: customerAccounts.billingAddress,
  taxId: customerAccounts.taxId,
  billingEmail: sql<string | null>`coalesce(${customerAccounts.billingEmail}, ${ownerEmail})`,
});

/** An invoice's lines and payments, for an invoice whose access was already checked. */
async function invoiceParts(invoiceId: string, db: Database) {
  const [items, paymentRows] = await Promise.all([
    db
      .select({ id: invoiceItems.id, description: invoiceItems.description, quantity: invoiceItems.quantity, unitAmount: invoiceItems.unitAmount, amount: invoiceItems.amount })
      .from(invoiceItems)
      .where(eq(invoiceItems.invoiceId, invoiceId))
      .orderBy(asc(invoiceItems.position), asc(invoiceItems.id)),
    db
      .select({
        id: payments.id,
        amount: payments.amount,
        currency: payments.currency,
        status: payments.status,
        method: payments.method,
        provider: payments.provider,
        cardBrand: payments.cardBrand,
        cardLast4: payments.cardLast4,
        failureMessage: payments.failureMessage,
        note: payments.note,
        occurredAt: payments.occurredAt,
      })
      .from(payments)
      .where(eq(payments.invoiceId, invoiceId))
      .orderBy(asc(payments.occurredAt), asc(payments.id)),
  ]);
  return { items, payments: paymentRows };
}

async function invoiceWithParts(where: SQL | undefined, today: string, db: Database) {
  const [invoice] = await db
    .select(detailColumns(today))
    .from(invoices)
    .innerJoin(customerAccounts, eq(customerAccounts.id, invoices.accountId))
    .leftJoin(projects, eq(projects.id, invoices.projectId))
    .where(where);
  if (!invoice) return null;
  return { ...invoice, ...(await invoiceParts(invoice.id, db)) };
}

/** One of the account's invoices (never a draft) with its lines, payments and billing details; another account's finds nothing. */
export async function getInvoiceForAccount(accountId: string, invoiceId: string, today: string, db: Database = getDb()) {
  return invoiceWithParts(and(eq(invoices.id, invoiceId), eq(invoices.accountId, accountId), wasSent), today, db);
}

export type InvoiceDetail = NonNullable<Awaited<ReturnType<typeof getInvoiceForAccount>>>;

// ---- Staff reads ---------------------------------------------------------------------------------

/** Staff's view of any invoice, drafts included. */
export async function adminGetInvoice(invoiceId: string, today: string, db: Database = getDb()) {
  return invoiceWithParts(eq(invoices.id, invoiceId), today, db);
}

const adminSortColumns = {
  number: invoices.number,
  customer: customerAccounts.name,
  status: invoices.status,
  total: invoices.total,
  issueDate: invoices.issueDate,
  dueDate: invoices.dueDate,
} as const satisfies Record<AdminInvoiceSort, unknown>;

export type AdminInvoicesParams = {
  page: number;
  pageSize: number;
  sort: AdminInvoiceSort;
  direction: "asc" | "desc";
  query?: string;
  status?: InvoiceStatus;
};

/** One page of every customer's invoices and the number of matches; `query` matches the number or the customer. */
export async function adminListInvoices(params: AdminInvoicesParams, today: string, db: Database = getDb()) {
  const term = params.query?.trim();
  const pattern = term ? `%${escapeLike(term)}%` : null;
  const where = and(pattern ? or(ilike(invoices.number, pattern), ilike(customerAccounts.name, pattern)) : undefined, params.status ? eq(invoices.status, params.status) : undefined);
  const column = adminSortColumns[params.sort];
  const page = await db
    .select({ ...listColumns(today), accountId: invoices.accountId, customer: customerAccounts.name, matchCount: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(invoices)
    .innerJoin(customerAccounts, eq(customerAccounts.id, invoices.accountId))
    .leftJoin(projects, eq(projects.id, invoices.projectId))
    .where(where)
    .orderBy(params.direction === "asc" ? asc(column) : desc(column), desc(invoices.number))
    .limit(params.pageSize)
    .offset((params.page - 1) * params.pageSize);
  const rows = page.map(({ matchCount: _, ...row }) => row);
  if (page[0]) return { rows, total: page[0].matchCount };
  const [total] =
    params.page > 1
      ? await db.select({ value: count() }).from(invoices).innerJoin(customerAccounts, eq(customerAccounts.id, invoices.accountId)).where(where)
      : [{ value: 0 }];
  return { rows, total: total?.value ?? 0 };
}

/** For the staff user page: the account's invoices, drafts included, newest first. */
export async function adminListInvoicesOfAccount(accountId: string, today: string, db: Database = getDb()) {
  return db
    .select(listColumns(today))
    .from(invoices)
    .leftJoin(projects, eq(projects.id, invoices.projectId))
    .where(eq(invoices.accountId, accountId))
    .orderBy(desc(invoices.issueDate), desc(invoices.number));
}

/** For the staff project page: the project's invoices, drafts included. */
export async function adminListInvoicesOfProject(projectId: string, today: string, db: Database = getDb()) {
  return db
    .select(listColumns(today))
    .from(invoices)
    .leftJoin(projects, eq(projects.id, invoices.projectId))
    .where(eq(invoices.projectId, projectId))
    .orderBy(desc(invoices.issueDate), desc(invoices.number));
}

// ---- Writes (called by lib/billing/invoices.ts inside its transaction) ---------------------------

export type InvoiceItemInput = { description: string; quantity: number; unitAmount: number };

export type NewInvoice = {
  accountId: string;
  projectId: string | null;
  number: string;
  currency: string;
  taxRate: number;
  subtotal: number;
  tax: number;
  total: number;
  issueDate: string;
  dueDate: string;
  notes: string;
  createdById: string;
};

export async function insertInvoice(invoice: NewInvoice, db: Database): Promise<{ id: string; number: string }> {
  const [created] = await db
    .insert(invoices)
    .values({ ...invoice, kind: "project", status: "draft" })
    .returning({ id: invoices.id, number: invoices.number });
  return created!;
}

/** Replaces the invoice's lines with `items` in their order, with each line's amount. */
export async function replaceInvoiceItems(invoiceId: string, items: (InvoiceItemInput & { amount: number })[], db: Database): Promise<void> {
  await db.delete(invoiceItems).where(eq(invoiceItems.invoiceId, invoiceId));
  await db.insert(invoiceItems).values(items.map((item, position) => ({ invoiceId, position, ...item })));
}

export type LockedInvoice = {
  id: string;
  accountId: string;
  projectId: string | null;
  number: string;
  status: InvoiceStatus;
  currency: string;
  total: number;
  amountPaid: number;
  dueDate: string;
  sentAt: Date | null;
  kind: InvoiceKind;
};

const stateColumns = {
  id: invoices.id,
  accountId: invoices.accountId,
  projectId: invoices.projectId,
  kind: invoices.kind,
  number: invoices.number,
  status: invoices.status,
  currency: invoices.currency,
  total: invoices.total,
  amountPaid: invoices.amountPaid,
  dueDate: invoices.dueDate,
  sentAt: invoices.sentAt,
};

/** The invoice row, locked until the transaction ends: every staff change and payment takes this lock first. */
export async function lockInvoice(invoiceId: string, db: Database): Promise<LockedInvoice | null> {
  const [row] = await db.select(stateColumns).from(invoices).where(eq(invoices.id, invoiceId)).for("update");
  return row ?? null;
}

/** The same row read without a lock, for starting a payment (which changes nothing yet). */
export async function getInvoiceForPayment(invoiceId: string, db: Database = getDb()): Promise<LockedInvoice | null> {
  const [row] = await db.select(stateColumns).from(invoices).where(eq(invoices.id, invoiceId));
  return row ?? null;
}

export type InvoiceRowChanges = Partial<{
  projectId: string | null;
  currency: string;
  taxRate: number;
  subtotal: number;
  tax: number;
  total: number;
  amountPaid: number;
  issueDate: string;
  dueDate: string;
  notes: string;
  status: InvoiceStatus;
  sentAt: Date;
  paidAt: Date;
  voidedAt: Date;
}>;

export async function updateInvoiceRow(invoiceId: string, changes: InvoiceRowChanges, db: Database): Promise<void> {
  await db
    .update(invoices)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(invoices.id, invoiceId));
}

/** Whether the project belongs to the account: an invoice may only be tied to a project of its own customer. */
export async function isProjectOfAccount(projectId: string, accountId: string, db: Database): Promise<boolean> {
  const [row] = await db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.id, projectId), eq(projects.accountId, accountId)));
  return Boolean(row);
}

/** The account's members with their language, so each is told amounts and dates as they read them. */
export async function listAccountMembersWithLocale(accountId: string, db: Database) {
  return db
    .select({ userId: customerAccountMembers.userId, locale: sql<"en" | "de">`coalesce(${userSettings.locale}, 'en')` })
    .from(customerAccountMembers)
    .leftJoin(userSettings, eq(userSettings.userId, customerAccountMembers.userId))
    .where(eq(customerAccountMembers.accountId, accountId));
}
