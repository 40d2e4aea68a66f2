import { z } from "zod";
import { MESSAGE_BODY_MAX, SUBJECT_MAX, threadStatuses } from "@/lib/constants";
import { attachmentIdsField } from "./uploads";

// Messages are keys into the `validation` namespace; this feature's own live under `validation.messages`.

const body = z.string().trim().min(1, "messages.bodyRequired").max(MESSAGE_BODY_MAX, "messages.bodyTooLong");
const subject = z.string().trim().min(1, "messages.subjectRequired").max(SUBJECT_MAX, "messages.subjectTooLong");
/** "No project" is the empty choice. */
const projectId = z.preprocess((value) => (value === "" || value === undefined ? null : value), z.uuid("messages.projectInvalid").nullable());

export const newThreadSchema = z.object({ subject, body, projectId, attachmentIds: attachmentIdsField });
export const adminNewThreadSchema = newThreadSchema.extend({ accountId: z.uuid("invalid") });
export const replySchema = z.object({ threadId: z.uuid("invalid"), body, attachmentIds: attachmentIdsField });
export const threadStatusSchema = z.object({ threadId: z.uuid("invalid"), status: z.enum(threadStatuses, "invalid") });

/** Where a thread list starts: `after` pages to older threads, `before` back to newer ones (opaque cursors). */
const cursorParams = {
  after: z.string().max(200).optional().catch(undefined),
  before: z.string().max(200).optional().catch(undefined),
};
const query = z.string().trim().max(200).catch("");

/** The customer's thread list in the URL: which box, the search and the position. */
export const threadsSearchSchema = z.object({ box: z.enum(["inbox", "sent"]).catch("inbox"), query, ...cursorParams });

/** The staff inbox in the URL: status filter, search and position. */
export const adminThreadsSearchSchema = z.object({ status: z.enum(threadStatuses).optional().catch(undefined), query, ...cursorParams });
