import "server-only";
import { and, eq, gte, isNull, lt, or, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import { activityEvents, users } from "@/db/schema";
import { cursorTime, keyset, keysetPage, type Cursor } from "@/db/queries/search";
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
    // The time of the write, not of the transaction's start: two entries of one change keep their order.
    occurredAt: entry.occurredAt ?? sql`clock_timestamp()`,
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
 * One page of an account's timeline, newest first (keyset over occurred_at, id): `cursor` continues to
 * older entries, `before` goes back to newer ones. `viewerId` is the member reading it, who sees their
 * own security events but not a colleague's; staff pass null. `from` is inclusive and `to` exclusive,
 * as instants (the caller turns days in the reader's zone into them).
 */
export async function listActivity(
  accountId: string,
  viewerId: string | null,
  params: { area?: ActivityArea | null; from?: Date | null; to?: Date | null; cursor?: Cursor | null; before?: Cursor | null; limit: number },
  db: Database = getDb(),
): Promise<{ rows: ActivityRow[]; next: Cursor | null; previous: Cursor | null }> {
  const page = { after: params.before ? null : params.cursor, before: params.before, limit: params.limit };
  const position = keyset(activityEvents.occurredAt, activityEvents.id, page);
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
        position.where,
      ),
    )
    .orderBy(...position.orderBy)
    .limit(params.limit + 1);
  const { rows, older, newer } = keysetPage(found, page);
  return { rows, next: older, previous: newer };
}
