import "server-only";
import { CsvError, parse } from "csv-parse/sync";
import { z } from "zod";
import { createAuditEntry } from "@/db/queries/audit";
import { findAccountsByOwnerEmail, findAgentIds, findCustomerAccounts, findStoredPlatformCallIds } from "@/db/queries/call-ingest";
import { insertCalls, type NewCall } from "@/db/queries/call-writes";
import { inTransaction, type Transaction } from "@/db/queries/transaction";
import { isUniqueViolation } from "@/db/errors";
import type { Actor } from "@/lib/actor";
import { CALL_IMPORT_MAX_ROWS } from "@/lib/constants";
import type { RequestInfo } from "@/lib/request-info";
import { assertStaff } from "@/lib/users/service";
import { callReportSchema } from "@/lib/validations/call-platform";
import { afterCallsWritten } from "./written";

/** The file's columns in their documented order, and which of them every file must have. */
export const importColumns = [
  "account",
  "platform_call_id",
  "agent_id",
  "direction",
  "status",
  "from_number",
  "to_number",
  "started_at",
  "duration_seconds",
  "satisfaction",
  "cost",
  "currency",
  "summary",
  "transcript",
] as const;
type Column = (typeof importColumns)[number];
export const requiredImportColumns: readonly Column[] = ["account", "direction", "status", "from_number", "to_number", "started_at", "duration_seconds", "cost", "currency"];

/** A row as ingestion's schema sees it; an imported call may lack the platform's id. */
const importRowSchema = callReportSchema.extend({
  platformCallId: callReportSchema.shape.platformCallId.nullish().transform((value) => value ?? null),
});

const columnOf: Record<string, Column> = {
  accountId: "account",
  platformCallId: "platform_call_id",
  agentId: "agent_id",
  direction: "direction",
  status: "status",
  fromNumber: "from_number",
  toNumber: "to_number",
  startedAt: "started_at",
  durationSeconds: "duration_seconds",
  satisfaction: "satisfaction",
  cost: "cost",
  currency: "currency",
  summary: "summary",
  transcript: "transcript",
};

/** A bad row: its number as a spreadsheet shows it (the header is row 1), the column, and a key of `callImport.reasons`. */
export type ImportProblem = { row: number; field: Column; reason: string };
/** A file that cannot be checked row by row: a key of `callImport.validation`, with its parameters. */
export type FileProblem = { problem: "unreadable" | "empty" | "tooManyRows" | "missingColumns" | "unknownColumns"; params?: Record<string, string | number> };
export type ImportResult = { status: "imported"; count: number } | { status: "bad_rows"; problems: ImportProblem[] } | ({ status: "bad_file" } & FileProblem);

/** A whole number as a number, so the schema's integer checks apply; anything else as typed, to be refused by them. */
const numberOrText = (value: string) => (/^-?\d+$/.test(value) ? Number(value) : value);

function readRecords(csv: string): { header: string[]; rows: string[][] } | FileProblem {
  let records: string[][];
  try {
    records = parse(csv, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: false });
  } catch (error) {
    if (error instanceof CsvError) return { problem: "unreadable", params: { reason: error.message } };
    throw error;
  }
  const [header, ...rows] = records;
  if (!header) return { problem: "empty" };
  const names = header.map((name) => name.toLowerCase());
  const unknown = names.filter((name) => !(importColumns as readonly string[]).includes(name));
  if (unknown.length > 0) return { problem: "unknownColumns", params: { columns: unknown.join(", ") } };
  const missing = requiredImportColumns.filter((name) => !names.includes(name));
  if (missing.length > 0) return { problem: "missingColumns", params: { columns: missing.join(", ") } };
  if (rows.length === 0) return { problem: "empty" };
  if (rows.length > CALL_IMPORT_MAX_ROWS) return { problem: "tooManyRows", params: { rows: CALL_IMPORT_MAX_ROWS } };
  return { header: names, rows };
}

/** Every row checked, nothing written: the calls to insert, or every problem found. */
async function checkRows(header: string[], rows: string[][], tx: Transaction): Promise<{ calls: NewCall[] } | { problems: ImportProblem[] }> {
  const problems: ImportProblem[] = [];
  const cell = (row: string[], column: Column) => {
    const index = header.indexOf(column);
    return index === -1 ? "" : (row[index] ?? "");
  };
  // A NUL cannot be sent to PostgreSQL as text; such an address matches no owner anyway.
  const emails = rows
    .map((row) => cell(row, "account"))
    .filter((value) => value.includes("@") && !value.includes("\u0000"))
    .map((value) => value.toLowerCase());
  const accountsByEmail = await findAccountsByOwnerEmail(emails, tx);

  const parsed: { row: number; call: z.infer<typeof importRowSchema> }[] = [];
  rows.forEach((row, index) => {
    const number = index + 2;
    const account = cell(row, "account");
    const accountId = account.includes("@") ? accountsByEmail.get(account.toLowerCase()) : account;
    if (account.includes("@") && !accountId) problems.push({ row: number, field: "account", reason: "accountNotFound" });
    const optional = (column: Column) => cell(row, column) || null;
    // An unknown owner email is reported above; a stand-in id lets the row's other fields be checked too.
    const result = importRowSchema.safeParse({
      platformCallId: optional("platform_call_id"),
      accountId: accountId ?? crypto.randomUUID(),
      agentId: optional("agent_id"),
      direction: cell(row, "direction"),
      status: cell(row, "status"),
      fromNumber: cell(row, "from_number"),
      toNumber: cell(row, "to_number"),
      startedAt: cell(row, "started_at"),
      durationSeconds: numberOrText(cell(row, "duration_seconds")),
      satisfaction: cell(row, "satisfaction") ? numberOrText(cell(row, "satisfaction")) : null,
      cost: numberOrText(cell(row, "cost")),
      currency: cell(row, "currency"),
      summary: optional("summary"),
      transcript: optional("transcript"),
    });
    if (!result.success) {
      const seen = new Set<string>();
      for (const issue of result.error.issues) {
        const field = columnOf[String(issue.path[0])] ?? "account";
        if (seen.has(field)) continue;
        seen.add(field);
        problems.push({ row: number, field, reason: issue.message });
      }
    } else if (accountId) parsed.push({ row: number, call: result.data });
  });

  const [accounts, agents, stored] = await Promise.all([
    findCustomerAccounts(
      parsed.map((entry) => entry.call.accountId),
      tx,
    ),
    findAgentIds(
      parsed.flatMap((entry) => (entry.call.agentId ? [entry.call.agentId] : [])),
      tx,
    ),
    findStoredPlatformCallIds(
      parsed.flatMap((entry) => (entry.call.platformCallId ? [entry.call.platformCallId] : [])),
      tx,
    ),
  ]);
  const firstRowOf = new Map<string, number>();
  for (const { row, call } of parsed) {
    if (!accounts.has(call.accountId)) problems.push({ row, field: "account", reason: "accountNotFound" });
    if (call.agentId && !agents.has(call.agentId)) problems.push({ row, field: "agent_id", reason: "agentNotFound" });
    if (call.platformCallId) {
      if (stored.has(call.platformCallId)) problems.push({ row, field: "platform_call_id", reason: "duplicateStored" });
      else if (firstRowOf.has(call.platformCallId)) problems.push({ row, field: "platform_call_id", reason: "duplicateInFile" });
      else firstRowOf.set(call.platformCallId, row);
    }
  }
  if (problems.length > 0) return { problems: problems.sort((a, b) => a.row - b.row) };
  // A CSV row cannot fulfil a call request: that link is the platform's to report.
  return { calls: parsed.map(({ call }) => ({ ...call, callRequestId: null })) };
}

/**
 * Staff import calls from a CSV file, all or nothing: every row is checked with ingestion's rules
 * (plus the file's own: known accounts, no platform call id twice), and only a file without a bad
 * row is written, in one transaction with its statistics and audit entry.
 */
export async function importCalls(admin: Actor, csv: string, info: RequestInfo, db?: Transaction): Promise<ImportResult> {
  assertStaff(admin);
  const records = readRecords(csv);
  if ("problem" in records) return { status: "bad_file", ...records };
  const run = () =>
    inTransaction(async (tx): Promise<ImportResult> => {
      const checked = await checkRows(records.header, records.rows, tx);
      if ("problems" in checked) return { status: "bad_rows", problems: checked.problems };
      await insertCalls(checked.calls, tx);
      const accountIds = new Set(checked.calls.map((call) => call.accountId));
      // Imported history is old: staff are not told of its low-satisfaction calls as if they had just happened.
      await afterCallsWritten(accountIds, tx);
      await createAuditEntry({ action: "admin.calls_imported", actorId: admin.id, ...info, metadata: { count: checked.calls.length, accounts: accountIds.size } }, tx);
      return { status: "imported", count: checked.calls.length };
    }, db);
  try {
    return await run();
  } catch (error) {
    // The platform reported one of the file's calls while it was being checked: once more, and it is a duplicate now.
    if (!isUniqueViolation(error)) throw error;
    return run();
  }
}
