import type { ThreadStatus } from "@/lib/constants";

export type InboxFilterParams = { status?: ThreadStatus; query: string };

/** The staff inbox's URL for these filters, from its first page or from a cursor (`after`: next, `before`: previous). */
export function inboxHref(filters: InboxFilterParams, position: { after?: string; before?: string } = {}): string {
  const search = new URLSearchParams();
  if (filters.status) search.set("status", filters.status);
  if (filters.query) search.set("query", filters.query);
  if (position.after) search.set("after", position.after);
  if (position.before) search.set("before", position.before);
  const query = search.toString();
  return query ? `/admin/messages?${query}` : "/admin/messages";
}
