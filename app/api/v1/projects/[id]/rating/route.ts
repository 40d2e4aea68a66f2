import { getProjectForAccount } from "@/db/queries/projects";
import { projectsEndpoints } from "@/lib/api/endpoints/projects";
import { ApiError } from "@/lib/api/errors";
import { apiRoute, assertUuid } from "@/lib/api/route";
import { rateProject } from "@/lib/projects/service";
import { requestInfoFrom } from "@/lib/request-info";

export const PUT = apiRoute(projectsEndpoints.rate, async ({ caller, request, params, body }) => {
  const projectId = assertUuid(params.id, "project");
  await rateProject(caller.user, { projectId, ...body }, requestInfoFrom(request.headers));
  const rating = caller.user.accountId ? (await getProjectForAccount(caller.user.accountId, projectId))?.rating : null;
  if (!rating) throw new ApiError(404, "not_found", "There is no such project.");
  return { body: rating };
});
