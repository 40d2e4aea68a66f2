import "server-only";
import { getCustomerAccount } from "@/db/queries/accounts";
import { createAuditEntry } from "@/db/queries/audit";
import { insertProjectRequest, insertRequestAttachments, lockRequestForDecision, setRequestDecision } from "@/db/queries/project-requests";
import { listAccountMemberIds } from "@/db/queries/projects";
import { inTransaction, type Transaction } from "@/db/queries/transaction";
import { listActiveStaffIds } from "@/db/queries/users";
import type { Actor } from "@/lib/actor";
import { AppError } from "@/lib/errors";
import { notify } from "@/lib/notifications/service";
import { todayIn } from "@/lib/projects/dates";
import { createProject } from "@/lib/projects/service";
import { claimUploads } from "@/lib/uploads/service";
import type { RequestInfo } from "@/lib/request-info";
import { assertStaff } from "@/lib/users/service";
import type { ConvertRequestInput, ProjectRequestInput } from "@/lib/validations/project-requests";

export type SubmitResult = { status: "ok"; id: string } | { status: "deadline_past" };

/** A customer asks for new work for their account; every active staff user is told. */
export async function submitProjectRequest(
  actor: Actor & { timeZone: string },
  input: ProjectRequestInput & { attachmentIds: string[] },
  info: RequestInfo,
  db?: Transaction,
): Promise<SubmitResult> {
  const accountId = actor.accountId;
  if (actor.role !== "customer" || !accountId) throw new AppError("forbidden", "Only customers send project requests.");
  if (input.desiredDeadline && input.desiredDeadline < todayIn(actor.timeZone)) return { status: "deadline_past" };
  return inTransaction(async (tx) => {
    const { attachmentIds, ...fields } = input;
    const request = await insertProjectRequest({ ...fields, accountId, submittedById: actor.id }, tx);
    // Throws for any id that is not the sender's own pending upload, rolling the request back too.
    const files = await claimUploads(actor, attachmentIds, { purpose: "request_attachment", accountId }, tx);
    await insertRequestAttachments(
      request.id,
      files.map((file) => file.id),
      tx,
    );
    await createAuditEntry(
      { action: "user.project_request_submitted", actorId: actor.id, targetUserId: actor.id, ip: info.ip, userAgent: info.userAgent, metadata: { requestId: request.id, accountId, title: input.title, attachments: files.length } },
      tx,
    );
    const account = await getCustomerAccount(accountId, tx);
    for (const staffId of await listActiveStaffIds(tx)) {
      await notify(staffId, { type: "staff.projectRequestSubmitted", params: { customer: account?.name ?? "", title: input.title }, link: `/admin/requests/${request.id}` }, tx);
    }
    return { status: "ok", id: request.id };
  }, db);
}

export type DecisionResult = { status: "ok" } | { status: "already_decided" | "already_in_review" };

type Locked = NonNullable<Awaited<ReturnType<typeof lockRequestForDecision>>>;

/**
 * Runs a staff decision on a request whose row is locked for the transaction, so of two staff
 * acting at once the second sees the first one's outcome. A decided request is never decided again.
 */
async function decide<T extends { status: string }>(
  admin: Actor,
  requestId: string,
  db: Transaction | undefined,
  work: (request: Locked, tx: Transaction) => Promise<T>,
): Promise<T | { status: "already_decided" }> {
  assertStaff(admin);
  return inTransaction(async (tx) => {
    const request = await lockRequestForDecision(requestId, tx);
    if (!request) throw new AppError("not_found", "That request does not exist.");
    if (request.status === "converted" || request.status === "declined") return { status: "already_decided" as const };
    return work(request, tx);
  }, db);
}

async function notifyCustomers(accountId: string, notification: Parameters<typeof notify>[1], tx: Transaction) {
  for (const userId of await listAccountMemberIds(accountId, tx)) await notify(userId, notification, tx);
}

/** Staff take a submitted request up; the customer learns it is being looked at. */
export async function startRequestReview(admin: Actor, input: { requestId: string }, info: RequestInfo, db?: Transaction): Promise<DecisionResult> {
  return decide(admin, input.requestId, db, async (request, tx) => {
    if (request.status === "in_review") return { status: "already_in_review" as const };
    await setRequestDecision(request.id, { status: "in_review", reviewedById: admin.id, decided: false }, tx);
    await createAuditEntry(
      { action: "admin.project_request_reviewed", actorId: admin.id, targetUserId: request.submittedById, ip: info.ip, userAgent: info.userAgent, metadata: { requestId: request.id, accountId: request.accountId } },
      tx,
    );
    await notifyCustomers(request.accountId, { type: "projectRequest.inReview", params: { title: request.title }, link: `/dashboard/projects/requests/${request.id}` }, tx);
    return { status: "ok" as const };
  });
}

export async function declineRequest(admin: Actor, input: { requestId: string; reason: string }, info: RequestInfo, db?: Transaction): Promise<DecisionResult> {
  return decide(admin, input.requestId, db, async (request, tx) => {
    await setRequestDecision(request.id, { status: "declined", reviewedById: admin.id, declineReason: input.reason, decided: true }, tx);
    await createAuditEntry(
      { action: "admin.project_request_declined", actorId: admin.id, targetUserId: request.submittedById, ip: info.ip, userAgent: info.userAgent, metadata: { requestId: request.id, accountId: request.accountId } },
      tx,
    );
    await notifyCustomers(
      request.accountId,
      { type: "projectRequest.declined", params: { title: request.title, reason: input.reason }, link: `/dashboard/projects/requests/${request.id}` },
      tx,
    );
    return { status: "ok" as const };
  });
}

export type ConvertResult = { status: "ok"; projectId: string } | { status: "already_decided" | "dates_out_of_order" };

/** Staff turn a request into a project of the same account; the request keeps the link to it. */
export async function convertRequest(admin: Actor, input: Omit<ConvertRequestInput, "requestId"> & { requestId: string }, info: RequestInfo, db?: Transaction): Promise<ConvertResult> {
  if (input.startDate && input.dueDate && input.dueDate < input.startDate) return { status: "dates_out_of_order" };
  return decide(admin, input.requestId, db, async (request, tx) => {
    const project = await createProject(
      admin,
      { accountId: request.accountId, name: input.name, description: input.description, status: "planned", startDate: input.startDate, dueDate: input.dueDate },
      info,
      tx,
      { notifyMembers: false },
    );
    await setRequestDecision(request.id, { status: "converted", reviewedById: admin.id, projectId: project.id, decided: true }, tx);
    await createAuditEntry(
      {
        action: "admin.project_request_converted",
        actorId: admin.id,
        targetUserId: request.submittedById,
        ip: info.ip,
        userAgent: info.userAgent,
        metadata: { requestId: request.id, accountId: request.accountId, projectId: project.id },
      },
      tx,
    );
    await notifyCustomers(request.accountId, { type: "projectRequest.converted", params: { title: request.title, project: input.name }, link: `/dashboard/projects/${project.id}` }, tx);
    return { status: "ok" as const, projectId: project.id };
  });
}
