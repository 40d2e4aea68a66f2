import "server-only";
import { CALL_RECORDING_MAX_BYTES, recordingTypes } from "@/lib/constants";
import { detectFileType, storeFile } from "@/lib/storage";

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
