import { getProjectForAccount } from "@/db/queries/projects";
import { projectsEndpoints } from "@/lib/api/endpoints/projects";
import { ApiError } from "@/lib/api/errors";
import { apiRoute, assertUuid } from "@/lib/api/route";
import { isOverdue, todayIn } from "@/lib/projects/dates";

export const GET = apiRoute(projectsEndpoints.get, async ({ caller, params }) => {
  const id = assertUuid(params.id, "project");
  const project = caller.user.accountId ? await getProjectForAccount(caller.user.accountId, id) : null;
  if (!project) throw new ApiError(404, "not_found", "There is no such project.");
  const today = todayIn(caller.user.timeZone);
  const { accountId: _, ...rest } = project;
  return {
    body: {
      ...rest,
      milestones: project.milestones.map((milestone) => ({ ...milestone, overdue: isOverdue(milestone, today) })),
      deliverables: project.deliverables.map(({ fileId: __, ...deliverable }) => ({
        ...deliverable,
        downloadUrl: `/api/v1/projects/${project.id}/deliverables/${deliverable.id}/file`,
      })),
    },
  };
});
