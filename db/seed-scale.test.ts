import { asc, eq, getTableColumns, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { insertCalls } from "@/db/queries/call-writes";
import { activityEvents, callHourlyStats, calls, callTotals } from "@/db/schema";
import { setupTestDatabase, signedInUser } from "@/db/testing";
import { testAgent } from "@/db/testing/calls";
import { callStatuses } from "@/lib/constants";
import { fillCallActivity, fillCallStats, insertScaleCalls } from "./seed-scale";

const db = setupTestDatabase();

async function hourlyStats(accountId: string) {
  const { accountId: _account, ...columns } = getTableColumns(callHourlyStats);
  return db().select(columns).from(callHourlyStats).where(eq(callHourlyStats.accountId, accountId)).orderBy(asc(callHourlyStats.hour), asc(callHourlyStats.agentId));
}

async function totals(accountId: string) {
  const { accountId: _account, ...columns } = getTableColumns(callTotals);
  return db().select(columns).from(callTotals).where(eq(callTotals.accountId, accountId)).orderBy(asc(callTotals.agentId));
}

describe("the scale seed", () => {
  it("makes calls in SQL whose hourly statistics and totals, filled in SQL, equal what insertCalls keeps call by call", async () => {
    const [heavy, copy] = await Promise.all([signedInUser("customer"), signedInUser("customer")]);
    const agentIds = [(await testAgent()).id, (await testAgent({ kind: "ai" })).id];
    const until = new Date("2026-11-26T00:00:00Z");
    // Two batches, as the script runs them, over a few days so hours hold several calls.
    for (const [first, last] of [[1, 1200], [1201, 2000]] as const) await insertScaleCalls({ accountId: heavy.accountId!, agentIds, first, last, total: 2000, until, days: 10, currency: "gbp" }, db());
    await fillCallStats(heavy.accountId!, db());

    const made = await db().select().from(calls).where(eq(calls.accountId, heavy.accountId!)).orderBy(asc(calls.startedAt), asc(calls.id));
    expect(made).toHaveLength(2000);
    expect(new Set(made.map((call) => call.status))).toEqual(new Set(callStatuses));
    expect(made[0]!.startedAt >= new Date("2026-11-16T00:00:00Z") && made.at(-1)!.startedAt < until).toBe(true);
    expect(new Set(made.map((call) => call.agentId))).toEqual(new Set([...agentIds, null]));

    await insertCalls(made.map(({ id: _id, createdAt: _created, ...call }) => ({ ...call, accountId: copy.accountId! })), db());
    const expected = await hourlyStats(copy.accountId!);
    expect(expected.some((row) => row.calls > 1)).toBe(true);
    expect(await hourlyStats(heavy.accountId!)).toEqual(expected);
    expect(await totals(heavy.accountId!)).toEqual(await totals(copy.accountId!));

    // Their timeline, made in SQL, says what insertCalls records call by call, at the same times.
    await fillCallActivity(heavy.accountId!, db());
    const timeline = (accountId: string) =>
      db()
        .select({ params: activityEvents.params, link: activityEvents.link, occurredAt: activityEvents.occurredAt })
        .from(activityEvents)
        .where(eq(activityEvents.accountId, accountId))
        .orderBy(asc(activityEvents.occurredAt), asc(sql`${activityEvents.params}::text`));
    const [timelineMade, copied] = await Promise.all([timeline(heavy.accountId!), timeline(copy.accountId!)]);
    expect(timelineMade).toHaveLength(2000);
    expect(timelineMade.map(({ link: _link, ...entry }) => entry)).toEqual(copied.map(({ link: _link, ...entry }) => entry));
    expect(timelineMade.some((entry) => entry.params.low === true)).toBe(true);
    expect(new Set(timelineMade.map((entry) => entry.link))).toEqual(new Set(made.map((call) => `/dashboard/calls/${call.id}`)));
  });

  it("makes the same calls from the same row numbers", async () => {
    const [one, two] = await Promise.all([signedInUser("customer"), signedInUser("customer")]);
    const agentIds = [(await testAgent()).id];
    const until = new Date("2026-11-26T00:00:00Z");
    for (const account of [one, two]) await insertScaleCalls({ accountId: account.accountId!, agentIds, first: 1, last: 300, total: 300, until, days: 30, currency: "gbp" }, db());
    const shape = (accountId: string) =>
      db()
        .select({ row: sql<string>`concat_ws('|', ${calls.status}, ${calls.direction}, ${calls.fromNumber}, ${calls.toNumber}, ${calls.startedAt}, ${calls.durationSeconds}, ${calls.summary}, ${calls.satisfaction}, ${calls.cost})` })
        .from(calls)
        .where(eq(calls.accountId, accountId))
        .orderBy(asc(calls.startedAt), asc(calls.fromNumber));
    const first = await shape(one.accountId!);
    expect(first).toHaveLength(300);
    expect(await shape(two.accountId!)).toEqual(first);
  });
});
