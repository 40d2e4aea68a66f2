import { getCallForAccount } from "@/db/queries/calls";
import { apiCall, callEndpoints } from "@/lib/api/endpoints/calls";
import { ApiError } from "@/lib/api/errors";
import { apiRoute, assertUuid } from "@/lib/api/route";

export const GET = apiRoute(callEndpoints.get, async ({ caller, params }) => {
  const id = assertUuid(params.id, "call");
  const call = caller.user.accountId ? await getCallForAccount(caller.user.accountId, id) : null;
  if (!call) throw new ApiError(404, "not_found", "There is no such call.");
  return { body: apiCall(call) };
});
