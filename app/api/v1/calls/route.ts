import { listCallsForAccount } from "@/db/queries/calls";
import { apiCallListItem, callEndpoints } from "@/lib/api/endpoints/calls";
import { apiRoute } from "@/lib/api/route";
import { callListQueryOf } from "@/lib/calls/history";

export const GET = apiRoute(callEndpoints.list, async ({ caller, query }) => {
  const accountId = caller.user.accountId;
  if (!accountId) return { body: { data: [], nextCursor: null } };
  const page = await listCallsForAccount(accountId, { ...callListQueryOf(query, caller.user.timeZone), cursor: query.cursor, limit: query.limit });
  return { body: { data: page.rows.map(apiCallListItem), nextCursor: page.next } };
});
