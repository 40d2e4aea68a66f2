import { getCallRequest } from "@/db/queries/call-requests";
import { apiCallRequest, callEndpoints } from "@/lib/api/endpoints/calls";
import { ApiError } from "@/lib/api/errors";
import { apiRoute, assertUuid } from "@/lib/api/route";
import { cancelCallRequest } from "@/lib/calls/requests";
import { requestInfoFrom } from "@/lib/request-info";

export const POST = apiRoute(callEndpoints.cancelRequest, async ({ caller, request, params }) => {
  const id = assertUuid(params.id, "call request");
  const result = await cancelCallRequest(caller.user, id, requestInfoFrom(request.headers));
  if (result.status === "not_found") throw new ApiError(404, "not_found", "There is no pending call request with this id.");
  const cancelled = await getCallRequest(caller.user.accountId!, id);
  return { body: apiCallRequest(cancelled!) };
});
