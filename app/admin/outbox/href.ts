export type OutboxFilterParams = { status?: string; query: string };

/** The outbox's URL for these filters, from its newest message or from a cursor (`after`: older, `before`: newer). */
export function outboxHref(filters: OutboxFilterParams, position: { after?: string; before?: string } = {}): string {
  const search = new URLSearchParams();
  if (filters.status) search.set("status", filters.status);
  if (filters.query) search.set("query", filters.query);
  if (position.after) search.set("after", position.after);
  if (position.before) search.set("before", position.before);
  const query = search.toString();
  return query ? `/admin/outbox?${query}` : "/admin/outbox";
}
