import "server-only";
import { Readable, pipeline } from "node:stream";
import type { ReadableStream } from "node:stream/web";
import { stringify } from "csv-stringify";
import { listCallsForExport, type CallExportRow, type CallListQuery, type CallPage } from "@/db/queries/calls";
import { minorUnitDigits } from "@/lib/billing/money";
import { describeError } from "@/lib/errors";

/** Rows read per statement: the export never holds more than this many calls in memory. */
export const CALL_EXPORT_BATCH = 1000;

export const callCsvColumns = ["id", "started_at", "direction", "status", "from_number", "to_number", "agent", "duration_seconds", "satisfaction", "cost", "currency", "summary"] as const;

/** Instants as ISO 8601 with the offset of `timeZone` at that instant: 2026-03-07T00:00:00-05:00. */
export function isoInTimeZone(timeZone: string): (date: Date) => string {
  const formatter = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
    timeZoneName: "longOffset",
  });
  return (date) => {
    const part: Record<string, string> = {};
    for (const { type, value } of formatter.formatToParts(date)) part[type] = value;
    const offset = part.timeZoneName === "GMT" ? "+00:00" : part.timeZoneName!.replace("GMT", "");
    return `${part.year}-${part.month}-${part.day}T${part.hour}:${part.minute}:${part.second}${offset}`;
  };
}

/** Text a spreadsheet would run as a formula (=, +, -, @ first) is kept as text. */
function inertText(value: string | null): string {
  if (!value) return "";
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvRecord(row: CallExportRow, iso: (date: Date) => string): Record<(typeof callCsvColumns)[number], string | number> {
  const digits = minorUnitDigits(row.currency);
  return {
    id: row.id,
    started_at: iso(row.startedAt),
    direction: row.direction,
    status: row.status,
    // E.164 as every writer validates it (+ and digits): no formula can hide in it, and tools read it as it is.
    from_number: row.fromNumber,
    to_number: row.toNumber,
    agent: inertText(row.agentName),
    duration_seconds: row.durationSeconds,
    satisfaction: row.satisfaction ?? "",
    cost: (row.cost / 10 ** digits).toFixed(digits),
    currency: row.currency.toUpperCase(),
    summary: inertText(row.summary),
  };
}

type ExportQuery = Omit<CallListQuery, "cursor" | "before" | "limit">;

async function* exportRecords(accountId: string, query: ExportQuery, first: CallPage<CallExportRow>, timeZone: string) {
  const iso = isoInTimeZone(timeZone);
  let page = first;
  for (;;) {
    for (const row of page.rows) yield csvRecord(row, iso);
    if (!page.next) return;
    page = await listCallsForExport(accountId, { ...query, cursor: page.next, limit: CALL_EXPORT_BATCH });
  }
}

/**
 * The account's calls matching `query` as CSV, in the list's order, with times in `timeZone`:
 * read in keyset batches and written row by row as the reader takes them, so memory stays flat.
 * The first batch is read before anything is answered, so a failing database is an error status;
 * a later failure errors the stream, so the download fails rather than ending short.
 */
export async function callsCsv(accountId: string, query: ExportQuery, timeZone: string): Promise<ReadableStream<Uint8Array>> {
  const first = await listCallsForExport(accountId, { ...query, limit: CALL_EXPORT_BATCH });
  const csv = stringify({ header: true, columns: [...callCsvColumns] });
  pipeline(Readable.from(exportRecords(accountId, query, first, timeZone)), csv, (error) => {
    if (!error) return;
    console.error(`[calls] CSV export failed: ${describeError(error)}`);
    csv.destroy(error);
  });
  return Readable.toWeb(csv) as ReadableStream<Uint8Array>;
}
