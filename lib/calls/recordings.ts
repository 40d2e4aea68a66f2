import "server-only";
import { z } from "zod";
import { adminGetCall, getCallForAccount } from "@/db/queries/calls";
import { isStaff, type Actor } from "@/lib/actor";
import { CALL_RECORDING_MAX_BYTES, recordingTypes } from "@/lib/constants";
import { detectFileType, storeFile } from "@/lib/storage";
import { fileResponse } from "@/lib/storage/download";

/** file-type names some audio by its container (WebM, MP4) or codec (Opus): each maps to the audio type we store. */
const recordingTypeByExtension: Record<string, { mime: (typeof recordingTypes)[number]; ext: string }> = {
  wav: { mime: "audio/wav", ext: "wav" },
  mp3: { mime: "audio/mpeg", ext: "mp3" },
  ogg: { mime: "audio/ogg", ext: "ogg" },
  oga: { mime: "audio/ogg", ext: "ogg" },
  opus: { mime: "audio/ogg", ext: "ogg" },
  webm: { mime: "audio/webm", ext: "webm" },
  mp4: { mime: "audio/mp4", ext: "m4a" },
  m4a: { mime: "audio/mp4", ext: "m4a" },
};

/** A recording's type by its content alone; null when it is not audio we play back. */
export async function detectRecordingType(head: Uint8Array): Promise<{ mime: string; ext: string } | null> {
  const detected = await detectFileType(head);
  return detected ? (recordingTypeByExtension[detected.ext] ?? null) : null;
}

/** Stores a call's recording, its type decided by content; throws StorageRejection when too large or not audio. */
export function storeRecording(body: Uint8Array | ReadableStream<Uint8Array>) {
  return storeFile(body, { allowedTypes: recordingTypes, maxBytes: CALL_RECORDING_MAX_BYTES, detect: detectRecordingType });
}

/**
 * A call's recording streamed in place and seekable (Range gets 206, a range past the end 416), for
 * a member of the call's account or staff; null, and no bytes, for anyone else, a malformed id or
 * a call without a recording. The browser's route and the API both answer with this.
 */
export async function callRecordingResponse(request: Request, viewer: Actor, callId: string): Promise<Response | null> {
  if (!z.uuid().safeParse(callId).success) return null;
  const call = isStaff(viewer) ? await adminGetCall(callId) : viewer.accountId ? await getCallForAccount(viewer.accountId, callId) : null;
  return call?.recording ? fileResponse(request, call.recording, { inline: true }) : null;
}
