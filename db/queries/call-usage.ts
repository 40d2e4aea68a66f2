import "server-only";
import { and, eq, gte, lt, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import { callHourlyStats, calls } from "@/db/schema";

const HOUR_MS = 60 * 60 * 1000;

/**
 * The account's calls and billed minutes (each call rounded up to a minute) started in
 * [start, end): whole hours from the hourly statistics, the partial hours at either edge from the
 * calls themselves, so it is exact and stays cheap at any number of calls.
 */
export async function getCallUsage(accountId: string, start: Date, end: Date, db: Database = getDb()): Promise<{ calls: number; minutes: number }> {
  const firstWholeHour = new Date(Math.ceil(start.getTime() / HOUR_MS) * HOUR_MS);
  const lastWholeHourEnd = new Date(Math.floor(end.getTime() / HOUR_MS) * HOUR_MS);
  if (firstWholeHour >= lastWholeHourEnd) return callsBetween(accountId, start, end, db);
  const [[hours], head, tail] = await Promise.all([
    db
      .select({ calls: sql<number>`coalesce(sum(${callHourlyStats.calls}), 0)::int`, minutes: sql<number>`coalesce(sum(${callHourlyStats.billedMinutes}), 0)::int` })
      .from(callHourlyStats)
      .where(and(eq(callHourlyStats.accountId, accountId), gte(callHourlyStats.hour, firstWholeHour), lt(callHourlyStats.hour, lastWholeHourEnd))),
    callsBetween(accountId, start, firstWholeHour, db),
    callsBetween(accountId, lastWholeHourEnd, end, db),
  ]);
  return { calls: hours!.calls + head.calls + tail.calls, minutes: hours!.minutes + head.minutes + tail.minutes };
}

async function callsBetween(accountId: string, start: Date, end: Date, db: Database): Promise<{ calls: number; minutes: number }> {
  if (start >= end) return { calls: 0, minutes: 0 };
  const [row] = await db
    .select({ calls: sql<number>`count(*)::int`, minutes: sql<number>`coalesce(sum(ceil(${calls.durationSeconds} / 60.0)), 0)::int` })
    .from(calls)
    .where(and(eq(calls.accountId, accountId), gte(calls.startedAt, start), lt(calls.startedAt, end)));
  return row!;
}
