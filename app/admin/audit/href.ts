export type AuditFilterParams = { actor: string; action?: string; from?: string; to?: string };

/** The audit log's URL for these filters, from its newest entry or from a cursor (`after`: older, `before`: newer). */
export function auditHref(filters: AuditFilterParams, position: { after?: string; before?: string } = {}): string {
  const search = new URLSearchParams();
  if (filters.actor) search.set("actor", filters.actor);
  if (filters.action) search.set("action", filters.action);
  if (filters.from) search.set("from", filters.from);
  if (filters.to) search.set("to", filters.to);
  if (position.after) search.set("after", position.after);
  if (position.before) search.set("before", position.before);
  const query = search.toString();
  return query ? `/admin/audit?${query}` : "/admin/audit";
}
