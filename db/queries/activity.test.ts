import { and, desc, eq, gte, isNull, lt, or } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { activityEvents } from "@/db/schema";
import { setupTestDatabase, signedInUser } from "@/db/testing";
import { activityRange } from "@/lib/activity/range";
import { activityAreas, type ActivityArea } from "@/lib/constants";
import { decodeCursor, encodeCursor } from "@/lib/cursor";
import { insertActivity, listActivity, type ActivityEntry } from "./activity";

const db = setupTestDatabase();

/** Entries over ten days across every area, several sharing an instant (ids break those ties), some a member's own. */
async function busyAccount() {
  const [member, colleague] = await Promise.all([signedInUser("customer", "member"), signedInUser("customer", "colleague")]);
  const accountId = member.accountId!;
  const entries: ActivityEntry[] = [];
  for (let index = 0; index < 60; index++) {
    const area: ActivityArea = activityAreas[index % activityAreas.length]!;
    const occurredAt = new Date(Date.UTC(2026, 10, 10, 0, 0) + Math.floor(index / 3) * 12 * 3_600_000);
    entries.push({ accountId, area, type: `${area}.test`, params: { index }, occurredAt, onlyForUserId: area === "security" ? (Math.floor(index / 6) % 2 ? member.id : colleague.id) : null });
  }
  await insertActivity(entries);
  return { accountId, member, colleague };
}

/** The same rows, the plain way: one ORDER BY, no keyset. */
async function plain(accountId: string, viewerId: string | null, filter: { area?: ActivityArea; from?: Date | null; to?: Date | null }) {
  const rows = await db()
    .select({ id: activityEvents.id })
    .from(activityEvents)
    .where(
      and(
        eq(activityEvents.accountId, accountId),
        viewerId ? or(isNull(activityEvents.onlyForUserId), eq(activityEvents.onlyForUserId, viewerId)) : undefined,
        filter.area ? eq(activityEvents.area, filter.area) : undefined,
        filter.from ? gte(activityEvents.occurredAt, filter.from) : undefined,
        filter.to ? lt(activityEvents.occurredAt, filter.to) : undefined,
      ),
    )
    .orderBy(desc(activityEvents.occurredAt), desc(activityEvents.id));
  return rows.map((row) => row.id);
}

/** Every page through the URL's opaque cursors, older then back again to the newest. */
async function paged(accountId: string, viewerId: string | null, filter: { area?: ActivityArea; from?: Date | null; to?: Date | null }, limit: number) {
  const forward: string[][] = [];
  let after: string | undefined;
  let last: Awaited<ReturnType<typeof listActivity>> | null = null;
  do {
    last = await listActivity(accountId, viewerId, { ...filter, cursor: decodeCursor(after), limit });
    forward.push(last.rows.map((row) => row.id));
    after = last.next ? encodeCursor(last.next) : undefined;
  } while (after);
  const backward: string[][] = [];
  let before = last.previous ? encodeCursor(last.previous) : undefined;
  while (before) {
    const page = await listActivity(accountId, viewerId, { ...filter, before: decodeCursor(before), limit });
    backward.unshift(page.rows.map((row) => row.id));
    before = page.previous ? encodeCursor(page.previous) : undefined;
  }
  return { forward, backward };
}

describe("listing the activity timeline", () => {
  it("pages through every filter exactly as a plain ORDER BY lists it, older and back to newer", async () => {
    const { accountId, member } = await busyAccount();
    const range = activityRange({ from: "2026-11-12", to: "2026-11-15" }, "Europe/Berlin");
    const filters = [{}, { area: "calls" as const }, { area: "security" as const }, range, { area: "projects" as const, ...range }];
    for (const viewerId of [member.id, null]) {
      for (const filter of filters) {
        const expected = await plain(accountId, viewerId, filter);
        expect(expected.length).toBeGreaterThan(0);
        const { forward, backward } = await paged(accountId, viewerId, filter, 4);
        expect(forward.flat()).toEqual(expected);
        expect(forward.every((page) => page.length <= 4)).toBe(true);
        // Coming back with "Newer" lands on the same pages as going with "Older" (the first page from the top).
        expect(backward.flat()).toEqual(forward.slice(0, -1).flat().slice(-backward.flat().length));
      }
    }
  });

  it("takes days in the reader's time zone: from the first instant of the first day to the end of the last", () => {
    expect(activityRange({ from: "2026-11-12", to: "2026-11-15" }, "Europe/Berlin")).toEqual({ from: new Date("2026-11-11T23:00:00Z"), to: new Date("2026-11-15T23:00:00Z") });
    expect(activityRange({ from: "2026-07-01" }, "America/New_York")).toEqual({ from: new Date("2026-07-01T04:00:00Z"), to: null });
  });

  it("treats a tampered or foreign cursor as the first page", async () => {
    const { accountId, member } = await busyAccount();
    const first = await listActivity(accountId, member.id, { limit: 5 });
    const valid = encodeCursor(first.next!);
    for (const tampered of [valid.slice(0, -3) + "xyz", Buffer.from('["2026-13-45T00:00:00.000000Z","x"]').toString("base64url"), "not-a-cursor", ""]) {
      const page = await listActivity(accountId, member.id, { cursor: decodeCursor(tampered), limit: 5 });
      expect(page.rows.map((row) => row.id)).toEqual(first.rows.map((row) => row.id));
    }
  });

  it("shows a member their own security entries and not a colleague's; staff see both", async () => {
    const { accountId, member, colleague } = await busyAccount();
    const security = async (viewerId: string | null) => (await listActivity(accountId, viewerId, { area: "security", limit: 100 })).rows;
    const mine = await security(member.id);
    expect(mine.length).toBe(5);
    expect((await security(colleague.id)).length).toBe(5);
    expect((await security(null)).length).toBe(10);
    expect(new Set([...mine, ...(await security(colleague.id))].map((row) => row.id)).size).toBe(10);
  });
});
