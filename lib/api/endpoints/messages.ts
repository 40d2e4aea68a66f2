import { z } from "zod";
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_FILES, threadStatuses } from "@/lib/constants";
import { newThreadSchema, replySchema } from "@/lib/validations/messages";
import { attachmentIdsField } from "@/lib/validations/uploads";
import { defineEndpoint } from "../endpoint";
import { pageOf, pageQuery } from "../pagination";
import { idParams } from "../route";

const instant = z.iso.datetime({ offset: true });

export const threadSummarySchema = z
  .object({
    id: z.uuid(),
    subject: z.string(),
    status: z.enum(threadStatuses),
    projectName: z.string().nullable(),
    lastMessageAt: instant,
    unread: z.boolean().meta({ description: "The team wrote since the token's user last read the thread." }),
    preview: z.string().nullable().meta({ description: "The start of the newest message." }),
  })
  .meta({ id: "ThreadSummary" });

const attachmentSchema = z
  .object({
    fileId: z.uuid(),
    name: z.string(),
    sizeBytes: z.number().int(),
    contentType: z.string(),
    downloadUrl: z.string().meta({ description: "Where the file is downloaded with the same token (needs `messages:read`)." }),
  })
  .meta({ id: "MessageAttachment" });

export const threadSchema = z
  .object({
    id: z.uuid(),
    subject: z.string(),
    status: z.enum(threadStatuses).meta({ description: "A closed thread opens again when anyone writes in it." }),
    projectId: z.uuid().nullable(),
    projectName: z.string().nullable(),
    lastMessageAt: instant,
    createdAt: instant,
    unread: z.boolean().meta({ description: "Whether the thread had unread news before this request: reading it marks it read, as the page does." }),
    messages: z
      .array(
        z.object({
          id: z.uuid(),
          body: z.string(),
          fromStaff: z.boolean(),
          authorName: z.string().nullable(),
          createdAt: instant,
          attachments: z.array(attachmentSchema),
        }),
      )
      .meta({ description: "Oldest first." }),
  })
  .meta({ id: "Thread" });

/** The page's validation, with what each field means to an API client. */
const attachmentIds = attachmentIdsField.meta({
  description: "Ids (UUIDs) of files this user uploaded in the web app and has not sent yet; API clients usually send the files themselves in `attachments`.",
  example: [],
});
const newThreadBody = newThreadSchema.extend({
  projectId: newThreadSchema.shape.projectId.meta({ description: "One of the account's projects the thread is about; null or omitted for none.", format: "uuid" }),
  attachmentIds,
});
const replyBody = replySchema.omit({ threadId: true }).extend({ attachmentIds });

const attachmentsNote = `Send JSON, or multipart/form-data with the same fields and up to ${ATTACHMENT_MAX_FILES} files (${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB each: images, PDF, office documents, text or zip) in \`attachments\`. A refused file answers 400 \`invalid_attachments\`.`;

export const messagesEndpoints = {
  threads: defineEndpoint({
    method: "GET",
    path: "/messages/threads",
    operationId: "listThreads",
    tag: "Messages",
    summary: "List message threads",
    description: "Newest activity first, as on the messages page: the inbox holds threads the team wrote in, `sent` those the account wrote in.",
    scope: "messages:read",
    query: pageQuery.extend({
      box: z.enum(["inbox", "sent"]).default("inbox").meta({ description: "Which box, as the page's tabs." }),
      query: z.string().trim().max(200).optional().meta({ description: "Only threads whose subject or a message contains this text." }),
    }),
    responses: { 200: { description: "One page of threads.", schema: pageOf(threadSummarySchema, "ThreadPage") } },
  }),
  thread: defineEndpoint({
    method: "GET",
    path: "/messages/threads/{id}",
    operationId: "getThread",
    tag: "Messages",
    summary: "Read a thread",
    description: "Its messages with attachment details. Like opening it on the page, this marks the thread read for the token's user.",
    scope: "messages:read",
    params: idParams,
    responses: { 200: { description: "The thread.", schema: threadSchema }, 404: { description: "No such thread of the account." } },
  }),
  attachment: defineEndpoint({
    method: "GET",
    path: "/messages/threads/{id}/attachments/{fileId}",
    operationId: "downloadMessageAttachment",
    tag: "Messages",
    summary: "Download a message attachment",
    description: "The file's bytes with its own Content-Type, as an attachment; supports Range and If-None-Match.",
    scope: "messages:read",
    params: idParams.extend({ fileId: z.string().meta({ description: "The attachment's `fileId` (a UUID).", format: "uuid" }) }),
    responses: { 200: { description: "The file, with its own content type.", contentType: "*/*" }, 206: { description: "The requested range.", contentType: "*/*" }, 404: { description: "No such attachment." } },
  }),
  start: defineEndpoint({
    method: "POST",
    path: "/messages/threads",
    operationId: "startThread",
    tag: "Messages",
    summary: "Start a thread",
    description: `A new conversation with the team, optionally about one of the account's projects. ${attachmentsNote}`,
    scope: "messages:write",
    body: newThreadBody,
    multipart: { files: "attachments" },
    idempotent: true,
    responses: { 201: { description: "The new thread.", schema: threadSchema } },
  }),
  reply: defineEndpoint({
    method: "POST",
    path: "/messages/threads/{id}/messages",
    operationId: "replyToThread",
    tag: "Messages",
    summary: "Reply in a thread",
    description: `Adds a message; a closed thread opens again, as on the page. ${attachmentsNote}`,
    scope: "messages:write",
    params: idParams,
    body: replyBody,
    multipart: { files: "attachments" },
    idempotent: true,
    responses: { 201: { description: "The thread with the new message.", schema: threadSchema }, 404: { description: "No such thread of the account." } },
  }),
};
