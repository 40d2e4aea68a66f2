import { listProjectsPageForAccount } from "@/db/queries/projects";
import { pageAfter, pageBody } from "@/lib/api/cursor";
import { projectsEndpoints } from "@/lib/api/endpoints/projects";
import { apiRoute } from "@/lib/api/route";

export const GET = apiRoute(projectsEndpoints.list, async ({ caller, query }) => {
  const accountId = caller.user.accountId;
  if (!accountId) return { body: { data: [], nextCursor: null } };
  const page = await listProjectsPageForAccount(accountId, { status: query.status, search: query.query }, pageAfter(query));
  return { body: pageBody(page, (project) => project) };
});
