import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as attachmentRoute } from "@/app/api/v1/messages/threads/[id]/attachments/[fileId]/route";
import { POST as replyRoute } from "@/app/api/v1/messages/threads/[id]/messages/route";
import { GET as threadRoute } from "@/app/api/v1/messages/threads/[id]/route";
import { GET as threadsRoute, POST as startRoute } from "@/app/api/v1/messages/threads/route";
import { getThread, listThreads } from "@/db/queries/messages";
import { insertProject } from "@/db/queries/projects";
import type { SessionUser } from "@/db/queries/sessions";
import { messageThreads, messages, storedFiles } from "@/db/schema";
import { setupTestDatabase, signedInUser, uniqueIp } from "@/db/testing";
import { callApi, testApiToken } from "@/db/testing/api";
import { ATTACHMENT_MAX_BYTES } from "@/lib/constants";
import { adminReplyToThread, setThreadOpen, startThread } from "@/lib/messages/service";
import { setStorage } from "@/lib/storage";
import { localDiskStorage } from "@/lib/storage/local";
import { receiveUpload } from "@/lib/uploads/service";
import { messagesEndpoints } from "./endpoints/messages";

const db = setupTestDatabase();
let storageRoot: string;
beforeAll(async () => {
  storageRoot = await mkdtemp(path.join(os.tmpdir(), "clientdesk-api-messages-"));
  setStorage(localDiskStorage(storageRoot));
});
afterAll(async () => {
  await rm(storageRoot, { recursive: true, force: true });
});

const info = () => ({ ip: uniqueIp(), userAgent: "vitest" });
const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const png = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082", "hex");

async function threadsOf(accountId: string) {
  return db().select({ id: messageThreads.id, status: messageThreads.status }).from(messageThreads).where(eq(messageThreads.accountId, accountId));
}
async function messagesIn(threadId: string) {
  return db().select({ id: messages.id, body: messages.body }).from(messages).where(eq(messages.threadId, threadId));
}
async function filesOf(userId: string) {
  return db().select({ id: storedFiles.id, purpose: storedFiles.purpose }).from(storedFiles).where(eq(storedFiles.ownerUserId, userId));
}
async function threadOf(customer: SessionUser, subject = "Launch date"): Promise<string> {
  const result = await startThread(customer, { subject, body: "Hello", projectId: null, attachmentIds: [] });
  if (result.status !== "ok") throw new Error(result.status);
  return result.threadId;
}
function form(fields: Record<string, string>, files: File[] = []): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  for (const file of files) data.append("attachments", file);
  return data;
}

describe("POST /messages/threads", () => {
  it("starts a thread through the message service, about one of the account's projects, and answers it with 201", async () => {
    const customer = await signedInUser("customer", "api-start");
    const { id: projectId } = await insertProject({ accountId: customer.accountId!, name: "Shop", description: "", status: "in_progress", startDate: null, dueDate: null, createdById: null });
    const token = await testApiToken(customer, ["messages:write"]);
    const { status, json } = await callApi(startRoute, messagesEndpoints.start, { token, body: { subject: "Launch date", body: "Can we launch on Monday?", projectId } });
    expect(status).toBe(201);
    expect(json).toMatchObject({ subject: "Launch date", status: "open", projectId, projectName: "Shop" });
    expect(json.messages).toEqual([expect.objectContaining({ body: "Can we launch on Monday?", fromStaff: false, authorName: customer.name, attachments: [] })]);
    expect(await threadsOf(customer.accountId!)).toEqual([{ id: json.id, status: "open" }]);
  });

  it("creates one thread for two identical requests with the same Idempotency-Key, and refuses the key for another body with 422", async () => {
    const customer = await signedInUser("customer", "api-idempotent");
    const token = await testApiToken(customer, ["messages:write"]);
    const headers = { "Idempotency-Key": "start-thread-1" };
    const body = { subject: "Once", body: "Only once, please." };
    const first = await callApi(startRoute, messagesEndpoints.start, { token, body, headers });
    const second = await callApi(startRoute, messagesEndpoints.start, { token, body, headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.json).toEqual(first.json);
    expect(second.response.headers.get("idempotent-replayed")).toBe("true");
    const other = await callApi(startRoute, messagesEndpoints.start, { token, body: { ...body, body: "Something else" }, headers });
    expect(other.status).toBe(422);
    expect(other.json.error.code).toBe("idempotency_key_reused");
    expect(await threadsOf(customer.accountId!)).toHaveLength(1);
    expect(await messagesIn(first.json.id)).toHaveLength(1);
  });

  it("stores multipart files as the thread's attachments, served back by their download URL", async () => {
    const customer = await signedInUser("customer", "api-files");
    const token = await testApiToken(customer, ["messages:write"]);
    const files = [new File([pdf], "brief.pdf", { type: "application/pdf" }), new File([png], "logo.png", { type: "image/png" })];
    const { status, json } = await callApi(startRoute, messagesEndpoints.start, { token, form: form({ subject: "Files", body: "See attached." }, files) });
    expect(status).toBe(201);
    const attachments = json.messages[0].attachments;
    expect(attachments.map((file: { name: string; contentType: string; sizeBytes: number }) => [file.name, file.contentType, file.sizeBytes])).toEqual([
      ["brief.pdf", "application/pdf", pdf.byteLength],
      ["logo.png", "image/png", png.byteLength],
    ]);
    expect((await filesOf(customer.id)).map((file) => file.purpose)).toEqual(["message_attachment", "message_attachment"]);

    expect(attachments[0].downloadUrl).toBe(`/api/v1/messages/threads/${json.id}/attachments/${attachments[0].fileId}`);
    const download = await callApi(attachmentRoute, messagesEndpoints.attachment, { token, params: { id: json.id, fileId: attachments[0].fileId } });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.response.arrayBuffer())).toEqual(pdf);

    const stranger = await testApiToken(await signedInUser("customer", "api-files-stranger"));
    expect((await callApi(attachmentRoute, messagesEndpoints.attachment, { token: stranger, params: { id: json.id, fileId: attachments[0].fileId } })).status).toBe(404);
  });

  it("refuses a file that is too large, of a type not accepted, or one too many with 400 invalid_attachments, and keeps nothing", async () => {
    const customer = await signedInUser("customer", "api-bad-files");
    const token = await testApiToken(customer, ["messages:write"]);
    const fields = { subject: "Files", body: "See attached." };
    const cases: [File[], RegExp][] = [
      [[new File([pdf], "ok.pdf"), new File([Buffer.concat([pdf, Buffer.alloc(ATTACHMENT_MAX_BYTES)])], "big.pdf")], /big\.pdf is larger than 10 MB/],
      [[new File([png], "photo.pdf")], /photo\.pdf: this type of file is not accepted/],
      [[new File(["MZ\u0000\u0001"], "tool.exe")], /tool\.exe: this type of file is not accepted/],
      [Array.from({ length: 11 }, (_, index) => new File([pdf], `page-${index}.pdf`)), /Only 10 files/],
    ];
    for (const [files, message] of cases) {
      const { status, json } = await callApi(startRoute, messagesEndpoints.start, { token, form: form(fields, files) });
      expect(status).toBe(400);
      expect(json.error.code).toBe("invalid_attachments");
      expect(json.error.fields.attachments).toMatch(message);
    }
    expect(await threadsOf(customer.accountId!)).toEqual([]);
    expect(await filesOf(customer.id)).toEqual([]);
  });

  it("refuses bad fields with 400 and the form's messages in English, another customer's project included", async () => {
    const [customer, other] = await Promise.all([signedInUser("customer", "api-bad-thread"), signedInUser("customer", "api-bad-thread-other")]);
    const { id: foreignProject } = await insertProject({ accountId: other.accountId!, name: "Theirs", description: "", status: "in_progress", startDate: null, dueDate: null, createdById: null });
    const token = await testApiToken(customer, ["messages:write"]);
    const empty = await callApi(startRoute, messagesEndpoints.start, { token, body: { subject: " ", body: "" } });
    expect(empty.status).toBe(400);
    expect(empty.json.error.fields).toEqual({ subject: "Enter a subject.", body: "Write a message." });
    const foreign = await callApi(startRoute, messagesEndpoints.start, { token, body: { subject: "Hi", body: "About theirs", projectId: foreignProject } });
    expect(foreign.status).toBe(400);
    expect(foreign.json.error.fields).toEqual({ projectId: "Choose one of your own projects." });
    expect(await threadsOf(customer.accountId!)).toEqual([]);
  });

  it("refuses a read-only token and a token of another area with 403", async () => {
    const customer = await signedInUser("customer", "api-thread-scope");
    for (const scopes of [["messages:read"], ["projects:write"]] as const) {
      const { status, json } = await callApi(startRoute, messagesEndpoints.start, { token: await testApiToken(customer, scopes), body: { subject: "Hi", body: "Hello" } });
      expect(status).toBe(403);
      expect(json.error.code).toBe("insufficient_scope");
    }
    expect(await threadsOf(customer.accountId!)).toEqual([]);
  });
});

describe("POST /messages/threads/{id}/messages", () => {
  it("replies in the account's thread, opening a closed one again as the page does, once per Idempotency-Key", async () => {
    const [customer, staff] = await Promise.all([signedInUser("customer", "api-reply"), signedInUser("admin", "api-reply-staff")]);
    const threadId = await threadOf(customer);
    expect((await setThreadOpen(staff, { threadId, open: false }, info())).status).toBe("ok");
    const token = await testApiToken(customer, ["messages:write"]);
    const call = { token, params: { id: threadId }, body: { body: "One more thing" }, headers: { "Idempotency-Key": "reply-1" } };
    const first = await callApi(replyRoute, messagesEndpoints.reply, call);
    expect(first.status).toBe(201);
    expect(first.json.status).toBe("open");
    expect(first.json.messages.map((message: { body: string }) => message.body)).toEqual(["Hello", "One more thing"]);
    expect((await callApi(replyRoute, messagesEndpoints.reply, call)).json).toEqual(first.json);
    expect(await messagesIn(threadId)).toHaveLength(2);
  });

  it("attaches files the user uploaded in the web app by their ids, and refuses another user's upload with 400 invalid_attachments", async () => {
    const [customer, other] = await Promise.all([signedInUser("customer", "api-reply-ids"), signedInUser("customer", "api-reply-ids-other")]);
    const threadId = await threadOf(customer);
    const upload = async (user: SessionUser) => {
      const result = await receiveUpload(user, { purpose: "message_attachment", fileName: "brief.pdf", body: pdf, declaredBytes: pdf.byteLength });
      if (result.status !== "ok") throw new Error(result.status);
      return result.file.id;
    };
    const token = await testApiToken(customer, ["messages:write"]);
    const theirs = await callApi(replyRoute, messagesEndpoints.reply, { token, params: { id: threadId }, body: { body: "Theirs", attachmentIds: [await upload(other)] } });
    expect(theirs.status).toBe(400);
    expect(theirs.json.error).toMatchObject({ code: "invalid_attachments", fields: { attachmentIds: expect.any(String) } });
    expect(await messagesIn(threadId)).toHaveLength(1);

    const mine = await upload(customer);
    const { status, json } = await callApi(replyRoute, messagesEndpoints.reply, { token, params: { id: threadId }, body: { body: "Mine", attachmentIds: [mine] } });
    expect(status).toBe(201);
    expect(json.messages.at(-1).attachments).toEqual([expect.objectContaining({ fileId: mine, name: "brief.pdf" })]);
  });

  it("answers another customer's thread and a malformed id with 404 and writes nothing", async () => {
    const [customer, other] = await Promise.all([signedInUser("customer", "api-reply-owner"), signedInUser("customer", "api-reply-stranger")]);
    const threadId = await threadOf(customer);
    const token = await testApiToken(other, ["messages:write"]);
    for (const id of [threadId, "123"]) {
      const { status, json } = await callApi(replyRoute, messagesEndpoints.reply, { token, params: { id }, body: { body: "Let me in" } });
      expect(status).toBe(404);
      expect(json.error.code).toBe("not_found");
    }
    const withFile = await callApi(replyRoute, messagesEndpoints.reply, { token, params: { id: threadId }, form: form({ body: "Let me in" }, [new File([pdf], "x.pdf")]) });
    expect(withFile.status).toBe(404);
    expect(await messagesIn(threadId)).toHaveLength(1);
    expect(await filesOf(other.id)).toEqual([]);
  });
});

describe("GET /messages/threads and /messages/threads/{id}", () => {
  it("pages through what the messages page lists, per box and search", async () => {
    const [customer, staff] = await Promise.all([signedInUser("customer", "api-threads"), signedInUser("admin", "api-threads-staff")]);
    const ids: string[] = [];
    for (const subject of ["Invoice question", "Launch", "Invoice copy", "Logo", "Domains"]) ids.push(await threadOf(customer, subject));
    for (const id of ids.slice(0, 3)) await adminReplyToThread(staff, { threadId: id, body: "Answer", attachmentIds: [] }, info());
    const token = await testApiToken(customer, ["messages:read"]);

    const all = async (query: Record<string, string>) => {
      const found: string[] = [];
      let cursor: string | null = null;
      do {
        const { status, json } = await callApi(threadsRoute, messagesEndpoints.threads, { token, query: { ...query, limit: "2", ...(cursor ? { cursor } : {}) } });
        expect(status).toBe(200);
        found.push(...json.data.map((thread: { id: string }) => thread.id));
        cursor = json.nextCursor;
      } while (cursor);
      return found;
    };
    const pageIds = async (box: "inbox" | "sent", query?: string) => (await listThreads(customer.accountId!, customer.id, { box, query }, { limit: 100 })).rows.map((thread) => thread.id);

    expect(await all({})).toEqual(await pageIds("inbox"));
    expect(await all({})).toHaveLength(3);
    expect(await all({ box: "sent" })).toEqual(await pageIds("sent"));
    expect(await all({ box: "sent" })).toHaveLength(5);
    expect(await all({ box: "sent", query: "invoice" })).toEqual(await pageIds("sent", "invoice"));

    const first = await callApi(threadsRoute, messagesEndpoints.threads, { token, query: { limit: "1" } });
    expect(first.json.data[0]).toMatchObject({ unread: true, preview: "Answer" });
  });

  it("reads a thread with its messages and marks it read as the page does; another customer's is a 404", async () => {
    const [customer, other, staff] = await Promise.all([signedInUser("customer", "api-read"), signedInUser("customer", "api-read-other"), signedInUser("admin", "api-read-staff")]);
    const threadId = await threadOf(customer);
    await adminReplyToThread(staff, { threadId, body: "We are on it.", attachmentIds: [] }, info());
    const token = await testApiToken(customer, ["messages:read"]);

    const { status, json } = await callApi(threadRoute, messagesEndpoints.thread, { token, params: { id: threadId } });
    expect(status).toBe(200);
    expect(json).toMatchObject({ id: threadId, subject: "Launch date", unread: true });
    expect(json.messages.map((message: { body: string; fromStaff: boolean }) => [message.body, message.fromStaff])).toEqual([
      ["Hello", false],
      ["We are on it.", true],
    ]);
    expect((await getThread(customer.accountId!, customer.id, threadId))!.unread).toBe(false);
    expect((await callApi(threadRoute, messagesEndpoints.thread, { token, params: { id: threadId } })).json.unread).toBe(false);

    const stranger = await callApi(threadRoute, messagesEndpoints.thread, { token: await testApiToken(other), params: { id: threadId } });
    expect(stranger.status).toBe(404);
    expect(JSON.stringify(stranger.json)).not.toContain("Launch date");
  });
});
