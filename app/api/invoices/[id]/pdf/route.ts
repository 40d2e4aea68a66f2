import { z } from "zod";
import { adminGetInvoice, getInvoiceForAccount } from "@/db/queries/invoices";
import { isStaff } from "@/lib/actor";
import { AppError } from "@/lib/errors";
import { renderInvoicePdf } from "@/lib/pdf/invoice";
import { todayIn } from "@/lib/projects/dates";
import { getSessionUser } from "@/lib/session";

/** An invoice as a PDF: a customer's own sent invoice, or any for staff; everyone else gets a 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const user = await getSessionUser();
    if (!user) throw new AppError("unauthorized", "Please sign in first.");
    const id = z.uuid().safeParse((await params).id);
    const today = todayIn(user.timeZone);
    const invoice = !id.success ? null : isStaff(user) ? await adminGetInvoice(id.data, today) : user.accountId ? await getInvoiceForAccount(user.accountId, id.data, today) : null;
    if (!invoice) throw new AppError("not_found", "That invoice does not exist.");
    const pdf = await renderInvoicePdf(invoice, { locale: user.locale, timeZone: user.timeZone, dateFormat: user.dateFormat, timeFormat: user.timeFormat });
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${invoice.number}.pdf"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return error.toResponse();
    throw error;
  }
}
