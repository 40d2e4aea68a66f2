import "server-only";
import { getThread, listThreadMessages } from "@/db/queries/messages";
import { ATTACHMENT_MAX_FILES } from "@/lib/constants";
import type { SendResult } from "@/lib/messages/service";
import { discardUploads, receiveFormFiles } from "@/lib/uploads/service";
import { englishMessage } from "./english";
import { ApiError } from "./errors";
import type { ApiCaller } from "./tokens";

/** A thread of the caller's account as the API shows it, or null for any other id. */
export async function threadBody(caller: ApiCaller, threadId: string) {
  const accountId = caller.user.accountId;
  const thread = accountId ? await getThread(accountId, caller.user.id, threadId) : null;
  if (!accountId || !thread) return null;
  return { thread: shownThread(thread), messages: await threadMessages(accountId, thread.id) };
}

/** A thread as the API documents it: the caller's own account id is not part of it. */
export function shownThread<T extends { accountId: string }>(thread: T): Omit<T, "accountId"> {
  const { accountId, ...shown } = thread;
  return shown;
}

export async function threadMessages(accountId: string, threadId: string) {
  const messages = await listThreadMessages(accountId, threadId);
  return messages.map((message) => ({
    ...message,
    attachments: message.attachments.map((file) => ({ ...file, downloadUrl: `/api/v1/messages/threads/${threadId}/attachments/${file.fileId}` })),
  }));
}

const invalidAttachments = (reason: string) => new ApiError(400, "invalid_attachments", reason, { attachments: reason });

/**
 * Sends with the files of a multipart request: they are stored as the message form's uploads are
 * (same types, sizes and count), then `send` claims them with any `attachmentIds` given. A refused
 * file or send leaves no file behind.
 */
export async function sendWithFiles(caller: ApiCaller, attachmentIds: string[], files: File[], send: (attachmentIds: string[]) => Promise<SendResult>): Promise<string> {
  const tooMany = `Only ${ATTACHMENT_MAX_FILES} files can be attached.`;
  if (attachmentIds.length + files.length > ATTACHMENT_MAX_FILES) throw invalidAttachments(tooMany);
  const received = await receiveFormFiles(caller.user, "message_attachment", files);
  if (received.status !== "ok") {
    if (received.status === "too_many_files") throw invalidAttachments(tooMany);
    throw invalidAttachments(englishMessage(`attachments.errors.${received.status}`, { name: received.fileName }));
  }
  const uploaded = received.files.map((file) => file.id);
  let result: SendResult;
  try {
    result = await send([...attachmentIds, ...uploaded]);
  } catch (error) {
    await discardUploads(caller.user, uploaded).catch(() => undefined);
    throw error;
  }
  if (result.status === "ok") return result.threadId;
  await discardUploads(caller.user, uploaded);
  switch (result.status) {
    case "not_found":
      throw new ApiError(404, "not_found", "There is no such thread.");
    case "project_not_found":
      throw new ApiError(400, "bad_request", "The request's body is not valid: see `fields`.", { projectId: englishMessage("messaging.form.projectNotFound") });
    case "invalid_attachments":
      throw new ApiError(400, "invalid_attachments", englishMessage("messaging.form.invalidAttachments"), { attachmentIds: englishMessage("messaging.form.invalidAttachments") });
  }
}
