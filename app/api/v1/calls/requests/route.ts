import { getCallRequest, listCallRequestsPage } from "@/db/queries/call-requests";
import { pageAfter, pageBody } from "@/lib/api/cursor";
import { apiCallRequest, callEndpoints } from "@/lib/api/endpoints/calls";
import { ApiError } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/route";
import { createCallRequest } from "@/lib/calls/requests";
import en from "@/lib/i18n/messages/en.json";
import { requestInfoFrom } from "@/lib/request-info";

export const GET = apiRoute(callEndpoints.listRequests, async ({ caller, query }) => {
  const accountId = caller.user.accountId;
  if (!accountId) return { body: { data: [], nextCursor: null } };
  return { body: pageBody(await listCallRequestsPage(accountId, pageAfter(query)), apiCallRequest) };
});

export const POST = apiRoute(callEndpoints.createRequest, async ({ caller, request, body }) => {
  const scheduledFor = body.scheduledFor ? new Date(body.scheduledFor) : null;
  const result = await createCallRequest(caller.user, { toNumber: body.toNumber, agentId: body.agentId, scheduledFor, notes: body.notes }, requestInfoFrom(request.headers));
  if (result.status !== "ok") {
    const messages = en.callRequests.validation;
    throw result.status === "agent_not_assigned"
      ? new ApiError(400, "bad_request", "The agent is not assigned to this account.", { agentId: messages.agentInvalid })
      : new ApiError(400, "bad_request", "The time is in the past.", { scheduledFor: messages.whenPast });
  }
  const created = await getCallRequest(caller.user.accountId!, result.requestId);
  return { status: 201, body: apiCallRequest(created!) };
});
