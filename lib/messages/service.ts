import "server-only";
import { createAuditEntry } from "@/db/queries/audit";
import { getCustomerAccount } from "@/db/queries/accounts";
import { getProjectChoice, insertMessage, insertThread, lockThread, markThreadRead, setThreadStatus } from "@/db/queries/messages";
import { listAccountMemberIds } from "@/db/queries/projects";
import { inTransaction, type Transaction } from "@/db/queries/transaction";
import { listActiveStaffIds } from "@/db/queries/users";
import { recordActivity } from "@/lib/activity/service";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { messageEventData } from "@/lib/webhooks/events";
import type { Actor } from "@/lib/actor";
import { AppError } from "@/lib/errors";
import { notify } from "@/lib/notifications/service";
import type { RequestInfo } from "@/lib/request-info";
import { claimUploads } from "@/lib/uploads/service";
import { assertStaff } from "@/lib/users/service";

export type NewThreadInput = { subject: string; body: string; projectId: string | null; attachmentIds: string[] };
export type ReplyInput = { threadId: string; body: string; attachmentIds: string[] };

/** What a send can be refused for: each is shown next to its field (or, for the thread, as the form's message). */
export type SendRefusal = "not_found" | "project_not_found" | "invalid_attachments";
export type SendResult = { status: "ok"; threadId: string } | { status: SendRefusal };

/** Whoever writes: notifications name them. */
type Author = Actor & { name: string };

/** The account a customer writes for; staff use the admin services. */
function customerAccountOf(actor: Actor): string {
  if (actor.role !== "customer" || !actor.accountId) throw new AppError("forbidden", "Only customers write from here.");
  return actor.accountId;
}

/** An attachment that is not the sender's pending upload rolls the whole send back; it is the form's to show. */
async function refusingBadAttachments(send: () => Promise<SendResult>): Promise<SendResult> {
  try {
    return await send();
  } catch (error) {
    if (error instanceof AppError && error.code === "invalid_attachments") return { status: "invalid_attachments" };
    throw error;
  }
}

/** Saves the message and claims its files for the thread's account: one unit, inside the caller's transaction. */
async function addMessage(actor: Actor, thread: { id: string; accountId: string }, input: { body: string; attachmentIds: string[]; fromStaff: boolean }, tx: Transaction) {
  const files = await claimUploads(actor, input.attachmentIds, { purpose: "message_attachment", accountId: thread.accountId }, tx);
  return insertMessage({ threadId: thread.id, authorId: actor.id, fromStaff: input.fromStaff, body: input.body, fileIds: files.map((file) => file.id) }, tx);
}

/** Tells every active staff user that a customer wrote. */
async function notifyStaff(actor: Author, thread: { id: string; accountId: string; subject: string }, tx: Transaction) {
  await recordActivity({ accountId: thread.accountId, type: "message.sent", params: { subject: thread.subject }, link: `/dashboard/messages/${thread.id}`, actorId: actor.id }, tx);
  const account = await getCustomerAccount(thread.accountId, tx);
  for (const userId of await listActiveStaffIds(tx)) {
    await notify(
      userId,
      { type: "staff.messageReceived", params: { customer: account?.name ?? "", subject: thread.subject, author: actor.name }, link: `/admin/messages/${thread.id}` },
      tx,
    );
  }
}

/** Tells every member of the thread's customer account that the team wrote. */
async function notifyCustomers(actor: Author, thread: { id: string; accountId: string; subject: string }, message: { id: string }, tx: Transaction) {
  await recordActivity({ accountId: thread.accountId, type: "message.received", params: { subject: thread.subject }, link: `/dashboard/messages/${thread.id}` }, tx);
  await emitWebhookEvent({ accountId: thread.accountId, type: "message.received", data: messageEventData(thread, message) }, tx);
  for (const userId of await listAccountMemberIds(thread.accountId, tx)) {
    await notify(userId, { type: "message.received", params: { subject: thread.subject, author: actor.name }, link: `/dashboard/messages/${thread.id}` }, tx);
  }
}

/** A customer starts a thread, optionally about one of their account's projects; the team is told. */
export async function startThread(actor: Author, input: NewThreadInput, db?: Transaction): Promise<SendResult> {
  const accountId = customerAccountOf(actor);
  return refusingBadAttachments(() =>
    inTransaction(async (tx) => {
      if (input.projectId && !(await getProjectChoice(accountId, input.projectId, tx))) return { status: "project_not_found" };
      const thread = { ...(await insertThread({ accountId, projectId: input.projectId, subject: input.subject, createdById: actor.id }, tx)), accountId, subject: input.subject };
      await addMessage(actor, thread, { ...input, fromStaff: false }, tx);
      await notifyStaff(actor, thread, tx);
      return { status: "ok", threadId: thread.id };
    }, db),
  );
}

/** A customer answers in one of their account's threads; a closed thread opens again. */
export async function replyToThread(actor: Author, input: ReplyInput, db?: Transaction): Promise<SendResult> {
  const accountId = customerAccountOf(actor);
  return refusingBadAttachments(() =>
    inTransaction(async (tx) => {
      const thread = await lockThread(accountId, input.threadId, tx);
      if (!thread) return { status: "not_found" };
      await addMessage(actor, thread, { ...input, fromStaff: false }, tx);
      await notifyStaff(actor, thread, tx);
      return { status: "ok", threadId: thread.id };
    }, db),
  );
}

/** Staff write to a customer account, optionally about one of its projects; its members are told. */
export async function adminStartThread(admin: Author, input: NewThreadInput & { accountId: string }, info: RequestInfo, db?: Transaction): Promise<SendResult> {
  assertStaff(admin);
  return refusingBadAttachments(() =>
    inTransaction(async (tx) => {
      if (!(await getCustomerAccount(input.accountId, tx))) return { status: "not_found" };
      if (input.projectId && !(await getProjectChoice(input.accountId, input.projectId, tx))) return { status: "project_not_found" };
      const created = await insertThread({ accountId: input.accountId, projectId: input.projectId, subject: input.subject, createdById: admin.id }, tx);
      const thread = { id: created.id, accountId: input.accountId, subject: input.subject };
      const message = await addMessage(admin, thread, { ...input, fromStaff: true }, tx);
      await createAuditEntry(
        {
          action: "admin.thread_started",
          actorId: admin.id,
          ip: info.ip,
          userAgent: info.userAgent,
          metadata: { threadId: thread.id, messageId: message.id, accountId: input.accountId, projectId: input.projectId, attachments: input.attachmentIds.length },
        },
        tx,
      );
      await notifyCustomers(admin, thread, message, tx);
      return { status: "ok", threadId: thread.id };
    }, db),
  );
}

/** Staff answer in any thread; writing in a closed thread opens it again (audited as such). */
export async function adminReplyToThread(admin: Author, input: ReplyInput, info: RequestInfo, db?: Transaction): Promise<SendResult> {
  assertStaff(admin);
  return refusingBadAttachments(() =>
    inTransaction(async (tx) => {
      const thread = await lockThread(null, input.threadId, tx);
      if (!thread) return { status: "not_found" };
      const message = await addMessage(admin, thread, { ...input, fromStaff: true }, tx);
      const audit = { actorId: admin.id, ip: info.ip, userAgent: info.userAgent };
      if (thread.status === "closed") await createAuditEntry({ ...audit, action: "admin.thread_reopened", metadata: { threadId: thread.id, accountId: thread.accountId } }, tx);
      await createAuditEntry(
        { ...audit, action: "admin.message_sent", metadata: { threadId: thread.id, messageId: message.id, accountId: thread.accountId, attachments: input.attachmentIds.length } },
        tx,
      );
      await notifyCustomers(admin, thread, message, tx);
      return { status: "ok", threadId: thread.id };
    }, db),
  );
}

/** Staff close a thread whose matter is settled, or open it again; "unchanged" when it already was. */
export async function setThreadOpen(
  admin: Actor,
  input: { threadId: string; open: boolean },
  info: RequestInfo,
  db?: Transaction,
): Promise<{ status: "ok" | "unchanged" | "not_found" }> {
  assertStaff(admin);
  return inTransaction(async (tx) => {
    const thread = await lockThread(null, input.threadId, tx);
    if (!thread) return { status: "not_found" };
    if (!(await setThreadStatus(thread.id, input.open ? "open" : "closed", tx))) return { status: "unchanged" };
    await createAuditEntry(
      {
        action: input.open ? "admin.thread_reopened" : "admin.thread_closed",
        actorId: admin.id,
        ip: info.ip,
        userAgent: info.userAgent,
        metadata: { threadId: thread.id, accountId: thread.accountId },
      },
      tx,
    );
    return { status: "ok" };
  }, db);
}

/**
 * The reader has seen the thread up to its newest message. Customers only for their account's
 * threads (another id changes nothing); staff for any.
 */
export async function readThread(actor: Actor, threadId: string, db?: Transaction): Promise<{ status: "ok" | "not_found" }> {
  const accountId = actor.role === "customer" ? customerAccountOf(actor) : null;
  if (accountId === null) assertStaff(actor);
  return { status: (await markThreadRead(accountId, actor.id, threadId, db)) ? "ok" : "not_found" };
}
