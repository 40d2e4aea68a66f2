import "server-only";
import fs from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import { assertStorageKey } from "./keys";
import type { ByteRange, StorageAdapter } from "./types";

/** Files on the server's disk under `$DATA_DIR/uploads`: the default, and enough for one instance. */
export function localDiskStorage(root = defaultRoot()): StorageAdapter {
  const pathOf = (key: string) => {
    const file = path.join(root, assertStorageKey(key));
    // The key pattern already rules out separators; this keeps it true if the pattern ever changes.
    if (path.dirname(file) !== root) throw new Error("A storage key must name a file in the uploads folder.");
    return file;
  };
  return {
    async put(key, body) {
      const file = pathOf(key);
      await mkdir(root, { recursive: true });
      // Written aside and renamed, so a reader never sees half a file and a failed upload leaves none.
      const partial = `${file}.partial`;
      try {
        await pipeline(Readable.fromWeb(body as NodeWebStream<Uint8Array>), fs.createWriteStream(partial, { flags: "wx", mode: 0o600 }));
        await rename(partial, file);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
    },
    async get(key, range?: ByteRange) {
      const file = pathOf(key);
      try {
        const handle = await fs.promises.open(file, "r");
        const stream = handle.createReadStream(range ? { start: range.start, end: range.end } : {});
        return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}

function defaultRoot(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.DATA_DIR ?? ".data", "uploads");
}
