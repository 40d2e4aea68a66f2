import "server-only";
import { getCustomerAccount } from "@/db/queries/accounts";
import { createAuditEntry } from "@/db/queries/audit";
import { nextInvoiceNumber } from "@/db/queries/invoice-numbers";
import {
  insertInvoice,
  isProjectOfAccount,
  listAccountMembersWithLocale,
  lockInvoice,
  replaceInvoiceItems,
  updateInvoiceRow,
  type InvoiceItemInput,
  type LockedInvoice,
} from "@/db/queries/invoices";
import { inTransaction, type Transaction } from "@/db/queries/transaction";
import type { AuditAction } from "@/db/schema";
import { recordActivity } from "@/lib/activity/service";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { invoiceEventData } from "@/lib/webhooks/events";
import type { Actor } from "@/lib/actor";
import type { PaymentMethod } from "@/lib/constants";
import { AppError } from "@/lib/errors";
import { todayIn } from "@/lib/projects/dates";
import { computeInvoiceTotals, formatMoney } from "@/lib/billing/money";
import { notifyEach } from "@/lib/billing/notices";
import { applySuccessfulPayment } from "@/lib/billing/payments";
import type { NotificationType } from "@/lib/notifications/types";
import type { RequestInfo } from "@/lib/request-info";
import { assertStaff } from "@/lib/users/service";

export type InvoiceInput = {
  accountId: string;
  projectId: string | null;
  currency: string;
  /** Basis points: 1900 is 19 %. */
  taxRate: number;
  issueDate: string;
  dueDate: string;
  notes: string;
  items: InvoiceItemInput[];
};

type Audit = { action: AuditAction; metadata?: Record<string, string | number | boolean | null> };

async function audit(admin: Actor, invoice: Pick<LockedInvoice, "id" | "accountId" | "number">, entry: Audit, info: RequestInfo, tx: Transaction) {
  await createAuditEntry(
    { action: entry.action, actorId: admin.id, ip: info.ip, userAgent: info.userAgent, metadata: { invoiceId: invoice.id, accountId: invoice.accountId, number: invoice.number, ...entry.metadata } },
    tx,
  );
}

/** Refuses a project of another customer: an invoice's project is always one of its own account's. */
async function assertProjectOfAccount(projectId: string | null, accountId: string, tx: Transaction) {
  if (projectId && !(await isProjectOfAccount(projectId, accountId, tx))) throw new AppError("not_found", "That project does not exist for this customer.");
}

function totalsOf(input: Pick<InvoiceInput, "items" | "taxRate">) {
  const { amounts, subtotal, tax, total } = computeInvoiceTotals(input.items, input.taxRate);
  return { items: input.items.map((item, index) => ({ ...item, amount: amounts[index]! })), subtotal, tax, total };
}

/** Staff write a draft invoice for a customer; its number is taken now, in this transaction, so numbers have no gaps. */
export async function createInvoice(admin: Actor, input: InvoiceInput, info: RequestInfo, db?: Transaction): Promise<{ id: string; number: string }> {
  assertStaff(admin);
  return inTransaction(async (tx) => {
    if (!(await getCustomerAccount(input.accountId, tx))) throw new AppError("not_found", "That customer does not exist.");
    await assertProjectOfAccount(input.projectId, input.accountId, tx);
    const { items, subtotal, tax, total } = totalsOf(input);
    const number = await nextInvoiceNumber(Number(input.issueDate.slice(0, 4)), tx);
    const invoice = await insertInvoice(
      {
        accountId: input.accountId,
        projectId: input.projectId,
        number,
        currency: input.currency,
        taxRate: input.taxRate,
        subtotal,
        tax,
        total,
        issueDate: input.issueDate,
        dueDate: input.dueDate,
        notes: input.notes,
        createdById: admin.id,
      },
      tx,
    );
    await replaceInvoiceItems(invoice.id, items, tx);
    await audit(admin, { ...invoice, accountId: input.accountId }, { action: "admin.invoice_created", metadata: { total, currency: input.currency } }, info, tx);
    return invoice;
  }, db);
}

type InvoiceWork<T> = (context: { tx: Transaction; invoice: LockedInvoice }) => Promise<{ result: T; audit: Audit | null }>;

/** The frame of every staff change to an invoice: staff only, one transaction, the row locked (or not_found), one audit row. */
async function changeInvoice<T>(admin: Actor, invoiceId: string, info: RequestInfo, db: Transaction | undefined, work: InvoiceWork<T>): Promise<T> {
  assertStaff(admin);
  return inTransaction(async (tx) => {
    const invoice = await lockInvoice(invoiceId, tx);
    if (!invoice) throw new AppError("not_found", "That invoice does not exist.");
    // Stripe owns a subscription invoice's state: a change here would part our copy from it.
    if (invoice.kind === "subscription") throw new AppError("bad_request", "A subscription invoice changes only through Stripe.");
    const { result, audit: entry } = await work({ tx, invoice });
    if (entry) await audit(admin, invoice, entry, info, tx);
    return result;
  }, db);
}

const invoicePage = (invoiceId: string) => `/dashboard/invoices/${invoiceId}`;

/** Tells every member of the invoice's account, with the amount as each one reads it (the due date is written when shown). */
async function notifyMembers(invoice: LockedInvoice, type: NotificationType, amount: number, tx: Transaction) {
  await notifyEach(
    await listAccountMembersWithLocale(invoice.accountId, tx),
    (locale) => ({ type, params: { number: invoice.number, amount: formatMoney(amount, invoice.currency, locale), dueDate: invoice.dueDate }, link: invoicePage(invoice.id) }),
    tx,
  );
}

export type DraftChange = { status: "ok" } | { status: "not_draft" };

/** Everything of a draft may change, its customer and number aside; once sent, its amounts are fixed. */
export async function updateDraftInvoice(admin: Actor, input: Omit<InvoiceInput, "accountId"> & { invoiceId: string }, info: RequestInfo, db?: Transaction): Promise<DraftChange> {
  return changeInvoice<DraftChange>(admin, input.invoiceId, info, db, async ({ tx, invoice }) => {
    if (invoice.status !== "draft") return { result: { status: "not_draft" }, audit: null };
    await assertProjectOfAccount(input.projectId, invoice.accountId, tx);
    const { items, subtotal, tax, total } = totalsOf(input);
    await updateInvoiceRow(
      invoice.id,
      { projectId: input.projectId, currency: input.currency, taxRate: input.taxRate, subtotal, tax, total, issueDate: input.issueDate, dueDate: input.dueDate, notes: input.notes },
      tx,
    );
    await replaceInvoiceItems(invoice.id, items, tx);
    return { result: { status: "ok" }, audit: { action: "admin.invoice_updated", metadata: { total, currency: input.currency } } };
  });
}

/** A draft becomes open and its customer's members are told (in-app and by email, with the invoice's page). */
export async function sendInvoice(admin: Actor, input: { invoiceId: string }, info: RequestInfo, db?: Transaction): Promise<DraftChange> {
  return changeInvoice<DraftChange>(admin, input.invoiceId, info, db, async ({ tx, invoice }) => {
    if (invoice.status !== "draft") return { result: { status: "not_draft" }, audit: null };
    await updateInvoiceRow(invoice.id, { status: "open", sentAt: new Date() }, tx);
    await notifyMembers(invoice, "invoice.issued", invoice.total, tx);
    await emitWebhookEvent({ accountId: invoice.accountId, type: "invoice.issued", data: invoiceEventData({ ...invoice, status: "open" }) }, tx);
    await recordActivity(
      { accountId: invoice.accountId, type: "invoice.issued", params: { number: invoice.number, amount: invoice.total, currency: invoice.currency }, link: invoicePage(invoice.id) },
      tx,
    );
    return { result: { status: "ok" }, audit: { action: "admin.invoice_sent" } };
  });
}

export type VoidChange = { status: "ok" } | { status: "not_voidable" };

/** A draft or open invoice is voided (never deleted, so numbers have no gaps); customers who were sent it are told. */
export async function voidInvoice(admin: Actor, input: { invoiceId: string }, info: RequestInfo, db?: Transaction): Promise<VoidChange> {
  return changeInvoice<VoidChange>(admin, input.invoiceId, info, db, async ({ tx, invoice }) => {
    if (invoice.status !== "draft" && invoice.status !== "open") return { result: { status: "not_voidable" }, audit: null };
    await updateInvoiceRow(invoice.id, { status: "void", voidedAt: new Date() }, tx);
    if (invoice.sentAt) await notifyMembers(invoice, "invoice.voided", invoice.total - invoice.amountPaid, tx);
    return { result: { status: "ok" }, audit: { action: "admin.invoice_voided", metadata: { from: invoice.status } } };
  });
}

export type PaymentOutcome = { status: "paid" | "partially_paid"; balance: number } | { status: "not_open" | "exceeds_balance" | "future_date" };

/**
 * Staff record money received outside the payments adapter (a bank transfer, cash), by the same rule
 * as online payments: paid once the payments cover the total; a part payment leaves it open. The day
 * it was paid may not be after today in the staff member's time zone.
 */
export async function recordOfflinePayment(
  admin: Actor & { timeZone: string },
  input: { invoiceId: string; currency: string; amount: number; method: PaymentMethod; paidOn: string; note: string },
  info: RequestInfo,
  db?: Transaction,
): Promise<PaymentOutcome> {
  return changeInvoice<PaymentOutcome>(admin, input.invoiceId, info, db, async ({ tx, invoice }) => {
    if (invoice.status !== "open") return { result: { status: "not_open" }, audit: null };
    // The amount was read in the currency the form showed; another one means the page was stale.
    if (input.currency !== invoice.currency) throw new AppError("bad_request", "The payment's currency is not the invoice's.");
    if (input.paidOn > todayIn(admin.timeZone)) return { result: { status: "future_date" }, audit: null };
    const balance = invoice.total - invoice.amountPaid;
    if (input.amount > balance) return { result: { status: "exceeds_balance" }, audit: null };
    // A calendar day entered by staff: noon UTC keeps it the same day in every time zone it is read in.
    const occurredAt = new Date(`${input.paidOn}T12:00:00Z`);
    const applied = await applySuccessfulPayment(
      { invoiceId: invoice.id, amount: input.amount, method: input.method, provider: "offline", providerReference: null, note: input.note || null, recordedById: admin.id, occurredAt },
      tx,
    );
    if (applied.status !== "recorded") throw new Error(`An offline payment on a locked invoice was ${applied.status}.`);
    const paid = applied.invoicePaid;
    return {
      result: { status: paid ? "paid" : "partially_paid", balance: balance - input.amount },
      audit: { action: "admin.invoice_payment_recorded", metadata: { paymentId: applied.paymentId, amount: input.amount, currency: invoice.currency, method: input.method, paid } },
    };
  });
}

export type UncollectibleChange = { status: "ok" } | { status: "not_open" };

/** An open invoice staff give up on; it stays on record and is no longer due. */
export async function markInvoiceUncollectible(admin: Actor, input: { invoiceId: string }, info: RequestInfo, db?: Transaction): Promise<UncollectibleChange> {
  return changeInvoice<UncollectibleChange>(admin, input.invoiceId, info, db, async ({ tx, invoice }) => {
    if (invoice.status !== "open") return { result: { status: "not_open" }, audit: null };
    await updateInvoiceRow(invoice.id, { status: "uncollectible" }, tx);
    return { result: { status: "ok" }, audit: { action: "admin.invoice_marked_uncollectible" } };
  });
}
