import "server-only";
import { sql } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import { insertActivity, type ActivityEntry } from "@/db/queries/activity";
import { callHourlyStats, calls, callTotals, type CallMetrics } from "@/db/schema";
import { LOW_SATISFACTION_MAX } from "@/lib/constants";
import { emitWebhookEvents } from "@/lib/webhooks/emit";
import { callEventData } from "@/lib/webhooks/events";

export type NewCall = typeof calls.$inferInsert;

/** What one call adds to its hour's row of `call_hourly_stats` (and, without the hour, to `call_totals`). */
function hourlyContribution(call: Pick<NewCall, "accountId" | "agentId" | "startedAt" | "status" | "durationSeconds" | "satisfaction">) {
  const hour = new Date(call.startedAt);
  hour.setUTCMinutes(0, 0, 0);
  const completed = call.status === "completed";
  return {
    accountId: call.accountId,
    agentId: call.agentId ?? null,
    hour,
    calls: 1,
    completed: completed ? 1 : 0,
    totalSeconds: call.durationSeconds,
    completedSeconds: completed ? call.durationSeconds : 0,
    billedMinutes: Math.ceil(call.durationSeconds / 60),
    ratedCalls: call.satisfaction == null ? 0 : 1,
    satisfactionSum: call.satisfaction ?? 0,
  };
}

const metricFields = ["calls", "completed", "totalSeconds", "completedSeconds", "billedMinutes", "ratedCalls", "satisfactionSum"] as const satisfies readonly (keyof CallMetrics)[];

/** Adds up contributions that share a key. */
function sumBy<T extends CallMetrics>(rows: T[], keyOf: (row: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const row of rows) {
    const key = keyOf(row);
    const sum = byKey.get(key);
    if (!sum) byKey.set(key, { ...row });
    else for (const field of metricFields) sum[field] += row[field];
  }
  // Sorted, so two transactions adding to the same rows lock them in the same order and never deadlock.
  return [...byKey.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, row]) => row);
}

/** `column = column + excluded.column` for every metric: an upsert adds to the row. */
function addedMetrics(table: typeof callHourlyStats | typeof callTotals) {
  // `excluded` names the column as the database does: the schema maps camelCase keys to snake_case.
  const columnName = (field: string) => field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
  return Object.fromEntries(metricFields.map((field) => [field, sql`${table[field]} + excluded.${sql.identifier(columnName(field))}`]));
}

/**
 * Adds calls to the hourly statistics and the all-time totals. Runs in the transaction that inserts
 * them, so the statistics, the agents' performance and usage always match the calls table.
 */
export async function addToCallStats(rows: Parameters<typeof hourlyContribution>[0][], db: Database): Promise<void> {
  const contributions = rows.map(hourlyContribution);
  const hours = sumBy(contributions, (row) => `${row.accountId}|${row.hour.toISOString()}|${row.agentId}`);
  for (let start = 0; start < hours.length; start += 1000) {
    await db
      .insert(callHourlyStats)
      .values(hours.slice(start, start + 1000))
      .onConflictDoUpdate({ target: [callHourlyStats.accountId, callHourlyStats.hour, callHourlyStats.agentId], set: addedMetrics(callHourlyStats) });
  }
  const totals = sumBy(contributions, (row) => `${row.accountId}|${row.agentId}`).map(({ hour: _hour, ...row }) => row);
  for (let start = 0; start < totals.length; start += 1000) {
    await db
      .insert(callTotals)
      .values(totals.slice(start, start + 1000))
      .onConflictDoUpdate({ target: [callTotals.accountId, callTotals.agentId], set: addedMetrics(callTotals) });
  }
}

/** A call's entry on its account's timeline, at the time it started; a low score is flagged. */
function callActivity(call: NewCall, id: string): ActivityEntry {
  const low = call.satisfaction != null && call.satisfaction <= LOW_SATISFACTION_MAX;
  return {
    accountId: call.accountId,
    area: "calls",
    type: "call.completed",
    params: {
      direction: call.direction,
      status: call.status,
      number: call.direction === "inbound" ? call.fromNumber : call.toNumber,
      duration: call.durationSeconds,
      low,
      ...(call.satisfaction != null ? { satisfaction: call.satisfaction } : {}),
    },
    link: `/dashboard/calls/${id}`,
    occurredAt: new Date(call.startedAt),
  };
}

/**
 * Inserts calls together with their statistics and timeline entries. Every writer of calls (ingestion, CSV import, the
 * seeds, tests) goes through here, in one transaction (a savepoint inside the caller's).
 */
export async function insertCalls(rows: NewCall[], db: Database = getDb()): Promise<{ id: string }[]> {
  if (rows.length === 0) return [];
  return db.transaction(async (tx) => {
    const inserted: { id: string }[] = [];
    for (let start = 0; start < rows.length; start += 1000) {
      inserted.push(...(await tx.insert(calls).values(rows.slice(start, start + 1000)).returning({ id: calls.id })));
    }
    await addToCallStats(rows, tx);
    await insertActivity(rows.map((row, index) => callActivity(row, inserted[index]!.id)), tx);
    // One endpoint query for the whole batch, however many calls and accounts it holds.
    const completed = rows.flatMap((row, index) => (row.status === "completed" ? [{ accountId: row.accountId, type: "call.completed" as const, data: () => callEventData({ ...row, id: inserted[index]!.id }) }] : []));
    await emitWebhookEvents(completed, tx);
    return inserted;
  });
}
