export type RequestFilterParams = { status?: string };

/** The staff request list's URL for this filter and page. */
export function requestsHref(filters: RequestFilterParams, page = 1): string {
  const search = new URLSearchParams();
  if (filters.status) search.set("status", filters.status);
  if (page > 1) search.set("page", String(page));
  const query = search.toString();
  return query ? `/admin/requests?${query}` : "/admin/requests";
}
