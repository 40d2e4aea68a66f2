import { z } from "zod";
import { adminGetInvoice, getInvoiceForAccount } from "@/db/queries/invoices";
import { isStaff } from "@/lib/actor";
import { invoicePdfResponse } from "@/lib/billing/invoice-pdf";
import { AppError } from "@/lib/errors";
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
    return await invoicePdfResponse(invoice, user);
  } catch (error) {
    if (error instanceof AppError) return error.toResponse();
    throw error;
  }
}
