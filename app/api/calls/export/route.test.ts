import { parse } from "csv-parse/sync";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/db/queries/sessions";
import { setupTestDatabase, signedInUser } from "@/db/testing";
import { testAgent, testCalls } from "@/db/testing/calls";
import { CALL_EXPORT_BATCH } from "@/lib/calls/export";
import { listCallsForExport } from "@/db/queries/calls";
import { getSessionUser } from "@/lib/session";
import { GET } from "./route";

vi.mock("@/lib/session", () => ({ getSessionUser: vi.fn() }));
vi.mock("@/db/queries/calls", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/db/queries/calls")>();
  return { ...actual, listCallsForExport: vi.fn(actual.listCallsForExport) };
});

setupTestDatabase();

let owner: SessionUser;
let other: SessionUser;
let ids: string[];

beforeAll(async () => {
  [owner, other] = await Promise.all([signedInUser("customer", "export-owner"), signedInUser("customer", "export-other")]);
  owner = { ...owner, timeZone: "America/New_York", dateFormat: "dmy", timeFormat: "h12" };
  const agent = await testAgent({ name: "=Eve" });
  // More calls than one batch, so the export must read several pages and keep their order.
  const rows = Array.from({ length: CALL_EXPORT_BATCH + 5 }, (_, index) => ({
    startedAt: new Date(Date.UTC(2026, 2, 1) + index * 60_000),
    status: index % 3 === 0 ? ("missed" as const) : ("completed" as const),
    durationSeconds: index,
    cost: index * 5,
    satisfaction: index % 5 === 0 ? null : (index % 5) + 0,
    summary: index === 7 ? 'Said "hello", then, goodbye\nand a new line' : `Call number ${index}`,
    agentId: index === 7 ? agent.id : null,
  }));
  ids = await testCalls(owner.accountId!, rows);
  await testCalls(other.accountId!, [{ startedAt: new Date("2026-03-01T00:30:00Z"), status: "missed", summary: "Call number 3" }]);
});
beforeEach(() => {
  vi.mocked(getSessionUser).mockResolvedValue(owner);
});

const get = (query: string) => GET(new Request(`http://test/api/calls/export${query}`));
const records = async (response: Response) => parse(await response.text(), { columns: true }) as Record<string, string>[];

describe("GET /api/calls/export", () => {
  it("streams every call of the account as CSV, newest first, with times in the user's timezone and format", async () => {
    const response = await get("");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="calls-\d{4}-\d{2}-\d{2}\.csv"/);
    const rows = await records(response);
    expect(rows.map((row) => row.id)).toEqual([...ids].reverse());
    const first = rows.at(-1)!;
    // 1 March 2026 00:00 UTC is 19:00 the day before in New York (UTC-5): ISO for tools, the user's format for people.
    expect(first).toEqual({
      id: ids[0],
      started_at: "2026-02-28T19:00:00-05:00",
      "started (America/New_York)": "28/02/2026 7:00 PM",
      direction: "inbound",
      status: "missed",
      // Kept as text: a spreadsheet would read "+1555…" as a formula or a number.
      from_number: "+15550100",
      to_number: "+15550199",
      agent: "",
      duration_seconds: "0",
      satisfaction: "",
      cost: "0.00",
      currency: "USD",
      summary: "Call number 0",
    });
    const quoted = rows.find((row) => row.id === ids[7])!;
    expect(quoted).toMatchObject({ summary: 'Said "hello", then, goodbye\nand a new line', agent: "'=Eve", cost: "0.35", satisfaction: "2" });
  });

  it("has exactly the filtered rows in the page's order", async () => {
    const response = await get("?status=missed&q=number+1&sort=duration&order=asc&from=2026-02-28&to=2026-02-28");
    const rows = await records(response);
    // 28 February in New York ends at 05:00 UTC on 1 March: the first 300 minutes.
    const want = ids.filter((_, index) => index < 300 && index % 3 === 0 && `Call number ${index}`.includes("number 1"));
    expect(want.length).toBeGreaterThan(5);
    expect(rows.map((row) => row.id)).toEqual(want);
    expect(rows.every((row) => row.status === "missed")).toBe(true);
  });

  it("writes only the header when nothing matches", async () => {
    const response = await get("?q=no+such+call");
    expect(await response.text()).toBe("id,started_at,started (America/New_York),direction,status,from_number,to_number,agent,duration_seconds,satisfaction,cost,currency,summary\n");
  });

  it("writes the time column in the format the user chose and names their zone", async () => {
    vi.mocked(getSessionUser).mockResolvedValue({ ...owner, locale: "de", timeZone: "Asia/Kolkata", dateFormat: "mdy", timeFormat: "h24" });
    const rows = await records(await get("?sort=startedAt&order=asc"));
    // 00:00 UTC is 05:30 in Kolkata (UTC+5:30).
    expect(rows[0]).toMatchObject({ id: ids[0], started_at: "2026-03-01T05:30:00+05:30", "started (Asia/Kolkata)": "03/01/2026 05:30" });
    vi.mocked(getSessionUser).mockResolvedValue({ ...owner, locale: "de", timeZone: "Europe/Berlin", dateFormat: "locale", timeFormat: "locale" });
    expect((await records(await get("?sort=startedAt&order=asc")))[0]).toMatchObject({ "started (Europe/Berlin)": "01.03.2026, 01:00" });
  });

  it("answers 400 naming each bad filter", async () => {
    const response = await get("?status=ringing&q=ab&from=2026-02-30&agent=42");
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe("bad_request");
    expect(Object.keys(body.error.fields).sort()).toEqual(["agent", "from", "q", "status"]);
    expect((await get("?from=2026-03-05&to=2026-03-01")).status).toBe(400);
    expect((await get("?status=missed&status=failed")).status).toBe(400);
  });

  it("answers 400, not 500, to a NUL character in the search", async () => {
    const response = await get("?q=call%00number");
    expect(response.status).toBe(400);
    expect(Object.keys((await response.json()).error.fields)).toEqual(["q"]);
  });

  it("answers an error, not an empty file, when the first batch cannot be read", async () => {
    vi.mocked(listCallsForExport).mockRejectedValueOnce(new Error("connection lost"));
    await expect(get("")).rejects.toThrow("connection lost");
  });

  it("fails the download when a later batch cannot be read", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const actual = vi.mocked(listCallsForExport).getMockImplementation()!;
    vi.mocked(listCallsForExport).mockImplementationOnce(actual).mockRejectedValueOnce(new Error("connection lost"));
    const response = await get("");
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    expect(error).toHaveBeenCalledWith(expect.stringContaining("connection lost"));
    error.mockRestore();
  });

  it("exports another account's member only their own calls, and refuses the signed-out", async () => {
    vi.mocked(getSessionUser).mockResolvedValue(other);
    const rows = await records(await get(""));
    expect(rows).toHaveLength(1);
    expect(ids).not.toContain(rows[0]!.id);
    vi.mocked(getSessionUser).mockResolvedValue(null);
    expect((await get("")).status).toBe(401);
  });
});
