import "server-only";
import type { InvoiceDetail } from "@/db/queries/invoices";
import type { Locale } from "@/lib/i18n/config";
import type { DateTimePreferences } from "@/lib/i18n/date-format";
import { renderInvoicePdf } from "@/lib/pdf/invoice";

/** The invoice as a PDF download, in the reader's language and date format: the page's link and the API answer this. */
export async function invoicePdfResponse(invoice: InvoiceDetail, reader: DateTimePreferences & { locale: Locale }): Promise<Response> {
  const pdf = await renderInvoicePdf(invoice, { locale: reader.locale, timeZone: reader.timeZone, dateFormat: reader.dateFormat, timeFormat: reader.timeFormat });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${invoice.number}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
