import type { CallHistoryParams } from "@/lib/validations/call-history";

/** The query string of the history's filters and sort; the default sort is left out, so plain URLs stay plain. */
export function callHistorySearch(params: CallHistoryParams, position: { after?: string; before?: string } = {}): string {
  const search = new URLSearchParams();
  for (const key of ["status", "direction", "agent", "from", "to", "q"] as const) {
    const value = params[key];
    if (value) search.set(key, value);
  }
  if (params.sort !== "startedAt" || params.order !== "desc") {
    search.set("sort", params.sort);
    search.set("order", params.order);
  }
  if (position.after) search.set("after", position.after);
  if (position.before) search.set("before", position.before);
  return search.toString();
}

/** The call history's URL for these filters, from the first page or from a cursor. */
export function callHistoryHref(params: CallHistoryParams, position: { after?: string; before?: string } = {}): string {
  const query = callHistorySearch(params, position);
  return query ? `/dashboard/calls?${query}` : "/dashboard/calls";
}

/** The CSV of the same filtered list, in the same order. */
export function callExportHref(params: CallHistoryParams): string {
  const query = callHistorySearch(params);
  return query ? `/api/calls/export?${query}` : "/api/calls/export";
}
