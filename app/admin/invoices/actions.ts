"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { adminAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { createInvoice, markInvoiceUncollectible, recordOfflinePayment, sendInvoice, updateDraftInvoice, voidInvoice } from "@/lib/billing/invoices";
import { createInvoiceSchema, invoiceStepSchema, recordPaymentSchema, updateInvoiceSchema } from "@/lib/validations/invoices";

/** Both sides show invoices: the staff pages, the customer's list and pages, and the project pages. */
function refresh() {
  revalidatePath("/admin", "layout");
  revalidatePath("/dashboard", "layout");
}

async function outcome(ok: boolean, key: string, values?: Record<string, string | number>): Promise<ActionState> {
  const t = await getTranslations("adminInvoices.messages");
  if (ok) refresh();
  return { ok, message: t(key, values) };
}

export const createInvoiceAction = adminAction(createInvoiceSchema, async (data, admin, { info }) => {
  const invoice = await createInvoice(admin, data, info);
  refresh();
  redirect(`/admin/invoices/${invoice.id}?created=1`);
});

export const updateInvoiceAction = adminAction(updateInvoiceSchema, async ({ invoiceId, ...data }, admin, { info }) => {
  const result = await updateDraftInvoice(admin, { invoiceId, ...data }, info);
  return outcome(result.status === "ok", result.status === "ok" ? "saved" : "notDraft");
});

/** Send, mark uncollectible or void: the step staff confirmed on the invoice page. */
export const invoiceStepAction = adminAction(invoiceStepSchema, async ({ invoiceId, step }, admin, { info }) => {
  if (step === "send") {
    const result = await sendInvoice(admin, { invoiceId }, info);
    return outcome(result.status === "ok", result.status === "ok" ? "sent" : "notDraft");
  }
  if (step === "void") {
    const result = await voidInvoice(admin, { invoiceId }, info);
    return outcome(result.status === "ok", result.status === "ok" ? "voided" : "notVoidable");
  }
  const result = await markInvoiceUncollectible(admin, { invoiceId }, info);
  return outcome(result.status === "ok", result.status === "ok" ? "uncollectible" : "notOpen");
});

export const recordPaymentAction = adminAction(recordPaymentSchema, async (data, admin, { info }) => {
  const result = await recordOfflinePayment(admin, data, info);
  if (result.status === "exceeds_balance" || result.status === "future_date") {
    const t = await getTranslations("adminInvoices.validation");
    return { ok: false, fieldErrors: result.status === "exceeds_balance" ? { amount: t("amountAboveBalance") } : { paidOn: t("paidOnInFuture") } };
  }
  if (result.status === "not_open") return outcome(false, "notOpen");
  if (result.status === "paid") {
    // A paid invoice takes no more payments: the form goes, so the page itself says what happened.
    refresh();
    redirect(`/admin/invoices/${data.invoiceId}?paid=1`);
  }
  return { ...(await outcome(true, "partiallyPaid")), values: {} };
});
