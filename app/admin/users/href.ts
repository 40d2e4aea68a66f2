import type { AdminUserSort } from "@/lib/constants";

export type UsersTableParams = { page: number; pageSize: number; sort: AdminUserSort; direction: "asc" | "desc"; query: string };

/** The users table's URL for its current state with `change` applied; the URL is the table's state. */
export function usersTableHref(pathname: string, params: UsersTableParams, change: Partial<UsersTableParams>): string {
  const next = { ...params, ...change };
  const search = new URLSearchParams({
    page: String(next.page),
    pageSize: String(next.pageSize),
    sort: next.sort,
    direction: next.direction,
  });
  if (next.query) search.set("query", next.query);
  return `${pathname}?${search}`;
}
