import { contentDisposition } from "@/lib/storage/download";
import { callsCsv } from "@/lib/calls/export";
import { callListQueryOf } from "@/lib/calls/history";
import { AppError } from "@/lib/errors";
import { todayIn } from "@/lib/projects/dates";
import { getSessionUser } from "@/lib/session";
import { parseCallHistoryParams } from "@/lib/validations/call-history";

/**
 * The account's call history as CSV with the page's filters and order, streamed. Bad filters are a
 * 400 naming each field; a user without a customer account has no calls to export (404).
 */
export async function GET(request: Request): Promise<Response> {
  try {
    const user = await getSessionUser();
    if (!user) throw new AppError("unauthorized", "Please sign in first.");
    if (!user.accountId) throw new AppError("not_found", "There are no calls to export.");
    const search = new URL(request.url).searchParams;
    const raw: Record<string, string | string[]> = {};
    for (const key of new Set(search.keys())) {
      const values = search.getAll(key);
      raw[key] = values.length === 1 ? values[0]! : values;
    }
    const { params, errors } = parseCallHistoryParams(raw);
    if (Object.keys(errors).length > 0) {
      return Response.json({ error: { code: "bad_request", message: "Some filters are not valid.", fields: errors } }, { status: 400, headers: { "Cache-Control": "no-store" } });
    }
    const body = await callsCsv(user.accountId, callListQueryOf(params, user.timeZone), user);
    return new Response(body as unknown as BodyInit, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": contentDisposition("attachment", `calls-${todayIn(user.timeZone)}.csv`),
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return error.toResponse();
    throw error;
  }
}
