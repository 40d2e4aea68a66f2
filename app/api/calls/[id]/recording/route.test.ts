import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/db/queries/sessions";
import { storedFiles } from "@/db/schema";
import { setupTestDatabase, signedInUser } from "@/db/testing";
import { testCalls } from "@/db/testing/calls";
import { CALL_RECORDING_MAX_BYTES, recordingTypes } from "@/lib/constants";
import { getSessionUser } from "@/lib/session";
import { setStorage, storeFile } from "@/lib/storage";
import { localDiskStorage } from "@/lib/storage/local";
import { GET } from "./route";

vi.mock("@/lib/session", () => ({ getSessionUser: vi.fn() }));

const db = setupTestDatabase();

/** A second of 8 kHz mono 8-bit silence-ish as a WAV file: 44 bytes of header and 8,000 of samples. */
function wav(): Buffer {
  const samples = Buffer.alloc(8000, 0);
  for (let index = 0; index < samples.length; index++) samples[index] = 128 + Math.round(40 * Math.sin(index / 5));
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + samples.length, 4);
  header.write("WAVEfmt ", 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(8000, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write("data", 36);
  header.writeUInt32LE(samples.length, 40);
  return Buffer.concat([header, samples]);
}

let root: string;
let bytes: Buffer;
let owner: SessionUser;
let stranger: SessionUser;
let staff: SessionUser;
let callId: string;
let unrecordedId: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "clientdesk-recordings-"));
  setStorage(localDiskStorage(root));
  [owner, stranger, staff] = await Promise.all([signedInUser("customer", "rec-owner"), signedInUser("customer", "rec-stranger"), signedInUser("admin", "rec-staff")]);
  bytes = wav();
  const stored = await storeFile(bytes, { allowedTypes: recordingTypes, maxBytes: CALL_RECORDING_MAX_BYTES });
  const [file] = await db()
    .insert(storedFiles)
    .values({ ...stored, purpose: "call_recording", fileName: "call.wav", accountId: owner.accountId })
    .returning();
  const ids = await testCalls(owner.accountId!, [{ recordingFileId: file!.id }, {}]);
  callId = ids[0]!;
  unrecordedId = ids[1]!;
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});
beforeEach(() => {
  vi.mocked(getSessionUser).mockResolvedValue(owner);
});

const get = (id: string, headers: Record<string, string> = {}) => GET(new Request(`http://test/api/calls/${id}/recording`, { headers }), { params: Promise.resolve({ id }) });
const body = async (response: Response) => Buffer.from(await response.arrayBuffer());

describe("GET /api/calls/[id]/recording", () => {
  it("plays the whole recording in place for a member of the call's account", async () => {
    const response = await get(callId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("audio/wav");
    expect(response.headers.get("content-disposition")).toMatch(/^inline;/);
    expect(response.headers.get("accept-ranges")).toBe("bytes");
    expect((await body(response)).equals(bytes)).toBe(true);
  });

  it("answers bytes=0-99 with 206 and the first 100 bytes", async () => {
    const response = await get(callId, { range: "bytes=0-99" });
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe(`bytes 0-99/${bytes.length}`);
    const part = await body(response);
    expect(part.length).toBe(100);
    expect(part.equals(bytes.subarray(0, 100))).toBe(true);
  });

  it("answers an open-ended range and a suffix range", async () => {
    const open = await get(callId, { range: "bytes=100-" });
    expect(open.status).toBe(206);
    expect(open.headers.get("content-range")).toBe(`bytes 100-${bytes.length - 1}/${bytes.length}`);
    expect((await body(open)).equals(bytes.subarray(100))).toBe(true);
    const suffix = await get(callId, { range: "bytes=-100" });
    expect(suffix.status).toBe(206);
    expect(suffix.headers.get("content-range")).toBe(`bytes ${bytes.length - 100}-${bytes.length - 1}/${bytes.length}`);
    expect((await body(suffix)).equals(bytes.subarray(bytes.length - 100))).toBe(true);
  });

  it("answers 416 to a range past the end", async () => {
    const response = await get(callId, { range: "bytes=999999-" });
    expect(response.status).toBe(416);
    expect(response.headers.get("content-range")).toBe(`bytes */${bytes.length}`);
  });

  it("gives another account's member a 404 and no bytes, with or without a range", async () => {
    vi.mocked(getSessionUser).mockResolvedValue(stranger);
    for (const headers of [{}, { range: "bytes=0-99" }] as Record<string, string>[]) {
      const response = await get(callId, headers);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect(response.headers.get("content-range")).toBeNull();
      expect((await body(response)).includes(bytes.subarray(0, 16))).toBe(false);
    }
  });

  it("answers 404 for a call without a recording, a malformed id, and 401 when signed out", async () => {
    expect((await get(unrecordedId)).status).toBe(404);
    expect((await get("not-a-uuid")).status).toBe(404);
    vi.mocked(getSessionUser).mockResolvedValue(null);
    expect((await get(callId)).status).toBe(401);
  });

  it("lets staff play any call's recording", async () => {
    vi.mocked(getSessionUser).mockResolvedValue(staff);
    const response = await get(callId, { range: "bytes=0-99" });
    expect(response.status).toBe(206);
    expect((await body(response)).equals(bytes.subarray(0, 100))).toBe(true);
  });
});
