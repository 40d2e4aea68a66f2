import type { AdminProjectSort, ProjectStatus } from "@/lib/constants";

export type ProjectsTableParams = {
  page: number;
  pageSize: number;
  sort: AdminProjectSort;
  direction: "asc" | "desc";
  query: string;
  status?: ProjectStatus;
  account?: string;
};

/** The projects table's URL for its current state with `change` applied; the URL is the table's state. */
export function projectsTableHref(pathname: string, params: ProjectsTableParams, change: Partial<ProjectsTableParams>): string {
  const next = { ...params, ...change };
  const search = new URLSearchParams({ page: String(next.page), pageSize: String(next.pageSize), sort: next.sort, direction: next.direction });
  if (next.query) search.set("query", next.query);
  if (next.status) search.set("status", next.status);
  if (next.account) search.set("account", next.account);
  return `${pathname}?${search}`;
}
