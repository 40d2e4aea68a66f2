import "server-only";
import { and, eq, ilike, inArray, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Database } from "@/db";
import { agentAssignments, agents, callHourlyStats, calls, callTotals, customerAccountMembers, customerAccounts, storedFiles } from "@/db/schema";
import { CALL_PAGE_SIZE, type CallDirection, type CallSort, type CallStatus } from "@/lib/constants";
import { isCursorInstant } from "@/lib/cursor";
import { todayIn } from "@/lib/projects/dates";
import { cursorTime, escapeLike, keyset, keysetPage, type PageRequest } from "./search";

export type CallListFilters = {
  status?: CallStatus;
  direction?: CallDirection;
  agentId?: string;
  /** Calendar days (YYYY-MM-DD), inclusive, in `timeZone`: the viewer's days, not the server's. */
  from?: string;
  to?: string;
  timeZone: string;
  /** Part of a number or of the summary; the caller checks it has CALL_SEARCH_MIN characters. */
  search?: string;
};

export type CallListQuery = CallListFilters & {
  sort: CallSort;
  order: "asc" | "desc";
  /** Opaque: from `next` or `previous` of an earlier page. A tampered one means the first page. */
  cursor?: string;
  /** Page backwards: the rows just before `cursor` in the list's order. */
  before?: boolean;
  limit?: number;
};

// The exact expression of calls_search_trgm_idx, so `ILIKE '%…%'` is served by its trigrams.
const searchText = sql<string>`(${calls.fromNumber} || ' ' || ${calls.toNumber} || ' ' || coalesce(${calls.summary}, ''))`;

/** How many calls in list order a search reads first, before it asks the trigram index. */
const SEARCH_WINDOW = 5000;

/** What each sort orders by (as its index does) and how its value travels in a cursor, as text. */
const sortKeys = {
  startedAt: { key: sql`${calls.startedAt}`, text: cursorTime(calls.startedAt), type: "timestamptz", valid: isCursorInstant },
  duration: { key: sql`${calls.durationSeconds}`, text: sql<string>`${calls.durationSeconds}::text`, type: "int", valid: isCursorInteger },
  satisfaction: { key: sql`coalesce(${calls.satisfaction}, 0)`, text: sql<string>`coalesce(${calls.satisfaction}, 0)::text`, type: "int", valid: isCursorInteger },
} as const satisfies Record<CallSort, { key: SQL; text: SQL<string>; type: string; valid: (value: string) => boolean }>;

type CallCursor = { value: string; id: string };

/** Durations and scores: whole numbers an `int` holds. */
function isCursorInteger(value: string): boolean {
  return /^\d{1,9}$/.test(value);
}

const cursorSchema = z.tuple([z.string(), z.string(), z.uuid()]);

/** A position as an opaque URL value; it names its sort, so a cursor of another sort is ignored. */
function encodeCallCursor(sort: CallSort, cursor: CallCursor): string {
  return Buffer.from(JSON.stringify([sort, cursor.value, cursor.id])).toString("base64url");
}

function decodeCallCursor(sort: CallSort, value: string | undefined): CallCursor | null {
  if (!value) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    if (!parsed.success || parsed.data[0] !== sort || !sortKeys[sort].valid(parsed.data[1])) return null;
    return { value: parsed.data[1], id: parsed.data[2] };
  } catch {
    return null;
  }
}

/** Whether `value` is a cursor the list gave out for `sort` (the list itself starts over on any other). */
export function isCallCursor(sort: CallSort, value: string): boolean {
  return decodeCallCursor(sort, value) !== null;
}

function filterConditions(accountId: string, filters: CallListFilters): (SQL | undefined)[] {
  return [...listFilterConditions(accountId, filters), searchCondition(filters)];
}

function searchCondition(filters: CallListFilters): SQL | undefined {
  const term = filters.search?.trim();
  return term ? ilike(searchText, `%${escapeLike(term)}%`) : undefined;
}

/** Every filter but the search. */
function listFilterConditions(accountId: string, filters: CallListFilters): (SQL | undefined)[] {
  return [
    eq(calls.accountId, accountId),
    filters.status ? eq(calls.status, filters.status) : undefined,
    filters.direction ? eq(calls.direction, filters.direction) : undefined,
    filters.agentId ? eq(calls.agentId, filters.agentId) : undefined,
    // The database turns local midnight into an instant, so a day that changes DST still starts on time.
    filters.from ? sql`${calls.startedAt} >= (${filters.from}::date)::timestamp at time zone ${filters.timeZone}` : undefined,
    filters.to ? sql`${calls.startedAt} < (${filters.to}::date + 1)::timestamp at time zone ${filters.timeZone}` : undefined,
  ];
}

const listColumns = {
  id: calls.id,
  startedAt: calls.startedAt,
  direction: calls.direction,
  status: calls.status,
  fromNumber: calls.fromNumber,
  toNumber: calls.toNumber,
  durationSeconds: calls.durationSeconds,
  satisfaction: calls.satisfaction,
  cost: calls.cost,
  currency: calls.currency,
  agentId: calls.agentId,
  agentName: agents.name,
  hasRecording: sql<boolean>`${calls.recordingFileId} is not null`,
};

export type CallListRow = { id: string; startedAt: Date; direction: CallDirection; status: CallStatus; fromNumber: string; toNumber: string; durationSeconds: number; satisfaction: number | null; cost: number; currency: string; agentId: string | null; agentName: string | null; hasRecording: boolean };
export type CallExportRow = CallListRow & { summary: string | null };
export type CallPage<T> = { rows: T[]; next: string | null; previous: string | null };

/**
 * One page of the account's calls in one statement: keyset over (sort key, id), both in `order`,
 * reading `limit + 1` rows to learn whether more follow. No OFFSET, so page 5,000 costs as page 1.
 */
async function callPage<T extends { id: string }>(accountId: string, query: CallListQuery, columns: Record<string, unknown>, db: Database): Promise<CallPage<T>> {
  const limit = query.limit ?? CALL_PAGE_SIZE;
  const sort = sortKeys[query.sort];
  const cursor = decodeCallCursor(query.sort, query.cursor);
  const backwards = Boolean(cursor && query.before);
  // Reading backwards walks the list's order reversed from the cursor, then turns the rows round.
  const ascending = (query.order === "asc") !== backwards;
  const position = cursor ? sql`(${sort.key}, ${calls.id}) ${sql.raw(ascending ? ">" : "<")} (${cursor.value}::${sql.raw(sort.type)}, ${cursor.id}::uuid)` : undefined;
  const direction = sql.raw(ascending ? "asc" : "desc");
  const order = [sql`${sort.key} ${direction}`, sql`${calls.id} ${direction}`];
  const select = () => db.select({ ...(columns as typeof listColumns), cursorValue: sort.text }).from(calls).leftJoin(agents, eq(agents.id, calls.agentId));
  const search = searchCondition(query);
  let found: (T & { cursorValue: string })[] = [];
  if (search) {
    // A common term matches thousands of calls, and fetching them all through the trigram index is
    // slow; the next rows in the list's order usually hold a page of them. If they do, that page is
    // the answer (the first matches in order); if not, the trigram index finds the rare ones.
    const window = db
      .select({ id: calls.id, key: sql`${sort.key}`.as("window_key"), text: searchText.as("window_text") })
      .from(calls)
      .where(and(...listFilterConditions(accountId, query), position))
      .orderBy(...order)
      .limit(SEARCH_WINDOW)
      .as("search_window");
    const matches = db
      .select({ id: window.id })
      .from(window)
      .where(ilike(window.text, `%${escapeLike(query.search!.trim())}%`))
      .orderBy(sql`${window.key} ${direction}`, sql`${window.id} ${direction}`)
      .limit(limit + 1);
    found = (await select()
      .where(inArray(calls.id, matches))
      .orderBy(...order)) as unknown as (T & { cursorValue: string })[];
  }
  if (found.length <= limit) {
    found = (await select()
      .where(and(...filterConditions(accountId, query), position))
      .orderBy(...order)
      .limit(limit + 1)) as unknown as (T & { cursorValue: string })[];
  }
  const more = found.length > limit;
  const inOrder = backwards ? found.slice(0, limit).reverse() : found.slice(0, limit);
  const at = (row: (T & { cursorValue: string }) | undefined) => (row ? encodeCallCursor(query.sort, { value: row.cursorValue, id: row.id }) : null);
  return {
    rows: inOrder.map(({ cursorValue: _, ...row }) => row as unknown as T),
    next: backwards ? at(inOrder.at(-1)) : more ? at(inOrder.at(-1)) : null,
    previous: backwards ? (more ? at(inOrder[0]) : null) : cursor ? at(inOrder[0]) : null,
  };
}

/** One page of the account's call history, filtered and sorted; `next`/`previous` are opaque cursors. */
export async function listCallsForAccount(accountId: string, query: CallListQuery, db: Database = getDb()): Promise<CallPage<CallListRow>> {
  return callPage<CallListRow>(accountId, query, listColumns, db);
}

/** The same list with each call's summary, for the CSV export, which reads it page by page. */
export async function listCallsForExport(accountId: string, query: CallListQuery, db: Database = getDb()): Promise<CallPage<CallExportRow>> {
  return callPage<CallExportRow>(accountId, query, { ...listColumns, summary: calls.summary }, db);
}

/** The account's latest calls, newest first, for the overview. */
export async function listRecentCallsForAccount(accountId: string, limit: number, db: Database = getDb()): Promise<CallListRow[]> {
  const page = await listCallsForAccount(accountId, { timeZone: "UTC", sort: "startedAt", order: "desc", limit }, db);
  return page.rows;
}

/**
 * The agents the history can filter by: those on the account's calls and those assigned to it, by
 * name. The calls' agents come from a skip scan of calls_account_agent_started_idx: one index probe
 * per agent, however many calls the account has.
 */
export async function listCallAgentsForAccount(accountId: string, db: Database = getDb()): Promise<{ id: string; name: string }[]> {
  const ids = sql`(with recursive seen(agent_id) as (
      (select ${calls.agentId} from ${calls} where ${calls.accountId} = ${accountId} and ${calls.agentId} is not null order by ${calls.agentId} limit 1)
      union all
      select (select ${calls.agentId} from ${calls} where ${calls.accountId} = ${accountId} and ${calls.agentId} > seen.agent_id order by ${calls.agentId} limit 1)
      from seen where seen.agent_id is not null
    )
    select agent_id from seen where agent_id is not null
    union select ${agentAssignments.agentId} from ${agentAssignments} where ${agentAssignments.accountId} = ${accountId})`;
  return db
    .select({ id: agents.id, name: agents.name })
    .from(agents)
    .where(sql`${agents.id} in ${ids}`)
    .orderBy(sql`lower(${agents.name})`, agents.id);
}

const detailColumns = {
  id: calls.id,
  accountId: calls.accountId,
  startedAt: calls.startedAt,
  direction: calls.direction,
  status: calls.status,
  fromNumber: calls.fromNumber,
  toNumber: calls.toNumber,
  durationSeconds: calls.durationSeconds,
  satisfaction: calls.satisfaction,
  cost: calls.cost,
  currency: calls.currency,
  summary: calls.summary,
  transcript: calls.transcript,
  platformCallId: calls.platformCallId,
  createdAt: calls.createdAt,
  agentId: calls.agentId,
  agentName: agents.name,
  agentKind: agents.kind,
};

/** What the recording route needs to stream a call's recording (fileResponse's input). */
const recordingColumns = { storageKey: storedFiles.storageKey, contentType: storedFiles.contentType, sizeBytes: storedFiles.sizeBytes, fileName: storedFiles.fileName };

async function callWithRecording(where: SQL | undefined, db: Database) {
  const [row] = await db
    .select({ ...detailColumns, recordingId: storedFiles.id, recording: recordingColumns })
    .from(calls)
    .leftJoin(agents, eq(agents.id, calls.agentId))
    .leftJoin(storedFiles, eq(storedFiles.id, calls.recordingFileId))
    .where(where);
  if (!row) return null;
  const { recordingId, recording, ...call } = row;
  return { ...call, recording: recordingId ? recording : null };
}

/** One of the account's calls with its agent and recording file; another account's finds nothing. */
export async function getCallForAccount(accountId: string, callId: string, db: Database = getDb()) {
  return callWithRecording(and(eq(calls.id, callId), eq(calls.accountId, accountId)), db);
}

export type CallDetail = NonNullable<Awaited<ReturnType<typeof getCallForAccount>>>;

// ---- Statistics ----------------------------------------------------------------------------------

export const CALL_CHART_DAYS = 30;

export type CallStatistics = {
  total: number;
  thisMonth: number;
  /** Completed calls as a share of all calls (0–1); null without calls. */
  successRate: number | null;
  /** Seconds, over completed calls: a missed call has no length worth averaging. */
  averageDuration: number | null;
  /** 1–5, over rated calls. */
  averageSatisfaction: number | null;
  /** The last 30 days in the user's timezone, oldest first, today last; days without calls are 0. */
  days: { day: string; calls: number }[];
};

function addDays(day: string, count: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + count);
  return date.toISOString().slice(0, 10);
}

/**
 * The account's call statistics from `call_hourly_stats` (never the calls themselves), in two
 * statements. An hour counts on the local day and month its start falls in: exact in every
 * whole-hour timezone.
 */
export async function getCallStatistics(accountId: string, timeZone: string, now = new Date(), db: Database = getDb()): Promise<CallStatistics> {
  const today = todayIn(timeZone, now);
  const firstDay = addDays(today, -(CALL_CHART_DAYS - 1));
  const monthStart = `${today.slice(0, 7)}-01`;
  const localStart = (day: string) => sql`(${day}::date)::timestamp at time zone ${timeZone}`;
  const sum = (column: AnyColumn) => sql<number>`coalesce(sum(${column}), 0)`.mapWith(Number);
  // All time from the totals (a row per agent); the chart's days and this month from the hours since the earlier of the two.
  const [[totals], perDay] = await Promise.all([
    db
      .select({
        calls: sum(callTotals.calls),
        completed: sum(callTotals.completed),
        completedSeconds: sum(callTotals.completedSeconds),
        ratedCalls: sum(callTotals.ratedCalls),
        satisfactionSum: sum(callTotals.satisfactionSum),
      })
      .from(callTotals)
      .where(eq(callTotals.accountId, accountId)),
    db
      .select({ day: sql<string>`to_char(${callHourlyStats.hour} at time zone ${timeZone}, 'YYYY-MM-DD')`, calls: sum(callHourlyStats.calls) })
      .from(callHourlyStats)
      .where(and(eq(callHourlyStats.accountId, accountId), sql`${callHourlyStats.hour} >= ${localStart(monthStart < firstDay ? monthStart : firstDay)}`))
      .groupBy(sql`1`),
  ]);
  const { calls: total, completed, completedSeconds, ratedCalls, satisfactionSum } = totals!;
  const byDay = new Map(perDay.map((row) => [row.day, row.calls]));
  const thisMonth = perDay.reduce((month, row) => (row.day >= monthStart ? month + row.calls : month), 0);
  return {
    total,
    thisMonth,
    successRate: total > 0 ? completed / total : null,
    averageDuration: completed > 0 ? completedSeconds / completed : null,
    averageSatisfaction: ratedCalls > 0 ? satisfactionSum / ratedCalls : null,
    days: Array.from({ length: CALL_CHART_DAYS }, (_, index) => {
      const day = addDays(firstDay, index);
      return { day, calls: byDay.get(day) ?? 0 };
    }),
  };
}

// ---- Staff reads ---------------------------------------------------------------------------------

// The staff table links a customer to its owner's user page.
const ownerId = sql<string | null>`(select ${customerAccountMembers.userId} from ${customerAccountMembers}
  where ${customerAccountMembers.accountId} = ${customerAccounts.id} and ${customerAccountMembers.role} = 'owner' limit 1)`;

export type AdminCallFilters = { status?: CallStatus; customer?: string };

/** Every customer's calls, newest first (keyset over startedAt, id); `customer` matches the account's name. */
export async function adminListCalls(filters: AdminCallFilters, page: PageRequest, db: Database = getDb()) {
  const { where, orderBy } = keyset(calls.startedAt, calls.id, page);
  const term = filters.customer?.trim();
  const found = await db
    .select({
      id: calls.id,
      startedAt: calls.startedAt,
      direction: calls.direction,
      status: calls.status,
      durationSeconds: calls.durationSeconds,
      satisfaction: calls.satisfaction,
      agentName: agents.name,
      accountId: calls.accountId,
      customer: customerAccounts.name,
      customerUserId: ownerId,
      cursorTime: cursorTime(calls.startedAt),
    })
    .from(calls)
    .innerJoin(customerAccounts, eq(customerAccounts.id, calls.accountId))
    .leftJoin(agents, eq(agents.id, calls.agentId))
    .where(and(filters.status ? eq(calls.status, filters.status) : undefined, term ? ilike(customerAccounts.name, `%${escapeLike(term)}%`) : undefined, where))
    .orderBy(...orderBy)
    .limit(page.limit + 1);
  return keysetPage(found, page);
}

/** Staff's view of any call, with its customer. */
export async function adminGetCall(callId: string, db: Database = getDb()) {
  const call = await callWithRecording(eq(calls.id, callId), db);
  if (!call) return null;
  const [customer] = await db.select({ name: customerAccounts.name, userId: ownerId }).from(customerAccounts).where(eq(customerAccounts.id, call.accountId));
  return { ...call, customer: customer ?? null };
}
