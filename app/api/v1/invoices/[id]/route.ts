import { getInvoiceForAccount } from "@/db/queries/invoices";
import { invoiceBody, invoiceEndpoints } from "@/lib/api/endpoints/invoices";
import { ApiError } from "@/lib/api/errors";
import { apiRoute, assertUuid } from "@/lib/api/route";
import { isPayableOnline } from "@/lib/billing/checkout";
import { todayIn } from "@/lib/projects/dates";

export const GET = apiRoute(invoiceEndpoints.get, async ({ caller, params }) => {
  const id = assertUuid(params.id, "invoice");
  const invoice = caller.user.accountId ? await getInvoiceForAccount(caller.user.accountId, id, todayIn(caller.user.timeZone)) : null;
  if (!invoice) throw new ApiError(404, "not_found", "There is no such invoice.");
  return { body: invoiceBody(invoice, isPayableOnline(invoice)) };
});
