import "server-only";
import { and, desc, eq, gte, isNull, lt, or, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import { activityEvents, users } from "@/db/schema";
import { cursorTime, type Cursor } from "@/db/queries/search";
import type { ActivityArea } from "@/lib/constants";

export type ActivityEntry = {
  accountId: string;
  area: ActivityArea;
  type: string;
  params?: Record<string, string | number | boolean>;
  link?: string | null;
  actorId?: string | null;
  onlyForUserId?: string | null;
  occurredAt?: Date;
};

/** Writes timeline entries; pass the transaction of the change they record, so both happen or neither. */
export async function insertActivity(entries: ActivityEntry[], db: Database = getDb()): Promise<void> {
  // In chunks: a statement's parameters are limited, and a CSV import writes thousands of calls.
  for (let start = 0; start < entries.length; start += 1000) {
    await db.insert(activityEvents).values(entries.slice(start, start + 1000).map(activityRow));
  }
}

function activityRow(entry: ActivityEntry) {
  return {
    accountId: entry.accountId,
    area: entry.area,
    type: entry.type,
    params: entry.params ?? {},
    link: entry.link ?? null,
    actorId: entry.actorId ?? null,
    onlyForUserId: entry.onlyForUserId ?? null,
    ...(entry.occurredAt ? { occurredAt: entry.occurredAt } : {}),
  };
}

export type ActivityRow = {
  id: string;
  area: ActivityArea;
  type: string;
  params: Record<string, string | number | boolean>;
  link: string | null;
  actorName: string | null;
  occurredAt: Date;
};

/**
 * One page of an account's timeline, newest first (keyset over occurred_at, id). `viewerId` is the
 * member reading it, who sees their own security events but not a colleague's; staff pass null.
 * `from` is inclusive and `to` exclusive, as instants (the caller turns days in the reader's zone into them).
 */
export async function listActivity(
  accountId: string,
  viewerId: string | null,
  params: { area?: ActivityArea | null; from?: Date | null; to?: Date | null; cursor?: Cursor | null; limit: number },
  db: Database = getDb(),
): Promise<{ rows: ActivityRow[]; next: Cursor | null }> {
  const found = await db
    .select({
      id: activityEvents.id,
      area: activityEvents.area,
      type: activityEvents.type,
      params: activityEvents.params,
      link: activityEvents.link,
      actorName: users.name,
      occurredAt: activityEvents.occurredAt,
      cursorTime: cursorTime(activityEvents.occurredAt),
    })
    .from(activityEvents)
    .leftJoin(users, eq(users.id, activityEvents.actorId))
    .where(
      and(
        eq(activityEvents.accountId, accountId),
        viewerId ? or(isNull(activityEvents.onlyForUserId), eq(activityEvents.onlyForUserId, viewerId)) : undefined,
        params.area ? eq(activityEvents.area, params.area) : undefined,
        params.from ? gte(activityEvents.occurredAt, params.from) : undefined,
        params.to ? lt(activityEvents.occurredAt, params.to) : undefined,
        params.cursor
          ? sql`(${activityEvents.occurredAt}, ${activityEvents.id}) < (${params.cursor.createdAt}::timestamptz, ${params.cursor.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(activityEvents.occurredAt), desc(activityEvents.id))
    .limit(params.limit + 1);
  const rows = found.slice(0, params.limit).map(({ cursorTime: _, ...row }) => row);
  const last = found.length > params.limit ? found[params.limit - 1] : undefined;
  return { rows, next: last ? { createdAt: last.cursorTime, id: last.id } : null };
}
