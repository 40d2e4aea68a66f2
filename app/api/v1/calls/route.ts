import { isCallCursor, listCallsForAccount } from "@/db/queries/calls";
import { apiCallListItem, callEndpoints } from "@/lib/api/endpoints/calls";
import { ApiError } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/route";
import { callListQueryOf } from "@/lib/calls/history";

export const GET = apiRoute(callEndpoints.list, async ({ caller, query }) => {
  const accountId = caller.user.accountId;
  if (!accountId) return { body: { data: [], nextCursor: null } };
  const list = callListQueryOf(query, caller.user.timeZone);
  // The page starts over on a cursor it cannot read; a client would loop from the start: refuse it.
  if (query.cursor !== undefined && !isCallCursor(list.sort, query.cursor)) {
    throw new ApiError(400, "bad_request", "The cursor is not one this API gave out for this sort.", { cursor: "Pass the `nextCursor` of the previous page, with the same `sort`." });
  }
  const page = await listCallsForAccount(accountId, { ...list, cursor: query.cursor, limit: query.limit });
  return { body: { data: page.rows.map(apiCallListItem), nextCursor: page.next } };
});
