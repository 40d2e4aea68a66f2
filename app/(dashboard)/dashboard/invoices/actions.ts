"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { authedAction } from "@/lib/action";
import { payInvoice } from "@/lib/billing/checkout";
import { invoiceIdSchema } from "@/lib/validations/checkout";

/** Starts paying an open invoice of the user's account: the browser goes to the checkout the adapter returns. */
export const payInvoiceAction = authedAction(invoiceIdSchema, async (data, user, { info }) => {
  const result = await payInvoice(user, data, info);
  if (result.status === "redirect") redirect(result.url);
  const t = await getTranslations("invoices.pay");
  return { ok: false, message: t(result.status === "not_found" ? "notFound" : "notPayable") };
});
