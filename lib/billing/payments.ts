import "server-only";
import { getCustomerAccount } from "@/db/queries/accounts";
import { addToAmountPaid, insertPaymentOnce, type NewPayment } from "@/db/queries/payments";
import { listAccountMembersWithLocale, lockInvoice } from "@/db/queries/invoices";
import type { Transaction } from "@/db/queries/transaction";
import { listActiveStaffWithLocale } from "@/db/queries/users";
import { recordActivity } from "@/lib/activity/service";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { invoiceEventData, paymentFailedEventData } from "@/lib/webhooks/events";
import type { Locale } from "@/lib/constants";
import { formatMoney } from "./money";
import { notifyEach } from "./notices";

export type AppliedPayment = { status: "recorded"; paymentId: string; invoicePaid: boolean } | { status: "duplicate" | "not_found" };

/**
 * A payment as it arrives. `payerAccountId`, when given, is the account the provider says paid (by its
 * customer): an invoice of any other account is "not_found", so one account never pays another's.
 */
type IncomingPayment = Omit<NewPayment, "status" | "accountId" | "currency"> & { payerAccountId?: string | null };

/**
 * The one rule for money received on an invoice, online (from the webhook) or offline (staff):
 * record it once per provider reference, raise the amount paid, and mark an open invoice paid when it
 * is covered, telling the account's members and the staff (but the one who recorded it). Must run
 * inside the caller's transaction.
 */
export async function applySuccessfulPayment(incoming: IncomingPayment, tx: Transaction): Promise<AppliedPayment> {
  const { payerAccountId, ...payment } = incoming;
  const invoice = await lockInvoice(payment.invoiceId, tx);
  if (!invoice || (payerAccountId !== undefined && invoice.accountId !== payerAccountId)) return { status: "not_found" };
  const inserted = await insertPaymentOnce({ ...payment, accountId: invoice.accountId, currency: invoice.currency, status: "succeeded" }, tx);
  if (!inserted) return { status: "duplicate" };
  const covered = invoice.status === "open" && invoice.amountPaid + payment.amount >= invoice.total;
  await addToAmountPaid(invoice.id, payment.amount, covered ? payment.occurredAt : null, tx);
  if (covered) {
    const activityParams = { number: invoice.number, amount: invoice.total, currency: invoice.currency };
    await recordActivity({ accountId: invoice.accountId, type: "invoice.paid", params: activityParams, link: `/dashboard/invoices/${invoice.id}` }, tx);
    await emitWebhookEvent({ accountId: invoice.accountId, type: "invoice.paid", data: invoiceEventData({ ...invoice, status: "paid", amountPaid: invoice.amountPaid + payment.amount }) }, tx);
    const amount = (locale: Locale) => formatMoney(payment.amount, invoice.currency, locale);
    const members = await listAccountMembersWithLocale(invoice.accountId, tx);
    await notifyEach(members, (locale) => ({ type: "invoice.paid", params: { number: invoice.number, amount: amount(locale) }, link: `/dashboard/invoices/${invoice.id}` }), tx);
    const customer = (await getCustomerAccount(invoice.accountId, tx))?.name ?? "";
    const staff = (await listActiveStaffWithLocale(tx)).filter((member) => member.userId !== payment.recordedById);
    await notifyEach(staff, (locale) => ({ type: "staff.paymentReceived", params: { customer, number: invoice.number, amount: amount(locale) }, link: `/admin/invoices/${invoice.id}` }), tx);
  }
  return { status: "recorded", paymentId: inserted.id, invoicePaid: covered };
}

/** A declined attempt: listed with the invoice, and the account's members are told why. */
export async function recordFailedPayment(incoming: IncomingPayment, tx: Transaction): Promise<AppliedPayment> {
  const { payerAccountId, ...payment } = incoming;
  const invoice = await lockInvoice(payment.invoiceId, tx);
  if (!invoice || (payerAccountId !== undefined && invoice.accountId !== payerAccountId)) return { status: "not_found" };
  const inserted = await insertPaymentOnce({ ...payment, accountId: invoice.accountId, currency: invoice.currency, status: "failed" }, tx);
  if (!inserted) return { status: "duplicate" };
  const activityParams = { number: invoice.number, amount: payment.amount, currency: invoice.currency };
  await recordActivity({ accountId: invoice.accountId, type: "payment.failed", params: activityParams, link: `/dashboard/invoices/${invoice.id}` }, tx);
  await emitWebhookEvent({ accountId: invoice.accountId, type: "payment.failed", data: paymentFailedEventData(invoice, { ...payment, id: inserted.id }) }, tx);
  await notifyEach(
    await listAccountMembersWithLocale(invoice.accountId, tx),
    (locale) => ({
      type: "payment.failed",
      params: { number: invoice.number, amount: formatMoney(payment.amount, invoice.currency, locale), reason: payment.failureMessage ?? "" },
      link: `/dashboard/invoices/${invoice.id}`,
    }),
    tx,
  );
  return { status: "recorded", paymentId: inserted.id, invoicePaid: false };
}
