import "server-only";
import { createHash } from "node:crypto";
import { Readable, Transform, pipeline, type TransformCallback } from "node:stream";
import { ZipFile } from "yazl";
import { canCopyRows, copyRows, listExportFiles, type ExportRow, type ExportSubject } from "@/db/queries/export";
import type { Transaction } from "@/db/queries/transaction";
import { describeError } from "@/lib/errors";
import { storage } from "@/lib/storage";
import { exportSections, subjectFor, type ExportSection } from "./sections";

export const EXPORT_FORMAT_VERSION = 1;

export type ManifestFile = { path: string; description: string; section?: string; tables?: readonly string[]; columns?: readonly string[]; rows?: number; bytes: number; sha256: string };

/** Counts and hashes what passes through: the manifest's bytes and SHA-256 are of the stored file. */
class Fingerprint extends Transform {
  private readonly hash = createHash("sha256");
  bytes = 0;

  constructor(private readonly onDone: (bytes: number, sha256: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.byteLength;
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.onDone(this.bytes, this.hash.digest("hex"));
    callback();
  }
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return csvQuote(JSON.stringify(value));
  const text = String(value);
  // A spreadsheet runs text starting with = + - @ as a formula; numbers and phone numbers are safe.
  const inert = typeof value === "string" && /^[=+\-@\t\r]/.test(text) && !/^[+-]?\d[\d ]*$/.test(text) ? `'${text}` : text;
  return csvQuote(inert);
}

function csvQuote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const SECTION_HIGH_WATER = 64 * 1024;
// Small pieces: a string past ~128 KB goes to V8's large-object space, which only a full GC frees,
// so whole batches as one string would pile up as garbage between full collections.
const CHUNK_CHARS = 16 * 1024;

const NEWLINE = Buffer.from("\n");
const COMMA_NEWLINE = Buffer.from(",\n");

/** data.json written section by section and batch by batch: only one batch is ever in memory. */
async function* dataJson(subject: ExportSubject, generatedAt: Date, counts: Map<string, number>, copy: boolean, db?: Transaction): AsyncGenerator<string | Buffer> {
  // Instants become ISO 8601 in UTC through Date#toJSON; calendar days are already YYYY-MM-DD.
  const header = {
    format_version: EXPORT_FORMAT_VERSION,
    generated_at: generatedAt.toISOString(),
    user_id: subject.userId,
    account_id: subject.accountId,
    account_role: subject.accountRole,
    dates: "Instants are ISO 8601 in UTC (2026-11-26T18:05:00.000Z); calendar days are YYYY-MM-DD; amounts are integer minor units of their currency.",
  };
  yield `{\n"export": ${JSON.stringify(header)}`;
  for (const section of exportSections) {
    yield `,\n${JSON.stringify(section.name)}: [`;
    let rows = 0;
    const query = copy ? section.reader.copy?.query(subjectFor(section, subject)) : undefined;
    if (query !== undefined) {
      // PostgreSQL's text of each row, moved as Buffers (parsed only to re-space jsonb values).
      const reparse = section.reader.copy!.reparse;
      let parts: Buffer[] = [];
      let size = 0;
      for await (const line of query === null ? [] : copyRows(query)) {
        const row = reparse ? Buffer.from(JSON.stringify(JSON.parse(line.toString("utf8")))) : line;
        const separator = rows === 0 ? NEWLINE : COMMA_NEWLINE;
        parts.push(separator, row);
        size += separator.byteLength + row.byteLength;
        rows++;
        if (size >= CHUNK_CHARS) {
          yield Buffer.concat(parts, size);
          parts = [];
          size = 0;
        }
      }
      if (parts.length > 0) yield Buffer.concat(parts);
      counts.set(section.name, rows);
      yield rows === 0 ? "]" : "\n]";
      continue;
    }
    for await (const batch of section.reader.batches(subjectFor(section, subject), db)) {
      let text = "";
      for (const row of batch) {
        text += `${rows === 0 ? "\n" : ",\n"}${JSON.stringify(row)}`;
        rows++;
        if (text.length >= CHUNK_CHARS) {
          yield text;
          text = "";
        }
      }
      if (text) yield text;
    }
    counts.set(section.name, rows);
    yield rows === 0 ? "]" : "\n]";
  }
  yield "\n}\n";
}

async function* sectionCsv(section: ExportSection, subject: ExportSubject, onRows: (rows: number) => void, copy: boolean, db?: Transaction): AsyncGenerator<string> {
  const columns = section.reader.columns;
  yield `${columns.join(",")}\r\n`;
  let rows = 0;
  const query = copy ? section.reader.copy?.query(subjectFor(section, subject)) : undefined;
  // From PostgreSQL one row at a time (each parsed and dropped at once), or batch by batch.
  const batches = query === undefined ? section.reader.batches(subjectFor(section, subject), db) : query === null ? [] : oneByOne(copyRows(query));
  for await (const batch of batches) {
    let text = "";
    for (const row of batch as ExportRow[]) {
      text += `${columns.map((column) => csvCell(row[column])).join(",")}\r\n`;
      rows++;
      if (text.length >= CHUNK_CHARS) {
        yield text;
        text = "";
      }
    }
    if (text) yield text;
  }
  onRows(rows);
}

/** The rows of `copyRows` as one-row batches (instants stay ISO strings: csvCell writes them as they are). */
async function* oneByOne(lines: AsyncGenerator<Buffer>): AsyncGenerator<ExportRow[]> {
  for await (const line of lines) yield [JSON.parse(line.toString("utf8")) as ExportRow];
}

/** A stored file's place in the archive: files/<purpose>/<id>-<its name, reduced to safe characters>. */
export function exportFilePath(file: { id: string; purpose: string; fileName: string }): string {
  const name = file.fileName.normalize("NFKD").replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^[._]+/, "").slice(-100) || "file";
  return `files/${file.purpose}/${file.id}-${name}`;
}

/**
 * The whole export as a ZIP stream, built as it is read: data.json, one CSV per section, the
 * files, and manifest.json last (it needs every other file's size and hash). Each entry opens its
 * source only when the previous one is done, and yazl pipes with backpressure, so memory stays
 * bounded by one batch of rows whatever the account's size. A failure mid-way destroys the stream,
 * so the download fails rather than ends short.
 */
export function exportArchive(subject: ExportSubject, options: { generatedAt?: Date; db?: Transaction; copy?: boolean } = {}): Readable {
  const generatedAt = options.generatedAt ?? new Date();
  // The large sections straight from PostgreSQL (COPY), outside a transaction: its reads are not ours.
  const copy = options.copy ?? (!options.db && canCopyRows());
  const zip = new ZipFile();
  const output = zip.outputStream as Readable;
  const manifest: ManifestFile[] = [];
  let failed = false;
  const fail = (error: unknown) => {
    if (failed) return;
    failed = true;
    // The reader went away first: nothing failed.
    if (output.destroyed) return;
    console.error(`[export] archive failed: ${describeError(error)}`);
    output.destroy(error instanceof Error ? error : new Error(String(error)));
  };
  zip.on("error", fail);

  /** Adds one entry and resolves once its bytes have all passed into the archive. */
  const add = (path: string, open: () => Promise<Readable | null>, describe: (bytes: number, sha256: string) => ManifestFile | null): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      if (failed) return reject(new Error("The export was stopped."));
      let current: Transform | null = null;
      // The reader went away (or the archive failed): stop reading the database.
      const stop = () => {
        current?.destroy();
        reject(new Error("The export was stopped."));
      };
      output.once("close", stop);
      zip.addReadStreamLazy(path, { mtime: generatedAt }, (callback) => {
        open().then(
          (source) => {
            const fingerprint = new Fingerprint((bytes, sha256) => {
              const entry = describe(bytes, sha256);
              if (entry) manifest.push(entry);
            });
            current = fingerprint;
            fingerprint.once("end", () => {
              output.off("close", stop);
              resolve();
            });
            pipeline(source ?? Readable.from([]), fingerprint, (error) => {
              if (error) {
                fail(error);
                reject(error);
              }
            });
            callback(null, fingerprint);
          },
          (error: unknown) => {
            fail(error);
            reject(error);
          },
        );
      });
    });

  const text = (generator: AsyncGenerator<string | Buffer>) => Readable.from(generator, { objectMode: false, highWaterMark: SECTION_HIGH_WATER });

  (async () => {
    const counts = new Map<string, number>();
    await add(
      "data.json",
      async () => text(dataJson(subject, generatedAt, counts, copy, options.db)),
      (bytes, sha256) => ({
        path: "data.json",
        description: "Everything below in one JSON document: an object with `export` (who and when) and one array of rows per section, in the order of `sections` here.",
        rows: [...counts.values()].reduce((sum, rows) => sum + rows, 0),
        bytes,
        sha256,
      }),
    );
    for (const section of exportSections) {
      let rows = 0;
      const path = `csv/${section.name}.csv`;
      await add(
        path,
        async () => text(sectionCsv(section, subject, (counted) => (rows = counted), copy, options.db)),
        (bytes, sha256) => ({ path, description: section.description, section: section.name, tables: section.tables, columns: section.reader.columns, rows, bytes, sha256 }),
      );
    }
    const store = await storage();
    const missing: string[] = [];
    for await (const batch of listExportFiles(subject, options.db)) {
      for (const file of batch) {
        const path = exportFilePath(file);
        await add(
          path,
          async () => {
            const body = await store.get(file.storageKey);
            if (!body) missing.push(file.id);
            return body ? Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>) : null;
          },
          (bytes, sha256) => (missing.includes(file.id) ? null : { path, description: `A stored file (${file.purpose}); its row in data.json's "files" has id ${file.id}.`, bytes, sha256 }),
        );
      }
    }
    const body = JSON.stringify(
      {
        format_version: EXPORT_FORMAT_VERSION,
        generated_at: generatedAt.toISOString(),
        subject: { user_id: subject.userId, account_id: subject.accountId, account_role: subject.accountRole },
        formats: {
          json: "data.json: UTF-8 JSON. Instants are ISO 8601 strings in UTC (…Z); calendar days YYYY-MM-DD; money in integer minor units with its currency; null where nothing is set.",
          csv: "csv/<section>.csv: UTF-8, comma-separated, RFC 4180 quoting, CRLF line ends, a header row of the column names. Dates as in data.json; JSON objects and lists as JSON text; text a spreadsheet would run as a formula is prefixed with an apostrophe.",
          files: "files/<purpose>/<id>-<name>: the stored bytes as uploaded or delivered.",
          manifest: "manifest.json (this file) is written last and describes every other file: its size in bytes and SHA-256 of its uncompressed content, and for tables its section, source tables, columns and row count.",
        },
        sections: exportSections.map((section) => ({ name: section.name, tables: section.tables, description: section.description })),
        files: manifest,
        missing_files: missing,
      },
      null,
      2,
    );
    await add("manifest.json", async () => Readable.from([Buffer.from(`${body}\n`)]), () => null);
    zip.end();
  })().catch((error: unknown) => {
    if (!failed && !output.destroyed) fail(error);
  });

  return output;
}

/**
 * The archive as a web stream read on demand (one chunk per pull, so backpressure reaches the
 * database reads). Not Readable.toWeb: it keeps enqueueing after the client cancels and throws.
 */
export function toWebStream(node: Readable): ReadableStream<Uint8Array> {
  const chunks = node[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(new Uint8Array(next.value as Buffer));
      },
      async cancel() {
        await chunks.return?.();
        node.destroy();
      },
    },
    { highWaterMark: 0 },
  );
}
