import { getProjectForAccount } from "@/db/queries/projects";
import { projectsEndpoints } from "@/lib/api/endpoints/projects";
import { ApiError } from "@/lib/api/errors";
import { apiRoute, assertUuid } from "@/lib/api/route";
import { getFileForDownload } from "@/lib/files/service";
import { fileResponse } from "@/lib/storage/download";

/** The same bytes the project page's link downloads, with the file rules of lib/files. */
export const GET = apiRoute(projectsEndpoints.deliverable, async ({ caller, request, params }) => {
  const projectId = assertUuid(params.id, "project");
  const deliverableId = assertUuid(params.deliverableId, "deliverable");
  const project = caller.user.accountId ? await getProjectForAccount(caller.user.accountId, projectId) : null;
  const deliverable = project?.deliverables.find((one) => one.id === deliverableId);
  if (!deliverable) throw new ApiError(404, "not_found", "There is no such deliverable.");
  const { file } = await getFileForDownload(caller.user, deliverable.fileId);
  return fileResponse(request, file);
});
