import "server-only";
import { sql, type AnyColumn, type SQL } from "drizzle-orm";

/** A search term as a literal `ILIKE` pattern: its own `%`, `_` and `\` match themselves. */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Where a keyset page starts: a row's time to the microsecond (as text: a Date would lose it) and id. */
export type Cursor = { createdAt: string; id: string };

/** Rows written in one transaction share a time, so the id breaks the tie and no row is skipped or repeated. */
export function cursorTime(column: AnyColumn): SQL<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** A page of a newest-first list: `after` continues to older rows, `before` goes back to newer ones. */
export type PageRequest = { after?: Cursor | null; before?: Cursor | null; limit: number };
export type KeysetPage<T> = { rows: T[]; older: Cursor | null; newer: Cursor | null };

/** The condition and order for one page over `(createdAt, id)`; fetch `limit + 1` rows to learn whether more follow. */
export function keyset(createdAt: AnyColumn, id: AnyColumn, page: PageRequest): { where: SQL | undefined; orderBy: SQL[] } {
  if (page.before) {
    return {
      where: sql`(${createdAt}, ${id}) > (${page.before.createdAt}::timestamptz, ${page.before.id}::uuid)`,
      orderBy: [sql`${createdAt} asc`, sql`${id} asc`],
    };
  }
  return {
    where: page.after ? sql`(${createdAt}, ${id}) < (${page.after.createdAt}::timestamptz, ${page.after.id}::uuid)` : undefined,
    orderBy: [sql`${createdAt} desc`, sql`${id} desc`],
  };
}

/** Turns the `limit + 1` rows `keyset` fetched into a newest-first page and the cursors either side of it. */
export function keysetPage<T extends { id: string; cursorTime: string }>(found: T[], page: PageRequest): KeysetPage<Omit<T, "cursorTime">> {
  const more = found.length > page.limit;
  const inOrder = page.before ? found.slice(0, page.limit).reverse() : found.slice(0, page.limit);
  const first = inOrder[0];
  const last = inOrder.at(-1);
  const cursor = (row: T | undefined) => (row ? { createdAt: row.cursorTime, id: row.id } : null);
  return {
    rows: inOrder.map(({ cursorTime: _, ...row }) => row),
    newer: page.before ? (more ? cursor(first) : null) : page.after ? cursor(first) : null,
    older: page.before ? cursor(last) : more ? cursor(last) : null,
  };
}
