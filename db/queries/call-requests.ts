import "server-only";
import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import { agentAssignments, agents, callRequests, calls, users } from "@/db/schema";
import { CALL_REQUEST_CLAIM_LEASE_MINUTES, type CallRequestStatus } from "@/lib/constants";
import { cursorTime, keyset, keysetPage, type KeysetPage, type PageRequest } from "./search";

export type CallRequestRow = {
  id: string;
  toNumber: string;
  agentName: string | null;
  scheduledFor: Date | null;
  notes: string;
  status: CallRequestStatus;
  requestedBy: string | null;
  createdAt: Date;
  completedAt: Date | null;
  callId: string | null;
};

/** The agents an account may ask for: those assigned to it today. */
export async function listAssignedAgentChoices(accountId: string, db: Database = getDb()): Promise<{ id: string; name: string }[]> {
  const today = sql`current_date`;
  return db
    .selectDistinct({ id: agents.id, name: agents.name })
    .from(agentAssignments)
    .innerJoin(agents, eq(agents.id, agentAssignments.agentId))
    .where(and(eq(agentAssignments.accountId, accountId), lte(agentAssignments.startsOn, today), or(isNull(agentAssignments.endsOn), gte(agentAssignments.endsOn, today)), eq(agents.active, true)))
    .orderBy(asc(agents.name), asc(agents.id));
}

export async function insertCallRequest(
  input: { accountId: string; requestedById: string; toNumber: string; agentId: string | null; scheduledFor: Date | null; notes: string },
  db: Database = getDb(),
): Promise<{ id: string }> {
  const [created] = await db.insert(callRequests).values(input).returning({ id: callRequests.id });
  return created!;
}

/** A request's columns, with the call it became (of the same account only). */
function requestColumns(accountId: string) {
  return {
    id: callRequests.id,
    toNumber: callRequests.toNumber,
    agentName: agents.name,
    scheduledFor: callRequests.scheduledFor,
    notes: callRequests.notes,
    status: callRequests.status,
    requestedBy: users.name,
    createdAt: callRequests.createdAt,
    completedAt: callRequests.completedAt,
    callId: sql<string | null>`(select ${calls.id} from ${calls} where ${calls.callRequestId} = ${callRequests.id} and ${calls.accountId} = ${accountId} limit 1)`,
  };
}

function selectRequests(accountId: string, db: Database, extra: Record<string, SQL> = {}) {
  return db
    .select({ ...requestColumns(accountId), ...extra })
    .from(callRequests)
    .leftJoin(agents, eq(agents.id, callRequests.agentId))
    .leftJoin(users, eq(users.id, callRequests.requestedById));
}

/** The account's requests, newest first, each with the call it became; a short list, so the latest `limit`. */
export async function listCallRequests(accountId: string, limit = 50, db: Database = getDb()): Promise<CallRequestRow[]> {
  return selectRequests(accountId, db).where(eq(callRequests.accountId, accountId)).orderBy(desc(callRequests.createdAt), desc(callRequests.id)).limit(limit);
}

/** The same list a page at a time, newest first (keyset over createdAt, id), for the API. */
export async function listCallRequestsPage(accountId: string, page: PageRequest, db: Database = getDb()): Promise<KeysetPage<CallRequestRow>> {
  const { where, orderBy } = keyset(callRequests.createdAt, callRequests.id, page);
  const found = await selectRequests(accountId, db, { cursorTime: cursorTime(callRequests.createdAt) })
    .where(and(eq(callRequests.accountId, accountId), where))
    .orderBy(...orderBy)
    .limit(page.limit + 1);
  return keysetPage(found as (CallRequestRow & { cursorTime: string })[], page);
}

/** One of the account's requests; another account's is null. */
export async function getCallRequest(accountId: string, requestId: string, db: Database = getDb()): Promise<CallRequestRow | null> {
  const [row] = await selectRequests(accountId, db).where(and(eq(callRequests.id, requestId), eq(callRequests.accountId, accountId)));
  return row ?? null;
}

/** Withdraws the account's request while it is still pending; null for another account's, a missing or a taken one. */
export async function cancelPendingCallRequest(accountId: string, requestId: string, db: Database = getDb()): Promise<{ id: string; toNumber: string } | null> {
  const [cancelled] = await db
    .update(callRequests)
    .set({ status: "cancelled" })
    .where(and(eq(callRequests.id, requestId), eq(callRequests.accountId, accountId), eq(callRequests.status, "pending")))
    .returning({ id: callRequests.id, toNumber: callRequests.toNumber });
  return cancelled ?? null;
}

/** The account's request, locked until the transaction ends; null for another account's. */
export async function lockCallRequest(accountId: string, requestId: string, db: Database): Promise<{ id: string; status: CallRequestStatus; toNumber: string; requestedById: string | null } | null> {
  const [row] = await db
    .select({ id: callRequests.id, status: callRequests.status, toNumber: callRequests.toNumber, requestedById: callRequests.requestedById })
    .from(callRequests)
    .where(and(eq(callRequests.id, requestId), eq(callRequests.accountId, accountId)))
    .for("update");
  return row ?? null;
}

export async function markCallRequestCompleted(requestId: string, db: Database): Promise<void> {
  await db.update(callRequests).set({ status: "completed", completedAt: sql`now()` }).where(eq(callRequests.id, requestId));
}

export type ClaimedCallRequest = { id: string; accountId: string; toNumber: string; agentId: string | null; scheduledFor: Date | null; notes: string; createdAt: Date };

/**
 * Claims up to `limit` pending requests that are due, oldest due first, and claimed ones whose
 * lease has run out unreported (the platform crashed after claiming). Rows another transaction
 * is claiming are skipped, not waited for, so two platform workers never get the same request.
 */
export async function claimDueCallRequests(limit: number, db: Database = getDb()): Promise<ClaimedCallRequest[]> {
  const due = db
    .select({ id: callRequests.id })
    .from(callRequests)
    .where(
      or(
        and(eq(callRequests.status, "pending"), or(isNull(callRequests.scheduledFor), lte(callRequests.scheduledFor, sql`now()`))),
        and(eq(callRequests.status, "claimed"), lt(callRequests.claimedAt, sql`now() - make_interval(mins => ${CALL_REQUEST_CLAIM_LEASE_MINUTES})`)),
      ),
    )
    .orderBy(sql`coalesce(${callRequests.scheduledFor}, ${callRequests.createdAt})`, asc(callRequests.id))
    .limit(limit)
    .for("update", { skipLocked: true });
  const claimed = await db
    .update(callRequests)
    .set({ status: "claimed", claimedAt: sql`now()` })
    .where(inArray(callRequests.id, due))
    .returning({
      id: callRequests.id,
      accountId: callRequests.accountId,
      toNumber: callRequests.toNumber,
      agentId: callRequests.agentId,
      scheduledFor: callRequests.scheduledFor,
      notes: callRequests.notes,
      createdAt: callRequests.createdAt,
    });
  return claimed.sort((a, b) => (a.scheduledFor ?? a.createdAt).getTime() - (b.scheduledFor ?? b.createdAt).getTime() || a.id.localeCompare(b.id));
}
