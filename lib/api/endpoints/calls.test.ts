import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getRecording } from "@/app/api/v1/calls/[id]/recording/route";
import { GET as getCall } from "@/app/api/v1/calls/[id]/route";
import { POST as cancelRequest } from "@/app/api/v1/calls/requests/[id]/cancel/route";
import { GET as listRequests, POST as createRequest } from "@/app/api/v1/calls/requests/route";
import { GET as listCalls } from "@/app/api/v1/calls/route";
import { GET as getStats } from "@/app/api/v1/calls/stats/route";
import { getCallStatistics, listCallsForAccount } from "@/db/queries/calls";
import type { NewCall } from "@/db/queries/call-writes";
import type { SessionUser } from "@/db/queries/sessions";
import { callRequests, storedFiles, userSettings } from "@/db/schema";
import { setupTestDatabase, signedInUser } from "@/db/testing";
import { callApi, testApiToken } from "@/db/testing/api";
import { wavBytes } from "@/db/testing/call-platform";
import { testAgent, testAssignment, testCalls } from "@/db/testing/calls";
import { callListQueryOf } from "@/lib/calls/history";
import { CALL_RECORDING_MAX_BYTES, callDirections, callStatuses, recordingTypes } from "@/lib/constants";
import { setStorage, storeFile } from "@/lib/storage";
import { localDiskStorage } from "@/lib/storage/local";
import { parseCallHistoryParams } from "@/lib/validations/call-history";
import { callEndpoints } from "./calls";

const db = setupTestDatabase();
const ZONE = "America/New_York";
// Times around New York's day boundaries (05:00 UTC in winter) and its switch to summer time on 8 March 2026.
const times = ["2026-03-07T04:59:59Z", "2026-03-07T05:00:00Z", "2026-03-08T12:00:00Z", "2026-03-09T04:30:00Z", "2026-03-10T03:59:59Z", "2026-03-10T04:00:00Z"];
const summaries = [null, "Order status", "Discount granted", "Order_status question"];

let root: string;
let owner: SessionUser;
let stranger: SessionUser;
let agentIds: string[];
let callIds: string[];
let strangerCallId: string;
let recordedId: string;
let audio: Buffer;
let readToken: string;
let writeToken: string;
let strangerToken: string;

const later = () => new Date(Date.now() + 3_600_000).toISOString();

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "clientdesk-api-calls-"));
  setStorage(localDiskStorage(root));
  [owner, stranger] = await Promise.all([signedInUser("customer", "api-calls-owner"), signedInUser("customer", "api-calls-stranger")]);
  await db().insert(userSettings).values({ userId: owner.id, timeZone: ZONE }).onConflictDoUpdate({ target: userSettings.userId, set: { timeZone: ZONE } });
  owner = { ...owner, timeZone: ZONE };
  const agents = await Promise.all([testAgent({ name: "Ada" }), testAgent({ name: "Bob" })]);
  agentIds = agents.map((agent) => agent.id);
  await testAssignment(owner.accountId!, agentIds[0]!);

  audio = Buffer.from(wavBytes());
  const stored = await storeFile(audio, { allowedTypes: recordingTypes, maxBytes: CALL_RECORDING_MAX_BYTES });
  const [file] = await db()
    .insert(storedFiles)
    .values({ ...stored, purpose: "call_recording", fileName: "call.wav", accountId: owner.accountId })
    .returning();

  const rows: Partial<NewCall>[] = Array.from({ length: 60 }, (_, index) => ({
    status: callStatuses[index % callStatuses.length]!,
    direction: callDirections[(index >> 2) % callDirections.length]!,
    agentId: [agentIds[0]!, agentIds[1]!, null][index % 3]!,
    startedAt: new Date(times[(index * 7) % times.length]!),
    durationSeconds: (index % 5) * 30,
    satisfaction: [null, 1, 3, 5][index % 4]!,
    summary: summaries[index % summaries.length]!,
    transcript: index === 0 ? "Agent: Hello.\nCaller: Hi." : null,
    fromNumber: `+4930${String(index).padStart(5, "0")}`,
    recordingFileId: index === 0 ? file!.id : null,
  }));
  callIds = await testCalls(owner.accountId!, rows);
  recordedId = callIds[0]!;
  strangerCallId = (await testCalls(stranger.accountId!, [{ summary: "Order status" }]))[0]!;
  [readToken, writeToken, strangerToken] = await Promise.all([testApiToken(owner, ["calls:read"]), testApiToken(owner, ["calls:write"]), testApiToken(stranger, ["calls:write"])]);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Every page of the API's list for `query`, walked with `limit` per page. */
async function walkApi(query: Record<string, string>, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const { status, json } = await callApi(listCalls, callEndpoints.list, { token: readToken, query: { ...query, limit: String(limit), ...(cursor ? { cursor } : {}) } });
    expect(status).toBe(200);
    expect(json.data.length).toBeLessThanOrEqual(limit);
    ids.push(...json.data.map((call: { id: string }) => call.id));
    cursor = json.nextCursor;
    if (!cursor) return ids;
  }
  throw new Error("The pages never ended.");
}

/** Every page of the page's own query for the same URL parameters. */
async function walkPage(raw: Record<string, string>): Promise<string[]> {
  const { params, errors } = parseCallHistoryParams(raw);
  expect(errors).toEqual({});
  const ids: string[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await listCallsForAccount(owner.accountId!, { ...callListQueryOf(params, owner.timeZone), cursor });
    ids.push(...page.rows.map((row) => row.id));
    if (!page.next) return ids;
    cursor = page.next;
  }
}

describe("GET /api/v1/calls", () => {
  it("answers each filter and sort of the Calls page exactly as the page's query does, page after page without duplicates", async () => {
    const cases: Record<string, string>[] = [
      {},
      { status: "missed" },
      { direction: "outbound" },
      { agent: agentIds[1]! },
      { from: "2026-03-07", to: "2026-03-08" },
      { from: "2026-03-09" },
      { to: "2026-03-06" },
      { q: "order" },
      { q: "Order_st" },
      { q: "+493000012" },
      { status: "completed", direction: "inbound", agent: agentIds[0]!, from: "2026-03-07", to: "2026-03-10" },
      { sort: "duration", order: "asc" },
      { sort: "satisfaction" },
      { sort: "startedAt", order: "asc", status: "voicemail" },
    ];
    for (const query of cases) {
      const expected = await walkPage(query);
      const pages = await walkApi(query, 7);
      expect(pages, JSON.stringify(query)).toEqual(expected);
      expect(new Set(pages).size).toBe(pages.length);
      expect(pages).not.toContain(strangerCallId);
    }
    expect(await walkApi({}, 100)).toHaveLength(callIds.length);
  });

  it("gives the page's first page by default, with the call's facts", async () => {
    const { json } = await callApi(listCalls, callEndpoints.list, { token: readToken });
    const page = await listCallsForAccount(owner.accountId!, callListQueryOf(parseCallHistoryParams({}).params, ZONE));
    expect(json.data.map((call: { id: string }) => call.id)).toEqual(page.rows.map((row) => row.id));
    expect(json.nextCursor).toBe(page.next);
    const { json: all } = await callApi(listCalls, callEndpoints.list, { token: readToken, query: { limit: "100" } });
    expect(all.data.find((call: { id: string }) => call.id === recordedId)).toEqual({
      id: recordedId,
      startedAt: "2026-03-07T04:59:59.000Z",
      direction: "inbound",
      status: "completed",
      fromNumber: "+493000000",
      toNumber: "+15550199",
      durationSeconds: 0,
      satisfaction: null,
      cost: { amount: 0, currency: "usd" },
      agent: { id: agentIds[0], name: "Ada" },
      hasRecording: true,
    });
  });

  it("reads from and to as days in the user's timezone", async () => {
    const { json } = await callApi(listCalls, callEndpoints.list, { token: readToken, query: { from: "2026-03-07", to: "2026-03-07", limit: "100" } });
    const starts = new Set(json.data.map((call: { startedAt: string }) => call.startedAt));
    // 7 March in New York runs from 05:00 UTC to 05:00 UTC the next day.
    expect([...starts]).toEqual(["2026-03-07T05:00:00.000Z"]);
  });

  it("refuses bad filters with 400 and the page's reason for each field", async () => {
    const raw = { status: "ringing", direction: "sideways", agent: "nobody", from: "2026-13-45", q: "ab", sort: "cost", order: "up" };
    const { status, json } = await callApi(listCalls, callEndpoints.list, { token: readToken, query: { ...raw, limit: "1000" } });
    expect(status).toBe(400);
    expect(json.error.code).toBe("bad_request");
    expect(json.error.fields).toMatchObject(parseCallHistoryParams(raw).errors);
    expect(Object.keys(json.error.fields).sort()).toEqual(["agent", "direction", "from", "limit", "order", "q", "sort", "status"]);

    const range = await callApi(listCalls, callEndpoints.list, { token: readToken, query: { from: "2026-03-09", to: "2026-03-08" } });
    expect(range.status).toBe(400);
    expect(range.json.error.fields).toEqual(parseCallHistoryParams({ from: "2026-03-09", to: "2026-03-08" }).errors);
    const twice = await callApi(listCalls, callEndpoints.list, { token: readToken, query: { status: ["missed", "failed"] } });
    expect(twice.status).toBe(400);
    expect(Object.keys(twice.json.error.fields)).toEqual(["status"]);
  });

  it("refuses a tampered cursor, or one of another sort, with 400 on `cursor` instead of starting over", async () => {
    const first = await callApi(listCalls, callEndpoints.list, { token: readToken, query: { limit: "5" } });
    const queries: Record<string, string>[] = [{ limit: "5", cursor: "bm9uc2Vuc2U" }, { limit: "5", cursor: first.json.nextCursor, sort: "duration" }];
    for (const query of queries) {
      const refused = await callApi(listCalls, callEndpoints.list, { token: readToken, query });
      expect(refused.status).toBe(400);
      expect(Object.keys(refused.json.error.fields)).toEqual(["cursor"]);
    }
  });

  it("needs the calls:read scope: another area's token gets 403 insufficient_scope", async () => {
    const token = await testApiToken(owner, ["projects:read", "invoices:write"]);
    for (const [route, endpoint, params] of [
      [listCalls, callEndpoints.list, {}],
      [getStats, callEndpoints.stats, {}],
      [getCall, callEndpoints.get, { id: recordedId }],
      [getRecording, callEndpoints.recording, { id: recordedId }],
      [listRequests, callEndpoints.listRequests, {}],
    ] as const) {
      const { status, json } = await callApi(route, endpoint, { token, params });
      expect(status, endpoint.operationId).toBe(403);
      expect(json.error.code).toBe("insufficient_scope");
    }
    // Write includes read.
    expect((await callApi(listCalls, callEndpoints.list, { token: writeToken })).status).toBe(200);
  });
});

describe("GET /api/v1/calls/{id}", () => {
  it("shows the call as its page does: summary, transcript, agent and the recording's details and URL", async () => {
    const { status, json, response } = await callApi(getCall, callEndpoints.get, { token: readToken, params: { id: recordedId } });
    expect(status).toBe(200);
    expect(json).toMatchObject({
      id: recordedId,
      summary: null,
      transcript: "Agent: Hello.\nCaller: Hi.",
      agent: { id: agentIds[0], name: "Ada", kind: "human" },
      recording: { contentType: "audio/wav", sizeBytes: audio.length, fileName: "call.wav", url: `/api/v1/calls/${recordedId}/recording` },
    });
    expect(JSON.stringify(json)).not.toMatch(/storageKey|accountId/);
    const etag = response.headers.get("etag")!;
    expect((await callApi(getCall, callEndpoints.get, { token: readToken, params: { id: recordedId }, headers: { "if-none-match": etag } })).status).toBe(304);
    const unrecorded = await callApi(getCall, callEndpoints.get, { token: readToken, params: { id: callIds[1]! } });
    expect(unrecorded.json.recording).toBeNull();
  });

  it("answers another account's call, an unknown and a malformed id with the same 404 and no data", async () => {
    for (const id of [strangerCallId, "7f1c2b4e-0000-4000-8000-000000000000", "not-a-uuid", "1 or 1=1"]) {
      const { status, json } = await callApi(getCall, callEndpoints.get, { token: readToken, params: { id } });
      expect(status).toBe(404);
      expect(json).toEqual({ error: { code: "not_found", message: "There is no such call.", fields: {} } });
    }
  });
});

describe("GET /api/v1/calls/{id}/recording", () => {
  const play = (id: string, headers: Record<string, string> = {}, token = readToken) => callApi(getRecording, callEndpoints.recording, { token, params: { id }, headers });
  const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer());

  it("streams the whole recording, and a range as 206 with Content-Range", async () => {
    const whole = await play(recordedId);
    expect(whole.status).toBe(200);
    expect(whole.response.headers.get("content-type")).toBe("audio/wav");
    expect(whole.response.headers.get("accept-ranges")).toBe("bytes");
    expect(whole.response.headers.get("ratelimit-limit")).not.toBeNull();
    expect((await bytes(whole.response)).equals(audio)).toBe(true);

    const part = await play(recordedId, { range: "bytes=10-109" });
    expect(part.status).toBe(206);
    expect(part.response.headers.get("content-range")).toBe(`bytes 10-109/${audio.length}`);
    expect((await bytes(part.response)).equals(audio.subarray(10, 110))).toBe(true);
    const suffix = await play(recordedId, { range: "bytes=-50" });
    expect(suffix.status).toBe(206);
    expect((await bytes(suffix.response)).equals(audio.subarray(audio.length - 50))).toBe(true);
  });

  it("answers a range past the end with 416 and the error object", async () => {
    const { status, json, response } = await play(recordedId, { range: `bytes=${audio.length}-` });
    expect(status).toBe(416);
    expect(response.headers.get("content-range")).toBe(`bytes */${audio.length}`);
    expect(json.error.code).toBe("range_not_satisfiable");
  });

  it("gives another account's token a 404 and no bytes, with or without a range, and 404 for a call without a recording", async () => {
    for (const headers of [{}, { range: "bytes=0-99" }] as Record<string, string>[]) {
      const { status, response, json } = await play(recordedId, headers, strangerToken);
      expect(status).toBe(404);
      expect(json.error.code).toBe("not_found");
      expect(response.headers.get("content-range")).toBeNull();
    }
    expect((await play(callIds[1]!)).status).toBe(404);
    expect((await play("not-a-uuid")).status).toBe(404);
  });
});

describe("GET /api/v1/calls/stats", () => {
  it("gives the statistics the Calls page shows, in the user's timezone", async () => {
    const { status, json } = await callApi(getStats, callEndpoints.stats, { token: readToken });
    expect(status).toBe(200);
    expect(json).toEqual(JSON.parse(JSON.stringify(await getCallStatistics(owner.accountId!, ZONE))));
    expect(json.total).toBe(callIds.length);
  });
});

describe("call requests through the API", () => {
  it("creates a request with 201, once per Idempotency-Key, and refuses the key for another body with 422", async () => {
    const body = { toNumber: "+49 30 123456", agentId: agentIds[0], scheduledFor: later(), notes: " Ask about the quote " };
    const headers = { "idempotency-key": "req-1" };
    const first = await callApi(createRequest, callEndpoints.createRequest, { token: writeToken, body, headers });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ toNumber: "+4930123456", agentName: "Ada", notes: "Ask about the quote", status: "pending", requestedBy: owner.name, callId: null });
    const again = await callApi(createRequest, callEndpoints.createRequest, { token: writeToken, body, headers });
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(again.response.headers.get("idempotent-replayed")).toBe("true");
    const rows = await db().select().from(callRequests).where(eq(callRequests.accountId, owner.accountId!));
    expect(rows.filter((row) => row.toNumber === "+4930123456")).toHaveLength(1);

    const other = await callApi(createRequest, callEndpoints.createRequest, { token: writeToken, body: { ...body, notes: "Something else" }, headers });
    expect(other.status).toBe(422);
    expect(other.json.error.code).toBe("idempotency_key_reused");
  });

  it("refuses bad input with 400 and fields, with the form's messages, and creates nothing", async () => {
    const before = await db().select().from(callRequests).where(eq(callRequests.accountId, owner.accountId!));
    const bad = await callApi(createRequest, callEndpoints.createRequest, { token: writeToken, body: { toNumber: "12", agentId: "x", scheduledFor: "tomorrow", notes: "n".repeat(1001) } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields).toEqual({
      toNumber: "Enter the number with its country code: + and 7 to 15 digits.",
      agentId: "Choose one of your agents.",
      scheduledFor: expect.any(String),
      notes: "Use at most 1,000 characters.",
    });
    const unassigned = await callApi(createRequest, callEndpoints.createRequest, { token: writeToken, body: { toNumber: "+4930123456", agentId: agentIds[1] } });
    expect(unassigned.status).toBe(400);
    expect(unassigned.json.error.fields).toEqual({ agentId: "Choose one of your agents." });
    const past = await callApi(createRequest, callEndpoints.createRequest, { token: writeToken, body: { toNumber: "+4930123456", scheduledFor: "2020-01-01T10:00:00+01:00" } });
    expect(past.status).toBe(400);
    expect(past.json.error.fields).toEqual({ scheduledFor: "Choose a time in the future, or leave it empty." });
    expect(await db().select().from(callRequests).where(eq(callRequests.accountId, owner.accountId!))).toHaveLength(before.length);
  });

  it("needs calls:write to request or cancel: a read token gets 403", async () => {
    const created = await callApi(createRequest, callEndpoints.createRequest, { token: readToken, body: { toNumber: "+4930123456" } });
    expect(created.status).toBe(403);
    expect(created.json.error.code).toBe("insufficient_scope");
    const cancelled = await callApi(cancelRequest, callEndpoints.cancelRequest, { token: readToken, params: { id: strangerCallId } });
    expect(cancelled.status).toBe(403);
  });

  it("lists the account's requests newest first in pages that concatenate to the page's list", async () => {
    for (const toNumber of ["+4930200001", "+4930200002", "+4930200003"]) {
      expect((await callApi(createRequest, callEndpoints.createRequest, { token: writeToken, body: { toNumber, scheduledFor: later() } })).status).toBe(201);
    }
    await callApi(createRequest, callEndpoints.createRequest, { token: strangerToken, body: { toNumber: "+4930999999", scheduledFor: later() } });
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const { status, json }: { status: number; json: { data: { id: string }[]; nextCursor: string | null } } = await callApi(listRequests, callEndpoints.listRequests, { token: readToken, query: { limit: "2", ...(cursor ? { cursor } : {}) } });
      expect(status).toBe(200);
      ids.push(...json.data.map((request) => request.id));
      cursor = json.nextCursor;
    } while (cursor);
    const { listCallRequests } = await import("@/db/queries/call-requests");
    expect(ids).toEqual((await listCallRequests(owner.accountId!)).map((request) => request.id));
    expect(ids.length).toBeGreaterThanOrEqual(4);
  });

  it("cancels a pending request once; another account's request is a 404 and stays pending", async () => {
    const mine = await callApi(createRequest, callEndpoints.createRequest, { token: writeToken, body: { toNumber: "+4930300001", scheduledFor: later() } });
    const theirs = await callApi(createRequest, callEndpoints.createRequest, { token: strangerToken, body: { toNumber: "+4930300002", scheduledFor: later() } });
    const cancel = (id: string, token = writeToken) => callApi(cancelRequest, callEndpoints.cancelRequest, { token, params: { id } });

    const done = await cancel(mine.json.id);
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ id: mine.json.id, status: "cancelled" });
    expect((await cancel(mine.json.id)).status).toBe(404);

    for (const id of [theirs.json.id, "not-a-uuid"]) {
      const { status, json } = await cancel(id);
      expect(status).toBe(404);
      expect(json.error.code).toBe("not_found");
    }
    const [row] = await db().select({ status: callRequests.status }).from(callRequests).where(eq(callRequests.id, theirs.json.id));
    expect(row!.status).toBe("pending");
  });
});
