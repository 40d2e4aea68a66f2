import "server-only";
import { createAuditEntry } from "@/db/queries/audit";
import { getCallPreferencesOf, type CallPreferenceValues } from "@/db/queries/call-preferences";
import { cancelPendingCallRequest, claimDueCallRequests, insertCallRequest, listAssignedAgentChoices, listCallRequests, type CallRequestRow, type ClaimedCallRequest } from "@/db/queries/call-requests";
import { inTransaction, type Transaction } from "@/db/queries/transaction";
import type { Actor } from "@/lib/actor";
import type { RequestInfo } from "@/lib/request-info";
import { callAccountOf } from "./preferences";

/** A wall-clock time this close to now still counts as "now": the form took a moment to send. */
const PAST_GRACE_MS = 60 * 1000;

export type NewCallRequest = { toNumber: string; agentId: string | null; scheduledFor: Date | null; notes: string };
export type CallRequestResult = { status: "ok"; requestId: string } | { status: "agent_not_assigned" | "scheduled_in_past" };

/** The account's requests and the agents it may ask for, for the "Start a call" page. */
export async function getCallRequestsPage(actor: Actor, db?: Transaction): Promise<{ requests: CallRequestRow[]; agents: { id: string; name: string }[] }> {
  const accountId = callAccountOf(actor);
  const [requests, agents] = await Promise.all([listCallRequests(accountId, 50, db), listAssignedAgentChoices(accountId, db)]);
  return { requests, agents };
}

/** A customer asks for an outbound call, with one of the account's assigned agents if they like; it waits for the platform. */
export async function createCallRequest(actor: Actor, input: NewCallRequest, info: RequestInfo, db?: Transaction): Promise<CallRequestResult> {
  const accountId = callAccountOf(actor);
  if (input.scheduledFor && input.scheduledFor.getTime() < Date.now() - PAST_GRACE_MS) return { status: "scheduled_in_past" };
  return inTransaction(async (tx) => {
    if (input.agentId && !(await listAssignedAgentChoices(accountId, tx)).some((agent) => agent.id === input.agentId)) return { status: "agent_not_assigned" };
    const { id } = await insertCallRequest({ accountId, requestedById: actor.id, ...input }, tx);
    await createAuditEntry({ action: "user.call_requested", actorId: actor.id, targetUserId: actor.id, ...info, metadata: { accountId, callRequestId: id } }, tx);
    return { status: "ok", requestId: id };
  }, db);
}

/** Withdraws a request the platform has not taken yet; another account's, or a taken one, is not_found alike. */
export async function cancelCallRequest(actor: Actor, requestId: string, info: RequestInfo, db?: Transaction): Promise<{ status: "ok" | "not_found" }> {
  const accountId = callAccountOf(actor);
  return inTransaction(async (tx) => {
    const cancelled = await cancelPendingCallRequest(accountId, requestId, tx);
    if (!cancelled) return { status: "not_found" };
    await createAuditEntry({ action: "user.call_request_cancelled", actorId: actor.id, targetUserId: actor.id, ...info, metadata: { accountId, callRequestId: cancelled.id } }, tx);
    return { status: "ok" };
  }, db);
}

export type ClaimedRequest = ClaimedCallRequest & { preferences: CallPreferenceValues };

/** The call platform takes the due requests (each once), with the preferences of each request's account. */
export async function claimCallRequests(limit: number, db?: Transaction): Promise<ClaimedRequest[]> {
  return inTransaction(async (tx) => {
    const claimed = await claimDueCallRequests(limit, tx);
    const preferences = await getCallPreferencesOf(claimed.map((request) => request.accountId), tx);
    return claimed.map((request) => ({ ...request, preferences: preferences.get(request.accountId)! }));
  }, db);
}
