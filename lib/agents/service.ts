import "server-only";
import { getCustomerAccount } from "@/db/queries/accounts";
import {
  adminGetAgent,
  getActiveAgent,
  getCurrentAssignmentOfAccount,
  hasAssignmentFrom,
  hasPendingAgentRequest,
  insertAgent,
  insertAgentRequest,
  insertAssignment,
  lockAgentRequestForDecision,
  lockAgentRequestsOfAccount,
  lockAssignment,
  setAgentRequestDecision,
  setAssignmentEnd,
  updateAgent as updateAgentRow,
} from "@/db/queries/agents";
import { createAuditEntry } from "@/db/queries/audit";
import { listAccountMemberIds } from "@/db/queries/projects";
import { inTransaction, type Transaction } from "@/db/queries/transaction";
import { listActiveStaffIds } from "@/db/queries/users";
import { recordActivity } from "@/lib/activity/service";
import type { Actor } from "@/lib/actor";
import { AppError } from "@/lib/errors";
import { notify } from "@/lib/notifications/service";
import { todayIn } from "@/lib/projects/dates";
import type { RequestInfo } from "@/lib/request-info";
import { assertStaff } from "@/lib/users/service";
import type { AgentInput, AgentRequestInput, ApproveAgentRequestInput, AssignAgentInput } from "@/lib/validations/agents";

/** Staff decide "today" where they are, as the dates they pick are their calendar days. */
type Staff = Actor & { timeZone: string };

// ---- Customers asking for an agent ------------------------------------------------------------

export type AgentRequestResult = { status: "ok"; id: string } | { status: "pending_exists" | "agent_unavailable" | "assignment_unavailable" };

/**
 * A customer asks for an agent: a first one, another one, or a change replacing one of their
 * current agents (ended when staff approve). One
 * request waits at a time per account, so staff decide on the latest wishes; every active staff user is told.
 */
export async function createAgentRequest(actor: Actor, input: AgentRequestInput, info: RequestInfo, db?: Transaction): Promise<AgentRequestResult> {
  const accountId = actor.accountId;
  if (actor.role !== "customer" || !accountId) throw new AppError("forbidden", "Only customers ask for agents.");
  return inTransaction(async (tx) => {
    await lockAgentRequestsOfAccount(accountId, tx);
    if (await hasPendingAgentRequest(accountId, tx)) return { status: "pending_exists" as const };
    if (input.agentId && !(await getActiveAgent(input.agentId, tx))) return { status: "agent_unavailable" as const };
    // Days of the account's assignments are the team's calendar days; a day either side does not matter here.
    if (input.replacesAssignmentId && !(await getCurrentAssignmentOfAccount(accountId, input.replacesAssignmentId, todayIn("UTC"), tx))) {
      return { status: "assignment_unavailable" as const };
    }
    const request = await insertAgentRequest({ accountId, requestedById: actor.id, ...input }, tx);
    await createAuditEntry(
      {
        action: "user.agent_requested",
        actorId: actor.id,
        targetUserId: actor.id,
        ip: info.ip,
        userAgent: info.userAgent,
        metadata: { requestId: request.id, accountId, agentId: input.agentId, replacesAssignmentId: input.replacesAssignmentId, language: input.language, specialty: input.specialty },
      },
      tx,
    );
    const account = await getCustomerAccount(accountId, tx);
    // The notes say most; without them, the preferences stand in.
    const notes = input.notes || [input.language, input.specialty].filter(Boolean).join(" · ");
    for (const staffId of await listActiveStaffIds(tx)) {
      await notify(staffId, { type: "staff.agentRequestSubmitted", params: { account: account?.name ?? "", notes }, link: "/admin/agent-requests" }, tx);
    }
    return { status: "ok" as const, id: request.id };
  }, db);
}

// ---- Staff deciding on requests ---------------------------------------------------------------

type Locked = NonNullable<Awaited<ReturnType<typeof lockAgentRequestForDecision>>>;

/**
 * Runs a staff decision on a request whose row is locked for the transaction, so of two staff
 * acting at once the second sees the first one's outcome. A decided request is never decided again.
 */
async function decide<T extends { status: string }>(admin: Actor, requestId: string, db: Transaction | undefined, work: (request: Locked, tx: Transaction) => Promise<T>) {
  assertStaff(admin);
  return inTransaction(async (tx): Promise<T | { status: "already_decided" }> => {
    const request = await lockAgentRequestForDecision(requestId, tx);
    if (!request) throw new AppError("not_found", "That request does not exist.");
    if (request.status !== "pending") return { status: "already_decided" };
    return work(request, tx);
  }, db);
}

const agentsPage = "/dashboard/agents";
const requestKind = (request: Locked) => (request.replacesAssignmentId ? "change" : "additional");

/** The end of an assignment on its account's timeline, naming the agent. */
async function recordAssignmentEnded(assignment: { accountId: string; agentId: string }, tx: Transaction): Promise<void> {
  const agent = await adminGetAgent(assignment.agentId, tx);
  await recordActivity({ accountId: assignment.accountId, type: "agent.assignmentEnded", params: { agent: agent?.name ?? "" }, link: agentsPage }, tx);
}

async function notifyMembers(accountId: string, notification: Parameters<typeof notify>[1], tx: Transaction) {
  for (const userId of await listAccountMemberIds(accountId, tx)) await notify(userId, notification, tx);
}

type AssignmentRefusal = { status: "agent_unavailable" | "already_assigned" };

/** The assignment both an approval and the staff user page make: an active agent, not serving the account already. */
async function assign(admin: Actor, input: AssignAgentInput, tx: Transaction): Promise<{ status: "ok"; assignmentId: string; agentName: string } | AssignmentRefusal> {
  const agent = await getActiveAgent(input.agentId, tx);
  if (!agent) return { status: "agent_unavailable" };
  if (await hasAssignmentFrom(input.accountId, agent.id, input.startsOn, tx)) return { status: "already_assigned" };
  const { id } = await insertAssignment({ accountId: input.accountId, agentId: agent.id, role: input.role, startsOn: input.startsOn, createdById: admin.id }, tx);
  await recordActivity({ accountId: input.accountId, type: "agent.assigned", params: { agent: agent.name }, link: agentsPage }, tx);
  return { status: "ok", assignmentId: id, agentName: agent.name };
}

export type ApproveResult = { status: "ok"; assignmentId: string } | AssignmentRefusal | { status: "already_decided" };

/**
 * Approving assigns the chosen agent from `startsOn` in the same transaction, and for a change ends
 * the replaced assignment the day before (never before it began); the account's members are told.
 */
export async function approveAgentRequest(admin: Actor, input: ApproveAgentRequestInput, info: RequestInfo, db?: Transaction): Promise<ApproveResult> {
  return decide(admin, input.requestId, db, async (request, tx) => {
    const assigned = await assign(admin, { accountId: request.accountId, agentId: input.agentId, role: input.role, startsOn: input.startsOn }, tx);
    if (assigned.status !== "ok") return assigned;
    if (request.replacesAssignmentId) await endReplacedAssignment(request.replacesAssignmentId, input.startsOn, tx);
    await setAgentRequestDecision(request.id, { status: "approved", decidedById: admin.id, assignmentId: assigned.assignmentId }, tx);
    await createAuditEntry(
      {
        action: "admin.agent_request_approved",
        actorId: admin.id,
        targetUserId: request.requestedById,
        ip: info.ip,
        userAgent: info.userAgent,
        metadata: { requestId: request.id, accountId: request.accountId, agentId: input.agentId, assignmentId: assigned.assignmentId, role: input.role },
      },
      tx,
    );
    await recordActivity({ accountId: request.accountId, type: "agentRequest.approved", params: { kind: requestKind(request), agent: assigned.agentName }, link: agentsPage }, tx);
    await notifyMembers(request.accountId, { type: "agentRequest.approved", params: { agent: assigned.agentName, role: input.role }, link: "/dashboard/agents" }, tx);
    return { status: "ok" as const, assignmentId: assigned.assignmentId };
  });
}

async function endReplacedAssignment(assignmentId: string, newStartsOn: string, tx: Transaction): Promise<void> {
  const replaced = await lockAssignment(assignmentId, tx);
  if (!replaced) return;
  const dayBefore = new Date(`${newStartsOn}T00:00:00Z`);
  dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
  const endsOn = [dayBefore.toISOString().slice(0, 10), replaced.startsOn].sort().at(-1)!;
  if (replaced.endsOn === null || replaced.endsOn > endsOn) {
    await setAssignmentEnd(replaced.id, endsOn, tx);
    await recordAssignmentEnded(replaced, tx);
  }
}

export type DeclineResult = { status: "ok" | "already_decided" };

export async function declineAgentRequest(admin: Actor, input: { requestId: string; reason: string }, info: RequestInfo, db?: Transaction): Promise<DeclineResult> {
  const reason = input.reason.trim();
  if (!reason) throw new AppError("bad_request", "A decline needs a reason.");
  return decide(admin, input.requestId, db, async (request, tx) => {
    await setAgentRequestDecision(request.id, { status: "declined", decidedById: admin.id, declineReason: reason }, tx);
    await createAuditEntry(
      { action: "admin.agent_request_declined", actorId: admin.id, targetUserId: request.requestedById, ip: info.ip, userAgent: info.userAgent, metadata: { requestId: request.id, accountId: request.accountId } },
      tx,
    );
    await recordActivity({ accountId: request.accountId, type: "agentRequest.declined", params: { kind: requestKind(request) }, link: agentsPage }, tx);
    await notifyMembers(request.accountId, { type: "agentRequest.declined", params: { reason }, link: "/dashboard/agents" }, tx);
    return { status: "ok" as const };
  });
}

// ---- Staff assigning directly -----------------------------------------------------------------

export type AssignResult = { status: "ok"; assignmentId: string } | AssignmentRefusal;

/** Staff assign an agent from the customer's page, without a request. */
export async function assignAgent(admin: Actor, input: AssignAgentInput, info: RequestInfo, db?: Transaction): Promise<AssignResult> {
  assertStaff(admin);
  return inTransaction(async (tx) => {
    if (!(await getCustomerAccount(input.accountId, tx))) throw new AppError("not_found", "That account does not exist.");
    const assigned = await assign(admin, input, tx);
    if (assigned.status !== "ok") return assigned;
    await createAuditEntry(
      {
        action: "admin.agent_assigned",
        actorId: admin.id,
        ip: info.ip,
        userAgent: info.userAgent,
        metadata: { accountId: input.accountId, agentId: input.agentId, assignmentId: assigned.assignmentId, role: input.role, startsOn: input.startsOn },
      },
      tx,
    );
    return { status: "ok" as const, assignmentId: assigned.assignmentId };
  }, db);
}

export type EndAssignmentResult = { status: "ok" | "already_ended" | "not_started" };

/** The assignment ends today (it still counts for today); one that has not started yet cannot end before it starts. */
export async function endAssignment(admin: Staff, input: { assignmentId: string }, info: RequestInfo, db?: Transaction): Promise<EndAssignmentResult> {
  assertStaff(admin);
  const today = todayIn(admin.timeZone);
  return inTransaction(async (tx) => {
    const assignment = await lockAssignment(input.assignmentId, tx);
    if (!assignment) throw new AppError("not_found", "That assignment does not exist.");
    if (assignment.endsOn !== null && assignment.endsOn <= today) return { status: "already_ended" as const };
    if (assignment.startsOn > today) return { status: "not_started" as const };
    await setAssignmentEnd(assignment.id, today, tx);
    await recordAssignmentEnded(assignment, tx);
    await createAuditEntry(
      {
        action: "admin.agent_assignment_ended",
        actorId: admin.id,
        ip: info.ip,
        userAgent: info.userAgent,
        metadata: { accountId: assignment.accountId, agentId: assignment.agentId, assignmentId: assignment.id, endsOn: today },
      },
      tx,
    );
    return { status: "ok" as const };
  }, db);
}

// ---- Staff keeping agents ---------------------------------------------------------------------

export async function createAgent(admin: Actor, input: AgentInput, info: RequestInfo, db?: Transaction): Promise<{ id: string }> {
  assertStaff(admin);
  return inTransaction(async (tx) => {
    const agent = await insertAgent(input, tx);
    await createAuditEntry({ action: "admin.agent_created", actorId: admin.id, ip: info.ip, userAgent: info.userAgent, metadata: { agentId: agent.id, name: input.name, kind: input.kind } }, tx);
    return agent;
  }, db);
}

export async function updateAgent(admin: Actor, input: AgentInput & { agentId: string }, info: RequestInfo, db?: Transaction): Promise<void> {
  assertStaff(admin);
  const { agentId, ...fields } = input;
  await inTransaction(async (tx) => {
    if (!(await updateAgentRow(agentId, fields, tx))) throw new AppError("not_found", "That agent does not exist.");
    await createAuditEntry({ action: "admin.agent_updated", actorId: admin.id, ip: info.ip, userAgent: info.userAgent, metadata: { agentId, name: fields.name, active: fields.active } }, tx);
  }, db);
}
