import type { Cursor, KeysetPage } from "@/db/queries/search";
import { decodeCursor, encodeCursor } from "@/lib/cursor";
import { ApiError } from "./errors";

/** The page a `?cursor=` asks for: the first without one; a cursor we did not give out is a 400, not a silent restart. */
export function pageAfter(query: { cursor?: string; limit: number }): { after: Cursor | null; limit: number } {
  if (query.cursor === undefined) return { after: null, limit: query.limit };
  const after = decodeCursor(query.cursor);
  if (!after) throw new ApiError(400, "bad_request", "The cursor is not one this API gave out.", { cursor: "Pass the `nextCursor` of the previous page." });
  return { after, limit: query.limit };
}

/** A keyset page as the API's `{ data, nextCursor }`. */
export function pageBody<T, R>(page: KeysetPage<T>, item: (row: T) => R): { data: R[]; nextCursor: string | null } {
  return { data: page.rows.map(item), nextCursor: page.older ? encodeCursor(page.older) : null };
}
