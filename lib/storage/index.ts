import "server-only";
import { fileTypeFromBuffer } from "file-type";
import { newStorageKey } from "./keys";
import { localDiskStorage } from "./local";
import type { ByteRange, StorageAdapter } from "./types";

export type { ByteRange, StorageAdapter };
export { isStorageKey } from "./keys";

const globalForStorage = globalThis as unknown as { clientdeskStorage?: Promise<StorageAdapter> };

/** UploadThing when `UPLOADTHING_TOKEN` is set (its SDK is loaded only then), else the local disk. */
export function storage(): Promise<StorageAdapter> {
  globalForStorage.clientdeskStorage ??= (async () => {
    const token = process.env.UPLOADTHING_TOKEN;
    if (!token) return localDiskStorage();
    const [{ UTApi }, { uploadThingStorage }] = await Promise.all([import("uploadthing/server"), import("./uploadthing")]);
    return uploadThingStorage(new UTApi({ token }));
  })();
  return globalForStorage.clientdeskStorage;
}

/** Lets tests point the app at a folder of their own. */
export function setStorage(adapter: StorageAdapter): void {
  globalForStorage.clientdeskStorage = Promise.resolve(adapter);
}

/** Enough of a file's start for every signature file-type knows. */
const SNIFF_BYTES = 4100;

export class StorageRejection extends Error {
  constructor(readonly reason: "too_large" | "unsupported_type") {
    super(reason === "too_large" ? "The file is too large." : "The file's type is not allowed.");
  }
}

/** What a file is, by its first bytes; names and declared types are not trusted. */
export async function detectFileType(head: Uint8Array): Promise<{ mime: string; ext: string } | null> {
  const type = await fileTypeFromBuffer(head.subarray(0, SNIFF_BYTES));
  return type ? { mime: type.mime, ext: type.ext } : null;
}

function toStream(body: Uint8Array | ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  if (!(body instanceof Uint8Array)) return body;
  return new ReadableStream({
    start(controller) {
      controller.enqueue(body);
      controller.close();
    },
  });
}

/**
 * Stores a stream under a name we generate: its type is detected from its first bytes and must be
 * one of `allowedTypes`, and more than `maxBytes` aborts the write. Returns what `stored_files` keeps.
 */
export async function storeFile(
  body: Uint8Array | ReadableStream<Uint8Array>,
  options: {
    allowedTypes: readonly string[];
    maxBytes: number;
    /** How to tell the type from the first bytes; file-type's signatures by default. */
    detect?: (head: Uint8Array) => Promise<{ mime: string; ext: string } | null>;
  },
): Promise<{ storageKey: string; contentType: string; sizeBytes: number }> {
  const reader = toStream(body).getReader();
  const head: Uint8Array[] = [];
  let headBytes = 0;
  let done = false;
  while (!done && headBytes < SNIFF_BYTES) {
    const chunk = await reader.read();
    if (chunk.done) done = true;
    else {
      head.push(chunk.value);
      headBytes += chunk.value.byteLength;
    }
  }
  const type = await (options.detect ?? detectFileType)(Buffer.concat(head));
  if (!type || !options.allowedTypes.includes(type.mime)) {
    await reader.cancel();
    throw new StorageRejection("unsupported_type");
  }

  let sizeBytes = 0;
  const counted = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = head.shift() ?? (done ? undefined : (await reader.read()).value);
      if (!next) return controller.close();
      sizeBytes += next.byteLength;
      if (sizeBytes > options.maxBytes) {
        await reader.cancel();
        return controller.error(new StorageRejection("too_large"));
      }
      controller.enqueue(next);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  const storageKey = newStorageKey(type.ext);
  await (await storage()).put(storageKey, counted, { contentType: type.mime });
  return { storageKey, contentType: type.mime, sizeBytes };
}

/** Removes stored bytes after the row that named them is gone; a failure only leaves an orphan behind. */
export async function deleteStoredBytes(storageKey: string): Promise<void> {
  try {
    await (await storage()).delete(storageKey);
  } catch (error) {
    console.error(`[storage] could not delete ${storageKey}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
