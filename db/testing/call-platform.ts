import { createPlatformKey } from "@/lib/platform/keys";
import { signedInUser } from "@/db/testing";

/** A live platform key, as staff create it in /admin/platform-keys. */
export async function testPlatformKey(name = "Test platform"): Promise<string> {
  const admin = await signedInUser("admin", "platform-staff");
  return (await createPlatformKey(admin, { name }, { ip: null, userAgent: null })).key;
}

/** A minimal valid WAV file (RIFF/WAVE, 8 kHz mono, 16-bit) of `samples` silent samples. */
export function wavBytes(samples = 800): Uint8Array<ArrayBuffer> {
  const data = samples * 2;
  const buffer = Buffer.alloc(44 + data);
  buffer.write("RIFF", 0, "ascii");
  buffer.writeUInt32LE(36 + data, 4);
  buffer.write("WAVE", 8, "ascii");
  buffer.write("fmt ", 12, "ascii");
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20);
  buffer.writeUInt16LE(1, 22);
  buffer.writeUInt32LE(8000, 24);
  buffer.writeUInt32LE(16000, 28);
  buffer.writeUInt16LE(2, 32);
  buffer.writeUInt16LE(16, 34);
  buffer.write("data", 36, "ascii");
  buffer.writeUInt32LE(data, 40);
  return new Uint8Array(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer);
}

/** A report of a finished call for `accountId` as the platform sends it, with a fresh platform call id. */
export function callReport(accountId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    platformCallId: `plat_${crypto.randomUUID()}`,
    accountId,
    direction: "outbound",
    status: "completed",
    fromNumber: "+49 30 1234567",
    toNumber: "+4930765432",
    startedAt: "2026-11-02T09:15:00Z",
    durationSeconds: 125,
    summary: "Booked a follow-up.",
    satisfaction: 4,
    cost: 30,
    currency: "EUR",
    ...overrides,
  };
}
