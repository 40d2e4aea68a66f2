import "server-only";
import { sql } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import { callHourlyStats, calls } from "@/db/schema";

export type NewCall = typeof calls.$inferInsert;

/** What one call adds to its hour's row of `call_hourly_stats`. */
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

/**
 * Adds calls to the hourly statistics. Runs in the transaction that inserts them, so the statistics,
 * the agents' performance and usage always match the calls table.
 */
export async function addToHourlyStats(rows: Parameters<typeof hourlyContribution>[0][], db: Database): Promise<void> {
  const byKey = new Map<string, ReturnType<typeof hourlyContribution>>();
  for (const row of rows) {
    const add = hourlyContribution(row);
    const key = `${add.accountId}|${add.agentId}|${add.hour.toISOString()}`;
    const sum = byKey.get(key);
    if (!sum) {
      byKey.set(key, add);
      continue;
    }
    for (const field of ["calls", "completed", "totalSeconds", "completedSeconds", "billedMinutes", "ratedCalls", "satisfactionSum"] as const) sum[field] += add[field];
  }
  const values = [...byKey.values()];
  // Sorted, so two transactions adding to the same hours lock them in the same order and never deadlock.
  values.sort((a, b) => `${a.accountId}|${a.hour.toISOString()}|${a.agentId}`.localeCompare(`${b.accountId}|${b.hour.toISOString()}|${b.agentId}`));
  for (let start = 0; start < values.length; start += 1000) {
    await db
      .insert(callHourlyStats)
      .values(values.slice(start, start + 1000))
      .onConflictDoUpdate({
        target: [callHourlyStats.accountId, callHourlyStats.hour, callHourlyStats.agentId],
        set: {
          calls: sql`${callHourlyStats.calls} + excluded.calls`,
          completed: sql`${callHourlyStats.completed} + excluded.completed`,
          totalSeconds: sql`${callHourlyStats.totalSeconds} + excluded.total_seconds`,
          completedSeconds: sql`${callHourlyStats.completedSeconds} + excluded.completed_seconds`,
          billedMinutes: sql`${callHourlyStats.billedMinutes} + excluded.billed_minutes`,
          ratedCalls: sql`${callHourlyStats.ratedCalls} + excluded.rated_calls`,
          satisfactionSum: sql`${callHourlyStats.satisfactionSum} + excluded.satisfaction_sum`,
        },
      });
  }
}

/**
 * Inserts calls together with their statistics. Every writer of calls (ingestion, CSV import, the
 * seeds, tests) goes through here, in one transaction (a savepoint inside the caller's).
 */
export async function insertCalls(rows: NewCall[], db: Database = getDb()): Promise<{ id: string }[]> {
  if (rows.length === 0) return [];
  return db.transaction(async (tx) => {
    const inserted: { id: string }[] = [];
    for (let start = 0; start < rows.length; start += 1000) {
      inserted.push(...(await tx.insert(calls).values(rows.slice(start, start + 1000)).returning({ id: calls.id })));
    }
    await addToHourlyStats(rows, tx);
    return inserted;
  });
}
