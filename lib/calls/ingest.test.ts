import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { and, count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/platform/calls/route";
import { callHourlyStats, callPreferences, callRequests, calls, notifications, storedFiles, users } from "@/db/schema";
import { setupTestDatabase, signedInUser } from "@/db/testing";
import { testPlan } from "@/db/testing/billing";
import { callReport, testPlatformKey, wavBytes } from "@/db/testing/call-platform";
import { testAgent } from "@/db/testing/calls";
import { testSubscription } from "@/db/testing/subscriptions";
import { setStorage } from "@/lib/storage";
import { localDiskStorage } from "@/lib/storage/local";

const db = setupTestDatabase();
let root: string;
let key: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "clientdesk-ingest-"));
  setStorage(localDiskStorage(root));
  key = await testPlatformKey();
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function postJson(body: unknown, authorization = `Bearer ${key}`): Promise<Response> {
  return POST(new Request("http://localhost/api/platform/calls", { method: "POST", headers: { authorization, "content-type": "application/json" }, body: JSON.stringify(body) }), undefined);
}

function postWithRecording(report: unknown, recording: Uint8Array<ArrayBuffer>, fileName = "call.wav"): Promise<Response> {
  const form = new FormData();
  form.set("call", JSON.stringify(report));
  form.set("recording", new File([recording], fileName, { type: "audio/wav" }));
  return POST(new Request("http://localhost/api/platform/calls", { method: "POST", headers: { authorization: `Bearer ${key}` }, body: form }), undefined);
}

async function callsOf(accountId: string) {
  return db().select({ id: calls.id, recordingFileId: calls.recordingFileId, callRequestId: calls.callRequestId }).from(calls).where(eq(calls.accountId, accountId));
}

async function statsOf(accountId: string) {
  return db().select({ calls: callHourlyStats.calls, billedMinutes: callHourlyStats.billedMinutes, satisfactionSum: callHourlyStats.satisfactionSum }).from(callHourlyStats).where(eq(callHourlyStats.accountId, accountId));
}

async function notificationsOf(userIds: string[], type: string) {
  return db().select({ userId: notifications.userId, params: notifications.params, link: notifications.link }).from(notifications).where(and(inArray(notifications.userId, userIds), eq(notifications.type, type)));
}

async function storedFileCount(accountId: string): Promise<number> {
  const [row] = await db().select({ n: count() }).from(storedFiles).where(eq(storedFiles.accountId, accountId));
  return row!.n;
}

describe("ingesting a reported call", () => {
  it("stores the call with its statistics once: a repeat answers 200 with the same call", async () => {
    const customer = await signedInUser("customer", "ingest");
    const agent = await testAgent();
    const report = callReport(customer.accountId!, { agentId: agent.id });
    const first = await postJson(report);
    expect(first.status).toBe(201);
    const { call } = await first.json();
    expect(call).toMatchObject({ accountId: customer.accountId, agentId: agent.id, fromNumber: "+49301234567", currency: "eur", durationSeconds: 125, satisfaction: 4 });

    const repeat = await postJson({ ...report, durationSeconds: 999 });
    expect(repeat.status).toBe(200);
    expect((await repeat.json()).call.id).toBe(call.id);
    expect(await callsOf(customer.accountId!)).toHaveLength(1);
    expect(await statsOf(customer.accountId!)).toEqual([{ calls: 1, billedMinutes: 3, satisfactionSum: 4 }]);
  });

  it("writes one call when the same report arrives several times at once", async () => {
    const customer = await signedInUser("customer", "ingest-race");
    const report = callReport(customer.accountId!);
    const responses = await Promise.all([postJson(report), postJson(report), postJson(report)]);
    expect(responses.map((response) => response.status).sort()).toEqual([200, 200, 201]);
    const ids = new Set(await Promise.all(responses.map(async (response) => (await response.json()).call.id)));
    expect(ids.size).toBe(1);
    expect(await callsOf(customer.accountId!)).toHaveLength(1);
    expect(await statsOf(customer.accountId!)).toEqual([{ calls: 1, billedMinutes: 3, satisfactionSum: 4 }]);
  });

  it("tells the account's members through the usage alerts when the period's minutes reach the plan's", async () => {
    const customer = await signedInUser("customer", "ingest-usage");
    const plan = await testPlan({ name: "Tiny", includedMinutes: 10 });
    await testSubscription({ accountId: customer.accountId!, planId: plan.id });
    const response = await postJson(callReport(customer.accountId!, { startedAt: new Date(Date.now() - 60_000).toISOString(), durationSeconds: 9 * 60 }));
    expect(response.status).toBe(201);
    expect(await notificationsOf([customer.id], "usage.warning")).toHaveLength(1);
  });

  it("tells every active staff user about a call rated 2 or lower, and nobody about a better one", async () => {
    const customer = await signedInUser("customer", "ingest-low");
    const staff = await signedInUser("admin", "ingest-staff");
    await postJson(callReport(customer.accountId!, { satisfaction: 3 }));
    expect(await notificationsOf([staff.id], "staff.lowSatisfactionCall")).toEqual([]);
    await postJson(callReport(customer.accountId!, { satisfaction: 2, summary: "Caller was unhappy." }));
    const [told] = await notificationsOf([staff.id], "staff.lowSatisfactionCall");
    expect(told?.params).toMatchObject({ score: 2, summary: "Caller was unhappy." });
    const everyStaff = await db().select({ id: users.id }).from(users).where(and(eq(users.role, "admin"), eq(users.status, "active")));
    const [row] = await db().select({ n: count() }).from(notifications).where(and(eq(notifications.type, "staff.lowSatisfactionCall"), inArray(notifications.userId, everyStaff.map((user) => user.id))));
    expect(row!.n).toBeGreaterThanOrEqual(everyStaff.length);
  });

  it("completes the call request it fulfils and tells whoever asked, with a link to the call", async () => {
    const customer = await signedInUser("customer", "ingest-request");
    const [request] = await db().insert(callRequests).values({ accountId: customer.accountId!, requestedById: customer.id, toNumber: "+4930765432", status: "claimed" }).returning();
    const response = await postJson(callReport(customer.accountId!, { callRequestId: request!.id }));
    expect(response.status).toBe(201);
    const { call } = await response.json();
    const [after] = await db().select({ status: callRequests.status, completedAt: callRequests.completedAt }).from(callRequests).where(eq(callRequests.id, request!.id));
    expect(after!.status).toBe("completed");
    expect(after!.completedAt).not.toBeNull();
    expect(await notificationsOf([customer.id], "callRequest.completed")).toEqual([{ userId: customer.id, params: { number: "+4930765432" }, link: `/dashboard/calls/${call.id}` }]);
  });

  it("refuses a call request of another account, or one already completed, and writes nothing", async () => {
    const customer = await signedInUser("customer", "ingest-foreign");
    const other = await signedInUser("customer", "ingest-other");
    const [foreign] = await db().insert(callRequests).values({ accountId: other.accountId!, toNumber: "+4930765432", status: "claimed" }).returning();
    const [done] = await db().insert(callRequests).values({ accountId: customer.accountId!, toNumber: "+4930765432", status: "completed" }).returning();
    for (const requestId of [foreign!.id, done!.id]) {
      const response = await postJson(callReport(customer.accountId!, { callRequestId: requestId }));
      expect(response.status).toBe(422);
      expect((await response.json()).error.fields).toHaveProperty("callRequestId");
    }
    expect(await callsOf(customer.accountId!)).toEqual([]);
    const [foreignAfter] = await db().select({ status: callRequests.status }).from(callRequests).where(eq(callRequests.id, foreign!.id));
    expect(foreignAfter!.status).toBe("claimed");
  });

  it("answers 422 with the field for an unknown account or agent, and 400 with every bad field", async () => {
    const customer = await signedInUser("customer", "ingest-bad");
    const unknownAccount = await postJson(callReport(crypto.randomUUID()));
    expect(unknownAccount.status).toBe(422);
    expect((await unknownAccount.json()).error.fields).toEqual({ accountId: expect.stringContaining("no customer account") });
    const unknownAgent = await postJson(callReport(customer.accountId!, { agentId: crypto.randomUUID() }));
    expect(unknownAgent.status).toBe(422);
    expect(Object.keys((await unknownAgent.json()).error.fields)).toEqual(["agentId"]);

    const bad = await postJson(callReport(customer.accountId!, { direction: "sideways", fromNumber: "call me", startedAt: "yesterday", satisfaction: 9, durationSeconds: -1, currency: "xyz", platformCallId: "" }));
    expect(bad.status).toBe(400);
    const { error } = await bad.json();
    expect(error.code).toBe("bad_request");
    expect(Object.keys(error.fields).sort()).toEqual(["currency", "direction", "durationSeconds", "fromNumber", "platformCallId", "satisfaction", "startedAt"]);
    expect((await postJson([])).status).toBe(400);
    const nul = await postJson(callReport(customer.accountId!, { summary: "before\u0000after" }));
    expect(nul.status).toBe(400);
    expect(Object.keys((await nul.json()).error.fields)).toEqual(["summary"]);
    const notJson = await POST(new Request("http://localhost/api/platform/calls", { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: "{" }), undefined);
    expect(notJson.status).toBe(400);
    const wrongType = await POST(new Request("http://localhost/api/platform/calls", { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "text/plain" }, body: "hi" }), undefined);
    expect(wrongType.status).toBe(415);
    expect(await callsOf(customer.accountId!)).toEqual([]);
  });
});

describe("a call's recording", () => {
  it("is refused without the account's consent: 422 on `recording`, no call and no file written", async () => {
    const customer = await signedInUser("customer", "recording-no");
    const before = (await readdir(root)).length;
    const response = await postWithRecording(callReport(customer.accountId!), wavBytes());
    expect(response.status).toBe(422);
    expect((await response.json()).error.fields).toEqual({ recording: expect.stringContaining("not consented") });
    expect(await callsOf(customer.accountId!)).toEqual([]);
    expect(await storedFileCount(customer.accountId!)).toBe(0);
    expect((await readdir(root)).length).toBe(before);
  });

  it("is stored as the account's call recording with consent, its type decided by content", async () => {
    const customer = await signedInUser("customer", "recording-yes");
    await db().insert(callPreferences).values({ accountId: customer.accountId!, recordingConsent: true });
    const response = await postWithRecording(callReport(customer.accountId!), wavBytes());
    expect(response.status).toBe(201);
    const [call] = await callsOf(customer.accountId!);
    const [file] = await db().select().from(storedFiles).where(eq(storedFiles.id, call!.recordingFileId!));
    expect(file).toMatchObject({ purpose: "call_recording", accountId: customer.accountId, contentType: "audio/wav", sizeBytes: wavBytes().byteLength });
  });

  it("refuses a text file named .wav with 415, and writes nothing", async () => {
    const customer = await signedInUser("customer", "recording-text");
    await db().insert(callPreferences).values({ accountId: customer.accountId!, recordingConsent: true });
    const response = await postWithRecording(callReport(customer.accountId!), new TextEncoder().encode("this is not audio at all, just text"), "call.wav");
    expect(response.status).toBe(415);
    expect((await response.json()).error.fields).toHaveProperty("recording");
    expect(await callsOf(customer.accountId!)).toEqual([]);
    expect(await storedFileCount(customer.accountId!)).toBe(0);
  });

  it("leaves no bytes behind when the call is refused after the upload", async () => {
    const customer = await signedInUser("customer", "recording-rollback");
    await db().insert(callPreferences).values({ accountId: customer.accountId!, recordingConsent: true });
    const before = (await readdir(root)).length;
    const response = await postWithRecording(callReport(customer.accountId!, { agentId: crypto.randomUUID() }), wavBytes());
    expect(response.status).toBe(422);
    expect(await storedFileCount(customer.accountId!)).toBe(0);
    expect((await readdir(root)).length).toBe(before);
  });
});
