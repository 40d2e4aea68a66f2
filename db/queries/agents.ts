import "server-only";
import { and, asc, count, countDistinct, desc, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Database } from "@/db";
import { agentAssignments, agentRequests, agents, callTotals, customerAccounts, storedFiles, users } from "@/db/schema";
import type { StoredFileForDownload } from "@/db/queries/files";
import type { AgentKind, AssignmentRole } from "@/lib/constants";
import { cursorTime, keyset, keysetPage, type PageRequest } from "./search";

const agentColumns = {
  id: agents.id,
  name: agents.name,
  kind: agents.kind,
  languages: agents.languages,
  specialties: agents.specialties,
  bio: agents.bio,
  avatarFileId: agents.avatarFileId,
  active: agents.active,
};

/** Assigned on `today` (a calendar day): started, and not ended before it. */
function activeOn(today: string) {
  return and(lte(agentAssignments.startsOn, today), or(isNull(agentAssignments.endsOn), gte(agentAssignments.endsOn, today)));
}

// ---- Customers --------------------------------------------------------------------------------

/** Agents customers may ask for and staff may assign: the active ones, by name. */
export async function listActiveAgents(db: Database = getDb()) {
  return db
    .select({ id: agents.id, name: agents.name, kind: agents.kind, languages: agents.languages })
    .from(agents)
    .where(eq(agents.active, true))
    .orderBy(sql`lower(${agents.name})`, asc(agents.id));
}

export async function getActiveAgent(agentId: string, db: Database = getDb()) {
  const [agent] = await db
    .select({ id: agents.id, name: agents.name })
    .from(agents)
    .where(and(eq(agents.id, agentId), eq(agents.active, true)));
  return agent ?? null;
}

/** The specialties active agents have, to suggest in the request form. */
export async function listKnownSpecialties(db: Database = getDb()): Promise<string[]> {
  const rows = await db
    .selectDistinct({ specialty: sql<string>`unnest(${agents.specialties})` })
    .from(agents)
    .where(eq(agents.active, true))
    .orderBy(sql`1`)
    .limit(200);
  return rows.map((row) => row.specialty);
}

/** The account's agents on `today`, primary ones first. */
export async function listCurrentAgentsForAccount(accountId: string, today: string, db: Database = getDb()) {
  return db
    .select({ ...agentColumns, assignmentId: agentAssignments.id, role: agentAssignments.role, startsOn: agentAssignments.startsOn, endsOn: agentAssignments.endsOn })
    .from(agentAssignments)
    .innerJoin(agents, eq(agents.id, agentAssignments.agentId))
    .where(and(eq(agentAssignments.accountId, accountId), activeOn(today)))
    .orderBy(sql`case when ${agentAssignments.role} = 'primary' then 0 else 1 end`, sql`lower(${agents.name})`, asc(agentAssignments.id));
}

export type AgentPerformance = {
  calls: number;
  /** Completed calls over all calls, 0–1; null without calls. */
  successRate: number | null;
  /** Mean of the rated calls' scores, 1–5; null when none was rated. */
  averageSatisfaction: number | null;
  /** Mean length of the completed calls in seconds; null when none completed. */
  averageHandlingSeconds: number | null;
};

/**
 * How each agent did on this account's calls only, from the all-time totals in one query (a row
 * per agent, never the calls, so it stays fast at a million calls).
 */
export async function getAgentPerformanceForAccount(accountId: string, agentIds: string[], db: Database = getDb()): Promise<Map<string, AgentPerformance>> {
  if (agentIds.length === 0) return new Map();
  const rows = await db
    .select({
      agentId: callTotals.agentId,
      calls: callTotals.calls,
      completed: callTotals.completed,
      completedSeconds: callTotals.completedSeconds,
      ratedCalls: callTotals.ratedCalls,
      satisfactionSum: callTotals.satisfactionSum,
    })
    .from(callTotals)
    .where(and(eq(callTotals.accountId, accountId), inArray(callTotals.agentId, agentIds)));
  const byAgent = new Map<string, AgentPerformance>();
  for (const row of rows) {
    byAgent.set(row.agentId!, {
      calls: row.calls,
      successRate: row.calls > 0 ? row.completed / row.calls : null,
      averageSatisfaction: row.ratedCalls > 0 ? row.satisfactionSum / row.ratedCalls : null,
      averageHandlingSeconds: row.completed > 0 ? row.completedSeconds / row.completed : null,
    });
  }
  return byAgent;
}

const requestedAgents = alias(agents, "requested_agents");
const assignedAgents = alias(agents, "assigned_agents");
// A change request's replaced assignment and its agent.
const replacedAssignments = alias(agentAssignments, "replaced_assignments");
const replacedAgents = alias(agents, "replaced_agents");

const requestColumns = {
  id: agentRequests.id,
  status: agentRequests.status,
  language: agentRequests.language,
  specialty: agentRequests.specialty,
  notes: agentRequests.notes,
  declineReason: agentRequests.declineReason,
  requestedAgentName: requestedAgents.name,
  assignedAgentName: assignedAgents.name,
  assignedRole: agentAssignments.role,
  assignedFrom: agentAssignments.startsOn,
  replacesAgentName: replacedAgents.name,
  createdAt: agentRequests.createdAt,
  decidedAt: agentRequests.decidedAt,
};

/** The account's agent requests, newest first (an account sends a handful, so no paging). */
export async function listAgentRequestsForAccount(accountId: string, db: Database = getDb()) {
  return (await selectAgentRequestsOfAccount(accountId, null, db)).map(({ cursorTime: _, ...row }) => row);
}

/** The same list a page at a time (keyset over created_at, id), for the API. */
export async function listAgentRequestsPageForAccount(accountId: string, page: PageRequest, db: Database = getDb()) {
  return keysetPage(await selectAgentRequestsOfAccount(accountId, page, db), page);
}

async function selectAgentRequestsOfAccount(accountId: string, page: PageRequest | null, db: Database) {
  const { where, orderBy } = page ? keyset(agentRequests.createdAt, agentRequests.id, page) : { where: undefined, orderBy: [desc(agentRequests.createdAt), desc(agentRequests.id)] };
  const query = db
    .select({ ...requestColumns, cursorTime: cursorTime(agentRequests.createdAt) })
    .from(agentRequests)
    .leftJoin(requestedAgents, eq(requestedAgents.id, agentRequests.agentId))
    .leftJoin(agentAssignments, eq(agentAssignments.id, agentRequests.assignmentId))
    .leftJoin(assignedAgents, eq(assignedAgents.id, agentAssignments.agentId))
    .leftJoin(replacedAssignments, eq(replacedAssignments.id, agentRequests.replacesAssignmentId))
    .leftJoin(replacedAgents, eq(replacedAgents.id, replacedAssignments.agentId))
    .where(and(eq(agentRequests.accountId, accountId), where))
    .orderBy(...orderBy);
  return page ? query.limit(page.limit + 1) : query;
}

/**
 * Serialises one account's agent requests until the transaction ends, so two sent at once cannot
 * both pass the one-pending rule (a transaction-scoped advisory lock; no row exists to lock yet).
 */
export async function lockAgentRequestsOfAccount(accountId: string, db: Database): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`agent-requests:${accountId}`}))`);
}

export async function hasPendingAgentRequest(accountId: string, db: Database = getDb()): Promise<boolean> {
  const [row] = await db
    .select({ value: count() })
    .from(agentRequests)
    .where(and(eq(agentRequests.accountId, accountId), eq(agentRequests.status, "pending")));
  return (row?.value ?? 0) > 0;
}

export async function insertAgentRequest(
  request: { accountId: string; requestedById: string; agentId: string | null; replacesAssignmentId: string | null; language: string | null; specialty: string | null; notes: string },
  db: Database = getDb(),
): Promise<{ id: string }> {
  const [created] = await db.insert(agentRequests).values(request).returning({ id: agentRequests.id });
  return created!;
}

// ---- Staff: the request queue -----------------------------------------------------------------

const requesters = alias(users, "requesters");
const isPending = eq(agentRequests.status, "pending");

/** One page of every account's requests: pending ones first, oldest first (a queue), then the decided ones, latest first. */
export async function adminListAgentRequests(params: { page: number; pageSize: number; today: string }, db: Database = getDb()) {
  const page = await db
    .select({
      ...requestColumns,
      replacedRole: replacedAssignments.role,
      // Whether the account has a primary agent today: approving another one as primary is rarely meant.
      accountHasPrimary: sql<boolean>`exists (select 1 from ${agentAssignments} as primaries where primaries.account_id = ${agentRequests.accountId}
        and primaries.role = 'primary' and primaries.starts_on <= ${params.today} and (primaries.ends_on is null or primaries.ends_on >= ${params.today}))`,
      requestedAgentId: agentRequests.agentId,
      accountId: agentRequests.accountId,
      customerName: customerAccounts.name,
      requestedById: agentRequests.requestedById,
      requestedByName: requesters.name,
      requestedByEmail: requesters.email,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(agentRequests)
    .innerJoin(customerAccounts, eq(customerAccounts.id, agentRequests.accountId))
    .leftJoin(requesters, eq(requesters.id, agentRequests.requestedById))
    .leftJoin(requestedAgents, eq(requestedAgents.id, agentRequests.agentId))
    .leftJoin(agentAssignments, eq(agentAssignments.id, agentRequests.assignmentId))
    .leftJoin(assignedAgents, eq(assignedAgents.id, agentAssignments.agentId))
    .leftJoin(replacedAssignments, eq(replacedAssignments.id, agentRequests.replacesAssignmentId))
    .leftJoin(replacedAgents, eq(replacedAgents.id, replacedAssignments.agentId))
    .orderBy(
      sql`case when ${isPending} then 0 else 1 end`,
      sql`case when ${isPending} then ${agentRequests.createdAt} end asc`,
      desc(agentRequests.decidedAt),
      desc(agentRequests.id),
    )
    .limit(params.pageSize)
    .offset((params.page - 1) * params.pageSize);
  const rows = page.map(({ total: _total, ...row }) => row);
  if (page[0]) return { rows, total: page[0].total };
  const [total] = params.page > 1 ? await db.select({ value: count() }).from(agentRequests) : [{ value: 0 }];
  return { rows, total: total?.value ?? 0 };
}

/** Locks the request row until the transaction ends: of two staff deciding at once, the second sees the first's decision. */
export async function lockAgentRequestForDecision(requestId: string, db: Database) {
  const [request] = await db
    .select({ id: agentRequests.id, accountId: agentRequests.accountId, requestedById: agentRequests.requestedById, status: agentRequests.status, replacesAssignmentId: agentRequests.replacesAssignmentId })
    .from(agentRequests)
    .where(eq(agentRequests.id, requestId))
    .for("update");
  return request ?? null;
}

export async function setAgentRequestDecision(
  requestId: string,
  decision: { status: "approved" | "declined"; decidedById: string; assignmentId?: string; declineReason?: string },
  db: Database,
): Promise<void> {
  await db
    .update(agentRequests)
    .set({ status: decision.status, decidedById: decision.decidedById, assignmentId: decision.assignmentId ?? null, declineReason: decision.declineReason ?? null, decidedAt: new Date() })
    .where(eq(agentRequests.id, requestId));
}

// ---- Staff: assignments -----------------------------------------------------------------------

export async function insertAssignment(
  assignment: { accountId: string; agentId: string; role: AssignmentRole; startsOn: string; createdById: string },
  db: Database = getDb(),
): Promise<{ id: string }> {
  const [created] = await db.insert(agentAssignments).values(assignment).returning({ id: agentAssignments.id });
  return created!;
}

/** Every assignment of the account, current and future ones first, then past ones, latest first. */
export async function adminListAssignmentsOfAccount(accountId: string, today: string, db: Database = getDb()) {
  return db
    .select({
      id: agentAssignments.id,
      agentId: agents.id,
      agentName: agents.name,
      agentKind: agents.kind,
      role: agentAssignments.role,
      startsOn: agentAssignments.startsOn,
      endsOn: agentAssignments.endsOn,
    })
    .from(agentAssignments)
    .innerJoin(agents, eq(agents.id, agentAssignments.agentId))
    .where(eq(agentAssignments.accountId, accountId))
    .orderBy(
      sql`case when ${agentAssignments.endsOn} is null or ${agentAssignments.endsOn} >= ${today} then 0 else 1 end`,
      desc(agentAssignments.startsOn),
      desc(agentAssignments.id),
    );
}

/** The account's assignment `assignmentId` if it is current on `today`: what a change request may replace. */
export async function getCurrentAssignmentOfAccount(accountId: string, assignmentId: string, today: string, db: Database = getDb()) {
  const [assignment] = await db
    .select({ id: agentAssignments.id })
    .from(agentAssignments)
    .where(and(eq(agentAssignments.id, assignmentId), eq(agentAssignments.accountId, accountId), activeOn(today)));
  return assignment ?? null;
}

export async function lockAssignment(assignmentId: string, db: Database) {
  const [assignment] = await db
    .select({ id: agentAssignments.id, accountId: agentAssignments.accountId, agentId: agentAssignments.agentId, startsOn: agentAssignments.startsOn, endsOn: agentAssignments.endsOn })
    .from(agentAssignments)
    .where(eq(agentAssignments.id, assignmentId))
    .for("update");
  return assignment ?? null;
}

export async function setAssignmentEnd(assignmentId: string, endsOn: string, db: Database): Promise<void> {
  await db.update(agentAssignments).set({ endsOn }).where(eq(agentAssignments.id, assignmentId));
}

// ---- Staff: agents ----------------------------------------------------------------------------

/** Every agent with the number of accounts it serves on `today`; a team's worth, so no paging. */
export async function adminListAgents(today: string, db: Database = getDb()) {
  return db
    .select({ ...agentColumns, accounts: countDistinct(agentAssignments.accountId) })
    .from(agents)
    .leftJoin(agentAssignments, and(eq(agentAssignments.agentId, agents.id), activeOn(today)))
    .groupBy(agents.id)
    .orderBy(sql`lower(${agents.name})`, asc(agents.id));
}

export async function adminGetAgent(agentId: string, db: Database = getDb()) {
  const [agent] = await db.select(agentColumns).from(agents).where(eq(agents.id, agentId));
  return agent ?? null;
}

type AgentFields = { name: string; kind: AgentKind; languages: string[]; specialties: string[]; bio: string; active: boolean };

export async function insertAgent(agent: AgentFields, db: Database = getDb()): Promise<{ id: string }> {
  const [created] = await db.insert(agents).values(agent).returning({ id: agents.id });
  return created!;
}

/** False when no agent has that id. */
export async function updateAgent(agentId: string, agent: AgentFields, db: Database = getDb()): Promise<boolean> {
  const updated = await db.update(agents).set({ ...agent, updatedAt: new Date() }).where(eq(agents.id, agentId)).returning({ id: agents.id });
  return updated.length > 0;
}

type NewAvatarFile = { storageKey: string; contentType: string; sizeBytes: number; fileName: string };

/**
 * Makes `file` (or nothing) the agent's avatar and deletes the row of the one it replaces, returning
 * that one's storage key so its bytes can go once this commits; null when the agent does not exist.
 * The agent's row is locked meanwhile, so two uploads at once cannot both keep their file.
 */
export async function replaceAgentAvatar(agentId: string, file: NewAvatarFile | null, db: Database): Promise<{ fileId: string | null; previousStorageKey: string | null } | null> {
  const [agent] = await db.select({ avatarFileId: agents.avatarFileId }).from(agents).where(eq(agents.id, agentId)).for("update");
  if (!agent) return null;
  const [created] = file ? await db.insert(storedFiles).values({ ...file, purpose: "agent_avatar", ownerUserId: null, accountId: null }).returning({ id: storedFiles.id }) : [];
  await db.update(agents).set({ avatarFileId: created?.id ?? null, updatedAt: new Date() }).where(eq(agents.id, agentId));
  const [previous] = agent.avatarFileId ? await db.delete(storedFiles).where(eq(storedFiles.id, agent.avatarFileId)).returning({ storageKey: storedFiles.storageKey }) : [];
  return { fileId: created?.id ?? null, previousStorageKey: previous?.storageKey ?? null };
}

/** An agent's current avatar, which every signed-in user may see; any other file id finds nothing. */
export async function getAgentAvatarFile(fileId: string, db: Database = getDb()): Promise<StoredFileForDownload | null> {
  const [file] = await db
    .select({
      id: storedFiles.id,
      purpose: storedFiles.purpose,
      storageKey: storedFiles.storageKey,
      contentType: storedFiles.contentType,
      sizeBytes: storedFiles.sizeBytes,
      fileName: storedFiles.fileName,
      ownerUserId: storedFiles.ownerUserId,
      accountId: storedFiles.accountId,
    })
    .from(storedFiles)
    .innerJoin(agents, eq(agents.avatarFileId, storedFiles.id))
    .where(and(eq(storedFiles.id, fileId), eq(storedFiles.purpose, "agent_avatar")));
  return file ?? null;
}

/** Whether the agent already serves the account on `startsOn` or later: a second assignment would double it. */
export async function hasAssignmentFrom(accountId: string, agentId: string, startsOn: string, db: Database) {
  const [row] = await db
    .select({ value: count() })
    .from(agentAssignments)
    .where(and(eq(agentAssignments.accountId, accountId), eq(agentAssignments.agentId, agentId), or(isNull(agentAssignments.endsOn), gte(agentAssignments.endsOn, startsOn))));
  return (row?.value ?? 0) > 0;
}
