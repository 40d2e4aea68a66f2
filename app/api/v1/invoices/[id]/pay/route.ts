import { invoiceEndpoints } from "@/lib/api/endpoints/invoices";
import { ApiError } from "@/lib/api/errors";
import { apiRoute, assertUuid } from "@/lib/api/route";
import { payInvoice } from "@/lib/billing/checkout";
import { appUrl } from "@/lib/env";
import { requestInfoFrom } from "@/lib/request-info";

export const POST = apiRoute(invoiceEndpoints.pay, async ({ caller, request, params }) => {
  const invoiceId = assertUuid(params.id, "invoice");
  const result = await payInvoice(caller.user, { invoiceId }, requestInfoFrom(request.headers));
  if (result.status !== "redirect") {
    if (result.status === "not_found") throw new ApiError(404, "not_found", "There is no such invoice.");
    throw new ApiError(409, "invoice_not_payable", "This invoice cannot be paid online: it is not open, has nothing left to pay, or is a subscription invoice the payment provider charges.");
  }
  // The demo checkout answers a path of this app; a client outside it needs the whole address.
  return { status: 201, body: { invoiceId, checkoutUrl: new URL(result.url, appUrl()).href } };
});
