import "server-only";
import { getCustomerAccount } from "@/db/queries/accounts";
import { addToAmountPaid, insertPaymentOnce, lockInvoiceForPayment, type NewPayment } from "@/db/queries/payments";
import { listAccountMemberIds } from "@/db/queries/projects";
import type { Transaction } from "@/db/queries/transaction";
import { listActiveStaffIds } from "@/db/queries/users";
import { notify } from "@/lib/notifications/service";
import { formatMoney } from "./money";

export type AppliedPayment = { status: "recorded"; paymentId: string; invoicePaid: boolean } | { status: "duplicate" | "not_found" };

/**
 * The one rule for money received on an invoice, online (from the webhook) or offline (staff):
 * record it once per provider reference, raise the amount paid, and mark an open invoice paid when it
 * is covered, telling the account's members and the staff. Must run inside the caller's transaction.
 */
export async function applySuccessfulPayment(payment: Omit<NewPayment, "status" | "accountId" | "currency">, tx: Transaction): Promise<AppliedPayment> {
  const invoice = await lockInvoiceForPayment(payment.invoiceId, tx);
  if (!invoice) return { status: "not_found" };
  const inserted = await insertPaymentOnce({ ...payment, accountId: invoice.accountId, currency: invoice.currency, status: "succeeded" }, tx);
  if (!inserted) return { status: "duplicate" };
  const covered = invoice.status === "open" && invoice.amountPaid + payment.amount >= invoice.total;
  await addToAmountPaid(invoice.id, payment.amount, covered ? payment.occurredAt : null, tx);
  if (covered) {
    const amount = formatMoney(invoice.total, invoice.currency, "en");
    for (const userId of await listAccountMemberIds(invoice.accountId, tx)) {
      await notify(userId, { type: "invoice.paid", params: { number: invoice.number, amount }, link: `/dashboard/invoices/${invoice.id}` }, tx);
    }
    const account = await getCustomerAccount(invoice.accountId, tx);
    for (const staffId of await listActiveStaffIds(tx)) {
      await notify(staffId, { type: "staff.paymentReceived", params: { customer: account?.name ?? "", number: invoice.number, amount }, link: `/admin/invoices/${invoice.id}` }, tx);
    }
  }
  return { status: "recorded", paymentId: inserted.id, invoicePaid: covered };
}

/** A declined attempt: listed with the invoice, and the account's members are told why. */
export async function recordFailedPayment(payment: Omit<NewPayment, "status" | "accountId" | "currency">, tx: Transaction): Promise<AppliedPayment> {
  const invoice = await lockInvoiceForPayment(payment.invoiceId, tx);
  if (!invoice) return { status: "not_found" };
  const inserted = await insertPaymentOnce({ ...payment, accountId: invoice.accountId, currency: invoice.currency, status: "failed" }, tx);
  if (!inserted) return { status: "duplicate" };
  const amount = formatMoney(payment.amount, invoice.currency, "en");
  for (const userId of await listAccountMemberIds(invoice.accountId, tx)) {
    await notify(
      userId,
      { type: "payment.failed", params: { number: invoice.number, amount, reason: payment.failureMessage ?? "" }, link: `/dashboard/invoices/${invoice.id}` },
      tx,
    );
  }
  return { status: "recorded", paymentId: inserted.id, invoicePaid: false };
}
