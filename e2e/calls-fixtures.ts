// Server-side part of e2e/calls.ts: the calls customer's history, written as the platform would leave it.
import { getAccountMembership } from "@/db/queries/accounts";
import { insertCalls, type NewCall } from "@/db/queries/call-writes";
import { insertStoredFile } from "@/db/queries/files";
import { createUser } from "@/db/queries/users";
import { testAgent } from "@/db/testing/calls";
import { CALL_RECORDING_MAX_BYTES, recordingTypes } from "@/lib/constants";
import { storeFile } from "@/lib/storage";
import { e2eCallIsInbound, e2eCallIsMissed, e2eCallsCustomer } from "./calls";

/** A tone as 8 kHz mono 8-bit PCM WAV: small, and every browser plays and seeks it. */
function toneWav(seconds: number): Buffer {
  const rate = 8000;
  const samples = Buffer.alloc(rate * seconds);
  for (let index = 0; index < samples.length; index++) samples[index] = 128 + Math.round(60 * Math.sin((2 * Math.PI * 440 * index) / rate));
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + samples.length, 4);
  header.write("WAVEfmt ", 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write("data", 36);
  header.writeUInt32LE(samples.length, 40);
  return Buffer.concat([header, samples]);
}

export async function seedE2eCalls(passwordHash: string, verified: Date): Promise<void> {
  const customer = e2eCallsCustomer;
  const user = await createUser({ email: customer.email, name: customer.name, passwordHash, emailVerifiedAt: verified, locale: "en", timeZone: customer.timeZone });
  const accountId = (await getAccountMembership(user.id))!.accountId;
  const agent = await testAgent({ name: "Ava Agent", kind: "ai" });
  const stored = await storeFile(toneWav(customer.recordingSeconds), { allowedTypes: recordingTypes, maxBytes: CALL_RECORDING_MAX_BYTES });
  const recording = await insertStoredFile({ ...stored, id: customer.recordingFileId, purpose: "call_recording", fileName: "call.wav", accountId, ownerUserId: null });
  const now = Date.now();
  const rows: NewCall[] = Array.from({ length: customer.callCount }, (_, index) => ({
    ...(index === 1 ? { id: customer.recordedCallId, recordingFileId: recording.id, summary: customer.recordedSummary, transcript: customer.recordedTranscript } : { summary: `Routine call ${index}` }),
    accountId,
    agentId: index % 5 === 0 ? null : agent.id,
    direction: e2eCallIsInbound(index) ? "inbound" : "outbound",
    status: e2eCallIsMissed(index) ? "missed" : "completed",
    fromNumber: `+1212555${String(index).padStart(4, "0")}`,
    toNumber: "+12125550100",
    // Whole minutes back, so no two calls share a time and the order is plain.
    startedAt: new Date(Math.floor(now / 60_000) * 60_000 - index * 3 * 3_600_000),
    durationSeconds: e2eCallIsMissed(index) ? 0 : 60 + index,
    satisfaction: e2eCallIsMissed(index) ? null : (index % 5) + 1,
    cost: e2eCallIsMissed(index) ? 0 : 25 * index,
    currency: "usd",
    platformCallId: `e2e_${index}`,
  }));
  await insertCalls(rows);
}
