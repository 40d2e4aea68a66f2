import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import { agents, calls, customerAccountMembers, customerAccounts, users } from "@/db/schema";

/** What the platform gets back about a call it reported. */
export const reportedCallColumns = {
  id: calls.id,
  platformCallId: calls.platformCallId,
  accountId: calls.accountId,
  agentId: calls.agentId,
  direction: calls.direction,
  status: calls.status,
  fromNumber: calls.fromNumber,
  toNumber: calls.toNumber,
  startedAt: calls.startedAt,
  durationSeconds: calls.durationSeconds,
  satisfaction: calls.satisfaction,
  cost: calls.cost,
  currency: calls.currency,
  callRequestId: calls.callRequestId,
  recordingFileId: calls.recordingFileId,
  createdAt: calls.createdAt,
};

export type ReportedCall = {
  id: string;
  platformCallId: string | null;
  accountId: string;
  agentId: string | null;
  direction: string;
  status: string;
  fromNumber: string;
  toNumber: string;
  startedAt: Date;
  durationSeconds: number;
  satisfaction: number | null;
  cost: number;
  currency: string;
  callRequestId: string | null;
  recordingFileId: string | null;
  createdAt: Date;
};

/**
 * Serialises reports of one platform call id until the transaction ends, so a report sent twice at
 * once is written once: the second waits, then finds the first's call.
 */
export async function lockPlatformCallId(platformCallId: string, db: Database): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`platform-call:${platformCallId}`}))`);
}

/** The platform's call ids among `ids` that are stored already (ingestion's repeat, the import's duplicates). */
export async function findStoredPlatformCallIds(ids: string[], db: Database = getDb()): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const found = new Set<string>();
  for (let start = 0; start < ids.length; start += 1000) {
    const rows = await db.select({ id: calls.platformCallId }).from(calls).where(inArray(calls.platformCallId, ids.slice(start, start + 1000)));
    for (const row of rows) if (row.id) found.add(row.id);
  }
  return found;
}

export async function getCallByPlatformId(platformCallId: string, db: Database = getDb()): Promise<ReportedCall | null> {
  const [call] = await db.select(reportedCallColumns).from(calls).where(eq(calls.platformCallId, platformCallId));
  return call ?? null;
}

export async function getReportedCall(callId: string, db: Database = getDb()): Promise<ReportedCall | null> {
  const [call] = await db.select(reportedCallColumns).from(calls).where(eq(calls.id, callId));
  return call ?? null;
}

/** Of `accountIds`, those that exist, with their names. */
export async function findCustomerAccounts(accountIds: string[], db: Database = getDb()): Promise<Map<string, string>> {
  const unique = [...new Set(accountIds)];
  if (unique.length === 0) return new Map();
  // A closed account (its owner deleted it) takes no more calls: it is as unknown as a wrong id.
  const rows = await db
    .select({ id: customerAccounts.id, name: customerAccounts.name })
    .from(customerAccounts)
    .where(and(inArray(customerAccounts.id, unique), isNull(customerAccounts.closedAt)));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The accounts whose owner has one of `emails` (lowercase), by email: the import names accounts either way. */
export async function findAccountsByOwnerEmail(emails: string[], db: Database = getDb()): Promise<Map<string, string>> {
  const unique = [...new Set(emails)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ email: users.email, accountId: customerAccountMembers.accountId })
    .from(customerAccountMembers)
    .innerJoin(users, eq(users.id, customerAccountMembers.userId))
    .where(and(eq(customerAccountMembers.role, "owner"), inArray(users.email, unique)));
  return new Map(rows.map((row) => [row.email, row.accountId]));
}

/** Of `agentIds`, those that exist. */
export async function findAgentIds(agentIds: string[], db: Database = getDb()): Promise<Set<string>> {
  const unique = [...new Set(agentIds)];
  if (unique.length === 0) return new Set();
  const rows = await db.select({ id: agents.id }).from(agents).where(inArray(agents.id, unique));
  return new Set(rows.map((row) => row.id));
}
