export type ThreadListParams = { box: "inbox" | "sent"; query: string };

/** The thread list's URL for a box and search, from its newest thread or from a cursor (`after`: older, `before`: newer). */
export function threadsHref(params: ThreadListParams, position: { after?: string; before?: string } = {}): string {
  const search = new URLSearchParams();
  if (params.box !== "inbox") search.set("box", params.box);
  if (params.query) search.set("query", params.query);
  if (position.after) search.set("after", position.after);
  if (position.before) search.set("before", position.before);
  const query = search.toString();
  return query ? `/dashboard/messages?${query}` : "/dashboard/messages";
}
