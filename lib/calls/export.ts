import "server-only";
import { Readable, pipeline } from "node:stream";
import type { ReadableStream } from "node:stream/web";
import { stringify } from "csv-stringify";
import { listCallsForExport, type CallExportRow, type CallListQuery, type CallPage } from "@/db/queries/calls";
import { minorUnitDigits } from "@/lib/billing/money";
import { describeError } from "@/lib/errors";
import { createDateFormatter, type DateTimePreferences } from "@/lib/i18n/date-format";

/** Rows read per statement: the export never holds more than this many calls in memory. */
export const CALL_EXPORT_BATCH = 1000;

export const callCsvColumns = ["id", "started_at", "started", "direction", "status", "from_number", "to_number", "agent", "duration_seconds", "satisfaction", "cost", "currency", "summary"] as const;
type CsvRecord = Record<(typeof callCsvColumns)[number], string | number>;

/**
 * The header row: `started_at` stays ISO 8601 for tools; `started` is for people, in the reader's
 * date and time format, and its header names the zone its times are in.
 */
function csvHeader(timeZone: string) {
  return callCsvColumns.map((key) => ({ key, header: key === "started" ? `started (${timeZone})` : key }));
}

/** A time as the reader writes it, with plain spaces: a spreadsheet reads "7:00 PM", not a narrow space. */
function readableTime(reader: DateTimePreferences): (date: Date) => string {
  const dates = createDateFormatter(reader);
  return (date) => dates.dateTime(date).replace(/[\u202f\u2009]/g, " ");
}

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

function csvRecord(row: CallExportRow, iso: (date: Date) => string, readable: (date: Date) => string): CsvRecord {
  const digits = minorUnitDigits(row.currency);
  return {
    id: row.id,
    started_at: iso(row.startedAt),
    started: readable(row.startedAt),
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

async function* exportRecords(accountId: string, query: ExportQuery, first: CallPage<CallExportRow>, reader: DateTimePreferences) {
  const iso = isoInTimeZone(reader.timeZone);
  const readable = readableTime(reader);
  let page = first;
  for (;;) {
    for (const row of page.rows) yield csvRecord(row, iso, readable);
    if (!page.next) return;
    page = await listCallsForExport(accountId, { ...query, cursor: page.next, limit: CALL_EXPORT_BATCH });
  }
}

/**
 * The account's calls matching `query` as CSV, in the list's order, with times in the reader's zone and format:
 * read in keyset batches and written row by row as the reader takes them, so memory stays flat.
 * The first batch is read before anything is answered, so a failing database is an error status;
 * a later failure errors the stream, so the download fails rather than ending short.
 */
export async function callsCsv(accountId: string, query: ExportQuery, reader: DateTimePreferences): Promise<ReadableStream<Uint8Array>> {
  const first = await listCallsForExport(accountId, { ...query, limit: CALL_EXPORT_BATCH });
  const csv = stringify({ header: true, columns: csvHeader(reader.timeZone) });
  pipeline(Readable.from(exportRecords(accountId, query, first, reader)), csv, (error) => {
    if (!error) return;
    console.error(`[calls] CSV export failed: ${describeError(error)}`);
    csv.destroy(error);
  });
  return Readable.toWeb(csv) as ReadableStream<Uint8Array>;
}
