import { listInvoicesForAccount } from "@/db/queries/invoices";
import { invoiceEndpoints, invoiceSummaryBody } from "@/lib/api/endpoints/invoices";
import { ApiError } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/route";
import { decodeDayCursor, encodeDayCursor } from "@/lib/cursor";
import { todayIn } from "@/lib/projects/dates";

export const GET = apiRoute(invoiceEndpoints.list, async ({ caller, query }) => {
  const after = query.cursor ? decodeDayCursor(query.cursor) : null;
  if (query.cursor && !after) throw new ApiError(400, "bad_request", "The cursor is not one this list gave out.", { cursor: "Pass a `nextCursor` of this list." });
  const accountId = caller.user.accountId;
  if (!accountId) return { body: { data: [], nextCursor: null } };
  const filters = { status: query.status, from: query.from, to: query.to };
  // One row more than asked tells whether there is a next page.
  const rows = await listInvoicesForAccount(accountId, filters, todayIn(caller.user.timeZone), { after: after && { issueDate: after.day, id: after.id }, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { body: { data: page.map(invoiceSummaryBody), nextCursor: rows.length > query.limit && last ? encodeDayCursor({ day: last.issueDate, id: last.id }) : null } };
});
