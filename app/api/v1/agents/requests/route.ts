import { listAgentRequestsForAccount, listAgentRequestsPageForAccount } from "@/db/queries/agents";
import { pageAfter, pageBody } from "@/lib/api/cursor";
import { agentsEndpoints } from "@/lib/api/endpoints/agents";
import { englishMessage } from "@/lib/api/english";
import { ApiError } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/route";
import { createAgentRequest } from "@/lib/agents/service";
import { requestInfoFrom } from "@/lib/request-info";

export const GET = apiRoute(agentsEndpoints.requests, async ({ caller, query }) => {
  const accountId = caller.user.accountId;
  if (!accountId) return { body: { data: [], nextCursor: null } };
  return { body: pageBody(await listAgentRequestsPageForAccount(accountId, pageAfter(query)), (request) => request) };
});

export const POST = apiRoute(agentsEndpoints.createRequest, async ({ caller, request, body }) => {
  const result = await createAgentRequest(caller.user, body, requestInfoFrom(request.headers));
  switch (result.status) {
    case "pending_exists":
      throw new ApiError(409, "pending_exists", englishMessage("agents.form.pendingExists"));
    case "agent_unavailable":
      throw new ApiError(400, "bad_request", "The request's body is not valid: see `fields`.", { agentId: englishMessage("agents.form.agentUnavailable") });
    case "assignment_unavailable":
      throw new ApiError(400, "bad_request", "The request's body is not valid: see `fields`.", { replacesAssignmentId: englishMessage("agents.form.replacesUnavailable") });
  }
  const created = (await listAgentRequestsForAccount(caller.user.accountId!)).find((one) => one.id === result.id);
  if (!created) throw new ApiError(404, "not_found", "There is no such request.");
  return { status: 201, body: created };
});
