import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { and, eq, getTableColumns, isNotNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentAssignments, agentRequests, callHourlyStats, callPreferences, callRequests, calls, storedFiles } from "@/db/schema";
import { setupTestDatabase, signedInUser } from "@/db/testing";
import { agentRequestStatuses, callStatuses } from "@/lib/constants";
import { setStorage, storage } from "@/lib/storage";
import { localDiskStorage } from "@/lib/storage/local";
import { DEMO_RECORDING_SECONDS, seedDemoCalls, WAV_SAMPLE_RATE } from "./seed-calls";

const db = setupTestDatabase();
let root: string;
let accountId: string;
let otherAccountId: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "clientdesk-seed-calls-"));
  setStorage(localDiskStorage(root));
  const [customer, other, staff] = [await signedInUser("customer"), await signedInUser("customer"), await signedInUser("admin")];
  accountId = customer.accountId!;
  otherAccountId = other.accountId!;
  for (let run = 0; run < 2; run++) await seedDemoCalls({ accountId, customerId: customer.id, staffId: staff.id, otherAccountId, otherCustomerId: other.id }, db());
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** What `call_hourly_stats` must hold for an account: the plain aggregate of its calls. */
async function statsFromCalls(account: string) {
  const hour = sql`date_trunc('hour', ${calls.startedAt}, 'UTC')`;
  return db()
    .select({
      agentId: calls.agentId,
      hour: sql<string>`${hour}::text`,
      calls: sql<number>`count(*)::int`,
      completed: sql<number>`(count(*) filter (where ${calls.status} = 'completed'))::int`,
      totalSeconds: sql<number>`sum(${calls.durationSeconds})::int`,
      completedSeconds: sql<number>`coalesce(sum(${calls.durationSeconds}) filter (where ${calls.status} = 'completed'), 0)::int`,
      billedMinutes: sql<number>`sum(ceil(${calls.durationSeconds} / 60.0))::int`,
      ratedCalls: sql<number>`count(${calls.satisfaction})::int`,
      satisfactionSum: sql<number>`coalesce(sum(${calls.satisfaction}), 0)::int`,
    })
    .from(calls)
    .where(eq(calls.accountId, account))
    .groupBy(calls.agentId, hour)
    .orderBy(hour, calls.agentId);
}

async function storedStats(account: string) {
  const { accountId: _account, hour, ...columns } = getTableColumns(callHourlyStats);
  return db()
    .select({ ...columns, hour: sql<string>`${hour}::text` })
    .from(callHourlyStats)
    .where(eq(callHourlyStats.accountId, account))
    .orderBy(hour, callHourlyStats.agentId);
}

describe("the demo calls", () => {
  it("give the demo customer about 3,000 calls of every kind over 120 days, once however often the seed runs", async () => {
    const rows = await db()
      .select({ status: calls.status, direction: calls.direction, agentId: calls.agentId, startedAt: calls.startedAt, satisfaction: calls.satisfaction, transcript: calls.transcript, cost: calls.cost, callRequestId: calls.callRequestId })
      .from(calls)
      .where(eq(calls.accountId, accountId));
    expect(rows).toHaveLength(3001);
    expect(new Set(rows.map((row) => row.status))).toEqual(new Set(callStatuses));
    expect(new Set(rows.map((row) => row.direction))).toEqual(new Set(["inbound", "outbound"]));
    expect(new Set(rows.map((row) => row.agentId)).size).toBe(4); // three agents and none (missed calls)
    const days = rows.map((row) => (Date.now() - row.startedAt.getTime()) / 86_400_000);
    expect(Math.max(...days)).toBeLessThan(121);
    expect(Math.min(...days)).toBeGreaterThan(0);
    expect(rows.filter((row) => row.satisfaction !== null).length / rows.length).toBeGreaterThan(0.5);
    expect(rows.filter((row) => row.transcript).length).toBeGreaterThan(100);
    expect(rows.filter((row) => row.status === "completed").every((row) => row.cost > 0)).toBe(true);
    expect(rows.filter((row) => row.callRequestId)).toHaveLength(1);
    expect(await db().select({ id: calls.id }).from(calls).where(eq(calls.accountId, otherAccountId))).not.toHaveLength(0);
  });

  it("keep the hourly statistics equal to the calls", async () => {
    for (const account of [accountId, otherAccountId]) {
      const expected = await statsFromCalls(account);
      expect(expected.length).toBeGreaterThan(0);
      expect(await storedStats(account)).toEqual(expected);
    }
  });

  it("give the demo customer a primary and a backup agent, one who left, requests in every state, two call requests and recording consent", async () => {
    const assignments = await db().select({ role: agentAssignments.role, endsOn: agentAssignments.endsOn }).from(agentAssignments).where(eq(agentAssignments.accountId, accountId));
    expect(assignments.filter((row) => row.endsOn === null).map((row) => row.role).sort()).toEqual(["backup", "primary"]);
    expect(assignments.filter((row) => row.endsOn !== null)).toHaveLength(1);
    const requests = await db().select({ status: agentRequests.status, declineReason: agentRequests.declineReason, assignmentId: agentRequests.assignmentId }).from(agentRequests).where(eq(agentRequests.accountId, accountId));
    expect(new Set(requests.map((row) => row.status))).toEqual(new Set(agentRequestStatuses));
    expect(requests.find((row) => row.status === "declined")?.declineReason).toBeTruthy();
    expect(requests.find((row) => row.status === "approved")?.assignmentId).toBeTruthy();
    const callRequestRows = await db().select({ status: callRequests.status }).from(callRequests).where(eq(callRequests.accountId, accountId));
    expect(callRequestRows.map((row) => row.status).sort()).toEqual(["completed", "pending"]);
    const [preferences] = await db().select({ recordingConsent: callPreferences.recordingConsent }).from(callPreferences).where(eq(callPreferences.accountId, accountId));
    expect(preferences?.recordingConsent).toBe(true);
  });

  it("store real 8 kHz mono WAV recordings of the account, as long as their calls", async () => {
    const recordings = await db()
      .select({ durationSeconds: calls.durationSeconds, storageKey: storedFiles.storageKey, sizeBytes: storedFiles.sizeBytes, contentType: storedFiles.contentType, purpose: storedFiles.purpose, fileAccountId: storedFiles.accountId })
      .from(calls)
      .innerJoin(storedFiles, eq(storedFiles.id, calls.recordingFileId))
      .where(and(eq(calls.accountId, accountId), isNotNull(calls.recordingFileId)));
    expect(recordings.map((row) => row.durationSeconds).sort()).toEqual([...DEMO_RECORDING_SECONDS].sort());
    for (const recording of recordings) {
      expect(recording).toMatchObject({ contentType: "audio/wav", purpose: "call_recording", fileAccountId: accountId });
      const stream = await (await storage()).get(recording.storageKey);
      expect(stream, recording.storageKey).not.toBeNull();
      const wav = Buffer.from(await new Response(stream).arrayBuffer());
      expect(wav.byteLength).toBe(recording.sizeBytes);
      expect([wav.toString("ascii", 0, 4), wav.toString("ascii", 8, 16), wav.toString("ascii", 36, 40)]).toEqual(["RIFF", "WAVEfmt ", "data"]);
      // PCM, mono, 8 kHz, 16 bits, and as many samples as the call lasted.
      expect([wav.readUInt16LE(20), wav.readUInt16LE(22), wav.readUInt32LE(24), wav.readUInt16LE(34)]).toEqual([1, 1, WAV_SAMPLE_RATE, 16]);
      expect(wav.readUInt32LE(40)).toBe(recording.durationSeconds * WAV_SAMPLE_RATE * 2);
      expect(wav.readUInt32LE(4)).toBe(wav.byteLength - 8);
    }
  });
});
