import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { calls, storedFiles } from "@/db/schema";
import { setupTestDatabase, signedInUser } from "@/db/testing";
import { testAgent, testAssignment, testCalls } from "@/db/testing/calls";
import { callDirections, callSortColumns, callStatuses, type CallSort } from "@/lib/constants";
import { adminGetCall, adminListCalls, getCallForAccount, getCallStatistics, listCallAgentsForAccount, listCallsForAccount, type CallListFilters, type CallListQuery } from "./calls";
import type { NewCall } from "./call-writes";

const db = setupTestDatabase();

// Few distinct values, so every sort key has many ties the id must break. The times straddle
// New York's switch to summer time (8 March 2026) and its day boundaries.
const times = ["2026-03-07T04:59:59Z", "2026-03-07T05:00:00Z", "2026-03-08T12:00:00Z", "2026-03-09T04:30:00Z", "2026-03-10T03:59:59Z", "2026-03-10T04:00:00Z"];
const durations = [0, 30, 60, 120];
const ratings = [null, 1, 3, 5];
const summaries = [null, "Order status", "Order_status", "Discount 100% granted", "Discount 1000 granted"];

/** A deterministic sequence, so a failure can be replayed. */
function sequence(seed: number) {
  let state = seed;
  return (count: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    // The high bits: an LCG's low bits repeat with a short period.
    return Math.floor(state / 65_536) % count;
  };
}

type Reference = Pick<NewCall, "status" | "direction" | "agentId" | "fromNumber" | "toNumber" | "summary" | "satisfaction" | "durationSeconds"> & { id: string; startedAt: Date };

let accountId: string;
let otherAccountId: string;
let agentIds: string[];
let all: Reference[];
let otherIds: Set<string>;

function makeRows(count: number, seed: number, agents: (string | null)[]): Partial<NewCall>[] {
  const pick = sequence(seed);
  return Array.from({ length: count }, (_, index) => ({
    status: callStatuses[pick(callStatuses.length)]!,
    direction: callDirections[pick(callDirections.length)]!,
    agentId: agents[pick(agents.length)]!,
    startedAt: new Date(times[pick(times.length)]!),
    durationSeconds: durations[pick(durations.length)]!,
    satisfaction: ratings[pick(ratings.length)]!,
    summary: summaries[pick(summaries.length)]!,
    fromNumber: `+4930${String(index).padStart(5, "0")}`,
    toNumber: "+15550100",
  }));
}

beforeAll(async () => {
  const [owner, other, first, second] = await Promise.all([signedInUser("customer", "calls-owner"), signedInUser("customer", "calls-other"), testAgent({ name: "Ada" }), testAgent({ name: "Bob" })]);
  accountId = owner.accountId!;
  otherAccountId = other.accountId!;
  agentIds = [first.id, second.id];
  const rows = makeRows(300, 7, [first.id, second.id, null]);
  const ids = await testCalls(accountId, rows);
  all = rows.map((row, index) => ({ ...(row as Reference), id: ids[index]! }));
  // The other account's calls match every filter and search below.
  otherIds = new Set(await testCalls(otherAccountId, makeRows(60, 11, [first.id, second.id, null])));
});

const sortKey: Record<CallSort, (row: Reference) => number> = {
  startedAt: (row) => row.startedAt.getTime(),
  duration: (row) => row.durationSeconds,
  satisfaction: (row) => row.satisfaction ?? 0,
};

/** The plain answer: every matching row, ordered by (key, id) in one direction, as PostgreSQL orders uuids. */
function expected(match: (row: Reference) => boolean, sort: CallSort, order: "asc" | "desc"): string[] {
  const sign = order === "asc" ? 1 : -1;
  return all
    .filter(match)
    .sort((a, b) => sign * (sortKey[sort](a) - sortKey[sort](b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
    .map((row) => row.id);
}

/** Pages forwards to the end, then backwards from there to the start, checking each page against the plain answer. */
async function checkPaging(query: Omit<CallListQuery, "cursor" | "before" | "limit">, want: string[], limit: number) {
  const slices = Array.from({ length: Math.max(1, Math.ceil(want.length / limit)) }, (_, index) => want.slice(index * limit, (index + 1) * limit));
  let page = await listCallsForAccount(accountId, { ...query, limit });
  expect(page.previous).toBeNull();
  const forwards = [page.rows.map((row) => row.id)];
  while (page.next) {
    page = await listCallsForAccount(accountId, { ...query, limit, cursor: page.next });
    forwards.push(page.rows.map((row) => row.id));
  }
  expect(forwards).toEqual(slices);
  const backwards: string[][] = [];
  let cursor = page.previous;
  while (cursor) {
    const back = await listCallsForAccount(accountId, { ...query, limit, cursor, before: true });
    expect(back.next).not.toBeNull();
    backwards.unshift(back.rows.map((row) => row.id));
    cursor = back.previous;
  }
  expect(backwards).toEqual(slices.slice(0, -1));
}

const base: CallListFilters = { timeZone: "UTC" };

describe("the call history's pages", () => {
  for (const sort of callSortColumns) {
    for (const order of ["desc", "asc"] as const) {
      it(`pages by ${sort} ${order}, forwards and backwards, exactly as ORDER BY (${sort}, id) over all rows`, async () => {
        await checkPaging({ ...base, sort, order }, expected(() => true, sort, order), 7);
      });
    }
  }

  it("filters by each filter alone and by all together, paging the same way", async () => {
    const [agentId] = agentIds;
    const cases: [Partial<CallListFilters>, (row: Reference) => boolean][] = [
      [{ status: "missed" }, (row) => row.status === "missed"],
      [{ direction: "outbound" }, (row) => row.direction === "outbound"],
      [{ agentId }, (row) => row.agentId === agentId],
      [{ search: "Order" }, (row) => Boolean(row.summary?.includes("Order"))],
      [{ from: "2026-03-07", to: "2026-03-09", timeZone: "America/New_York" }, (row) => row.startedAt >= new Date("2026-03-07T05:00:00Z") && row.startedAt < new Date("2026-03-10T04:00:00Z")],
      [
        { status: "completed", direction: "inbound", agentId, search: "order", from: "2026-03-08", to: "2026-03-09", timeZone: "America/New_York" },
        (row) =>
          row.status === "completed" &&
          row.direction === "inbound" &&
          row.agentId === agentId &&
          Boolean(row.summary?.includes("Order")) &&
          row.startedAt >= new Date("2026-03-08T05:00:00Z") &&
          row.startedAt < new Date("2026-03-10T04:00:00Z"),
      ],
    ];
    for (const [filters, match] of cases) {
      for (const sort of ["startedAt", "satisfaction"] as const) {
        const want = expected(match, sort, "desc");
        expect(want.length, JSON.stringify(filters)).toBeGreaterThan(0);
        await checkPaging({ ...base, ...filters, sort, order: "desc" }, want, 4);
      }
    }
  });

  it("reads from and to as whole days in the viewer's timezone", async () => {
    const days = async (from: string, to: string, timeZone: string) => {
      const page = await listCallsForAccount(accountId, { from, to, timeZone, sort: "startedAt", order: "asc", limit: 1000 });
      return [...new Set(page.rows.map((row) => row.startedAt.toISOString()))];
    };
    // 7 March in New York (UTC-5) starts at 05:00 UTC; 9 March (UTC-4 from the 8th) ends at 04:00 UTC on the 10th.
    expect(await days("2026-03-07", "2026-03-07", "America/New_York")).toEqual(["2026-03-07T05:00:00.000Z"]);
    expect(await days("2026-03-09", "2026-03-09", "America/New_York")).toEqual(["2026-03-09T04:30:00.000Z", "2026-03-10T03:59:59.000Z"]);
    expect(await days("2026-03-06", "2026-03-06", "America/New_York")).toEqual(["2026-03-07T04:59:59.000Z"]);
    // In Berlin (UTC+1) the same instants fall on other days.
    expect(await days("2026-03-10", "2026-03-10", "Europe/Berlin")).toEqual(["2026-03-10T03:59:59.000Z", "2026-03-10T04:00:00.000Z"]);
    expect(await days("2026-03-07", "2026-03-07", "Europe/Berlin")).toEqual(["2026-03-07T04:59:59.000Z", "2026-03-07T05:00:00.000Z"]);
  });

  it("searches numbers and summaries, taking % and _ literally", async () => {
    const search = async (term: string) => (await listCallsForAccount(accountId, { ...base, search: term, sort: "startedAt", order: "desc", limit: 1000 })).rows.map((row) => row.id).sort();
    const matching = (text: string) => all.filter((row) => `${row.fromNumber} ${row.toNumber} ${row.summary ?? ""}`.toLowerCase().includes(text.toLowerCase())).map((row) => row.id).sort();
    expect(await search("+4930" + "00017")).toEqual([all[17]!.id]);
    expect(await search("5550100")).toEqual(all.map((row) => row.id).sort());
    expect(await search("order_status")).toEqual(matching("Order_status"));
    expect(matching("Order_status").length).toBeLessThan(matching("Order").length);
    expect(await search("100%")).toEqual(matching("100%"));
    expect(matching("100%").length).toBeLessThan(matching("Discount 100").length);
    expect(await search("nothing like this")).toEqual([]);
  });

  it("never shows another account's calls", async () => {
    const everything = await listCallsForAccount(accountId, { ...base, sort: "startedAt", order: "desc", limit: 1000 });
    expect(everything.rows).toHaveLength(all.length);
    expect(everything.rows.some((row) => otherIds.has(row.id))).toBe(false);
    const [foreign] = [...otherIds];
    expect(await getCallForAccount(accountId, foreign!)).toBeNull();
    expect(await getCallForAccount(otherAccountId, foreign!)).not.toBeNull();
  });

  it("treats a tampered cursor, or one of another sort, as the first page", async () => {
    const first = await listCallsForAccount(accountId, { ...base, sort: "duration", order: "desc", limit: 5 });
    const second = await listCallsForAccount(accountId, { ...base, sort: "duration", order: "desc", limit: 5, cursor: first.next! });
    expect(second.rows[0]!.id).not.toBe(first.rows[0]!.id);
    const tampered = [first.next!.slice(0, -2), "not-a-cursor", Buffer.from(JSON.stringify(["duration", "1 or 1=1", randomUUID()])).toString("base64url")];
    for (const cursor of tampered) {
      const page = await listCallsForAccount(accountId, { ...base, sort: "duration", order: "desc", limit: 5, cursor });
      expect(page.rows.map((row) => row.id)).toEqual(first.rows.map((row) => row.id));
    }
    const otherSort = await listCallsForAccount(accountId, { ...base, sort: "startedAt", order: "desc", limit: 5, cursor: first.next! });
    expect(otherSort.previous).toBeNull();
    // The right shape, but no such instant: the database would refuse the cast.
    const impossible = Buffer.from(JSON.stringify(["startedAt", "2024-13-45T99:00:00.000000Z", randomUUID()])).toString("base64url");
    const newest = await listCallsForAccount(accountId, { ...base, sort: "startedAt", order: "desc", limit: 5 });
    expect((await listCallsForAccount(accountId, { ...base, sort: "startedAt", order: "desc", limit: 5, cursor: impossible })).rows).toEqual(newest.rows);
  });

  it("offers the agents on the account's calls and those assigned to it, once each, by name", async () => {
    const assigned = await testAgent({ name: "Cleo" });
    await testAssignment(accountId, assigned.id);
    await testAssignment(accountId, agentIds[0]!, { role: "backup" });
    await testAssignment(otherAccountId, (await testAgent({ name: "Dan" })).id);
    const agents = await listCallAgentsForAccount(accountId);
    expect(agents).toEqual([
      { id: agentIds[0], name: "Ada" },
      { id: agentIds[1], name: "Bob" },
      { id: assigned.id, name: "Cleo" },
    ]);
  });
});

describe("a call's detail", () => {
  it("has the agent and the recording file", async () => {
    const owner = await signedInUser("customer", "calls-detail");
    const accountId = owner.accountId!;
    const { id: agentId } = await testAgent({ name: "Rec Agent", kind: "ai" });
    const [file] = await db()
      .insert(storedFiles)
      .values({ storageKey: `${randomUUID()}.wav`, purpose: "call_recording", contentType: "audio/wav", sizeBytes: 1234, fileName: "call.wav", accountId })
      .returning();
    const [id] = await testCalls(accountId, [{ agentId, recordingFileId: file!.id, transcript: "Hello", summary: "Greeting", satisfaction: 4, cost: 250 }]);
    const call = await getCallForAccount(accountId, id!);
    expect(call).toMatchObject({ id, agentName: "Rec Agent", agentKind: "ai", transcript: "Hello", summary: "Greeting", satisfaction: 4, cost: 250, recording: { storageKey: file!.storageKey, contentType: "audio/wav", sizeBytes: 1234, fileName: "call.wav" } });
    const [plain] = await testCalls(accountId, [{}]);
    expect((await getCallForAccount(accountId, plain!))!.recording).toBeNull();
    expect(await adminGetCall(id!)).toMatchObject({ id, customer: { name: "Tester calls-detail", userId: owner.id } });
  });
});

describe("call statistics", () => {
  it("equal a plain aggregate over the calls, by day in the viewer's timezone", async () => {
    const owner = await signedInUser("customer", "calls-stats");
    const account = owner.accountId!;
    const now = new Date("2026-11-15T12:00:00Z");
    const timeZone = "America/New_York";
    const pick = sequence(3);
    const rows: Partial<NewCall>[] = [
      // Either side of local midnight (05:00 UTC in November, 04:00 UTC before 1 November) and of the month and the 30-day window.
      { startedAt: new Date("2026-11-01T03:59:59Z") },
      { startedAt: new Date("2026-11-01T04:00:00Z") },
      { startedAt: new Date("2026-10-17T03:59:00Z") },
      { startedAt: new Date("2026-10-17T04:00:00Z") },
      { startedAt: new Date("2026-11-15T04:59:00Z") },
      { startedAt: new Date("2026-11-15T05:00:00Z") },
      ...Array.from({ length: 200 }, () => ({ startedAt: new Date(now.getTime() - pick(45 * 24) * 3_600_000 - pick(3600) * 1000) })),
    ].map((row) => ({ ...row, status: callStatuses[pick(4)]!, durationSeconds: pick(900), satisfaction: ratings[pick(4)]!, agentId: null }));
    await testCalls(account, rows);
    await testCalls(accountId, [{ startedAt: new Date("2026-11-10T12:00:00Z") }]);

    const stats = await getCallStatistics(account, timeZone, now);
    const [plain] = await db()
      .select({
        total: sql<number>`count(*)`.mapWith(Number),
        thisMonth: sql<number>`count(*) filter (where ${calls.startedAt} >= '2026-11-01T04:00:00Z')`.mapWith(Number),
        completed: sql<number>`count(*) filter (where ${calls.status} = 'completed')`.mapWith(Number),
        averageDuration: sql<number>`avg(${calls.durationSeconds}) filter (where ${calls.status} = 'completed')`.mapWith(Number),
        averageSatisfaction: sql<number>`avg(${calls.satisfaction})`.mapWith(Number),
      })
      .from(calls)
      .where(eq(calls.accountId, account));
    const perDay = await db()
      .select({ day: sql<string>`to_char(${calls.startedAt} at time zone ${timeZone}, 'YYYY-MM-DD')`, calls: sql<number>`count(*)`.mapWith(Number) })
      .from(calls)
      .where(eq(calls.accountId, account))
      .groupBy(sql`1`);
    const plainDays = new Map(perDay.map((row) => [row.day, row.calls]));

    expect(stats.total).toBe(plain!.total);
    expect(stats.thisMonth).toBe(plain!.thisMonth);
    expect(stats.successRate).toBeCloseTo(plain!.completed / plain!.total, 10);
    expect(stats.averageDuration).toBeCloseTo(plain!.averageDuration, 8);
    expect(stats.averageSatisfaction).toBeCloseTo(plain!.averageSatisfaction, 8);
    expect(stats.days).toHaveLength(30);
    expect(stats.days[0]!.day).toBe("2026-10-17");
    expect(stats.days.at(-1)!.day).toBe("2026-11-15");
    expect(stats.days).toEqual(stats.days.map(({ day }) => ({ day, calls: plainDays.get(day) ?? 0 })));
    expect(stats.days.reduce((sum, day) => sum + day.calls, 0)).toBeGreaterThan(0);
  });

  it("is empty, not NaN, without calls", async () => {
    const owner = await signedInUser("customer", "calls-none");
    const stats = await getCallStatistics(owner.accountId!, "Europe/Berlin");
    expect(stats).toMatchObject({ total: 0, thisMonth: 0, successRate: null, averageDuration: null, averageSatisfaction: null });
    expect(stats.days.every((day) => day.calls === 0)).toBe(true);
  });
});

describe("the staff calls table", () => {
  it("lists every customer's calls newest first and filters by customer and status", async () => {
    const page = await adminListCalls({ status: "voicemail", customer: "" }, { limit: 500 });
    expect(page.rows.every((row) => row.status === "voicemail")).toBe(true);
    const times = page.rows.map((row) => row.startedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const mine = await adminListCalls({ customer: "calls-other" }, { limit: 500 });
    expect(new Set(mine.rows.map((row) => row.accountId))).toEqual(new Set([otherAccountId]));
  });
});
