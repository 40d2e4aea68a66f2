import type { CallStatus } from "@/lib/constants";

export type AdminCallFilterParams = { status?: CallStatus; customer: string };

/** The staff calls table's URL for these filters, from the newest call or from a cursor (`after`: older, `before`: newer). */
export function adminCallsHref(filters: AdminCallFilterParams, position: { after?: string; before?: string } = {}): string {
  const search = new URLSearchParams();
  if (filters.status) search.set("status", filters.status);
  if (filters.customer) search.set("customer", filters.customer);
  if (position.after) search.set("after", position.after);
  if (position.before) search.set("before", position.before);
  const query = search.toString();
  return query ? `/admin/calls?${query}` : "/admin/calls";
}
