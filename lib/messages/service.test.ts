import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  adminCountUnreadThreads,
  adminListThreads,
  countUnreadThreads,
  getLatestProjectThread,
  getThread,
  listThreadMessages,
  listThreads,
  type InboxCursor,
} from "@/db/queries/messages";
import { insertProject } from "@/db/queries/projects";
import { getActiveSessionUser, type SessionUser } from "@/db/queries/sessions";
import { auditLog, customerAccountMembers, customerAccounts, messageThreadReads, messageThreads, messages, notifications, storedFiles } from "@/db/schema";
import { setupTestDatabase, signedInUser, uniqueIp } from "@/db/testing";
import { AppError } from "@/lib/errors";
import { getFileForDownload } from "@/lib/files/service";
import { setStorage } from "@/lib/storage";
import { localDiskStorage } from "@/lib/storage/local";
import { receiveUpload } from "@/lib/uploads/service";
import { adminReplyToThread, adminStartThread, readThread, replyToThread, setThreadOpen, startThread } from "./service";

const db = setupTestDatabase();
let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "clientdesk-messages-"));
  setStorage(localDiskStorage(root));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const info = () => ({ ip: uniqueIp(), userAgent: "vitest" });
const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

async function uploaded(actor: SessionUser, fileName = "brief.pdf"): Promise<string> {
  const result = await receiveUpload(actor, { purpose: "message_attachment", fileName, body: pdf, declaredBytes: pdf.byteLength });
  if (result.status !== "ok") throw new Error(result.status);
  return result.file.id;
}

/** A second customer user in `owner`'s account, as a colleague invited to it would be. */
async function colleagueOf(owner: SessionUser): Promise<SessionUser> {
  const colleague = await signedInUser("customer", "colleague");
  await db().update(customerAccountMembers).set({ accountId: owner.accountId!, role: "member" }).where(eq(customerAccountMembers.userId, colleague.id));
  return (await getActiveSessionUser(colleague.sessionId))!;
}

async function projectOf(customer: SessionUser, name = "Website relaunch"): Promise<string> {
  const { id } = await insertProject({ accountId: customer.accountId!, name, description: "", status: "in_progress", startDate: null, dueDate: null, createdById: null });
  return id;
}

async function threadsOf(accountId: string) {
  return db().select({ id: messageThreads.id, status: messageThreads.status }).from(messageThreads).where(eq(messageThreads.accountId, accountId));
}

async function notificationsOf(userId: string) {
  return db().select({ type: notifications.type, link: notifications.link, params: notifications.params }).from(notifications).where(eq(notifications.userId, userId));
}

const page = { limit: 20 };

describe("a customer starting a thread", () => {
  it("saves the thread, its first message and its attachments as the account's files, and tells every staff user", async () => {
    const [customer, admin] = await Promise.all([signedInUser("customer", "starter"), signedInUser("admin", "inbox")]);
    const projectId = await projectOf(customer);
    const fileIds = [await uploaded(customer, "brief.pdf"), await uploaded(customer, "notes.pdf")];
    const result = await startThread(customer, { subject: "Launch date", body: "Can we launch on Monday?", projectId, attachmentIds: fileIds });
    expect(result.status).toBe("ok");
    const threadId = (result as { threadId: string }).threadId;

    const thread = await getThread(customer.accountId!, customer.id, threadId);
    expect(thread).toMatchObject({ subject: "Launch date", projectId, projectName: "Website relaunch", status: "open", unread: false });
    const [message] = await listThreadMessages(customer.accountId!, threadId);
    expect(message).toMatchObject({ body: "Can we launch on Monday?", fromStaff: false, authorName: customer.name });
    expect(message!.attachments.map((file) => [file.fileId, file.name])).toEqual([
      [fileIds[0], "brief.pdf"],
      [fileIds[1], "notes.pdf"],
    ]);
    const files = await db().select({ purpose: storedFiles.purpose, accountId: storedFiles.accountId }).from(storedFiles).where(inArray(storedFiles.id, fileIds));
    expect(files).toEqual([
      { purpose: "message_attachment", accountId: customer.accountId },
      { purpose: "message_attachment", accountId: customer.accountId },
    ]);

    expect(await notificationsOf(admin.id)).toContainEqual({
      type: "staff.messageReceived",
      link: `/admin/messages/${threadId}`,
      params: { customer: expect.any(String), subject: "Launch date", author: customer.name },
    });
    expect(await notificationsOf(customer.id), "the writer is not told about their own message").toEqual([]);
    // The customer wrote it: it is in their sent view, not their inbox, and unread for staff only.
    expect((await listThreads(customer.accountId!, customer.id, { box: "sent" }, page)).rows.map((row) => row.id)).toEqual([threadId]);
    expect((await listThreads(customer.accountId!, customer.id, { box: "inbox" }, page)).rows).toEqual([]);
    expect(await countUnreadThreads(customer.id, customer.accountId!)).toBe(0);
    const inbox = await adminListThreads(admin.id, {}, { limit: 100 });
    expect(inbox.rows.find((row) => row.id === threadId)).toMatchObject({ unread: true, awaitingReply: true, accountName: expect.any(String) });
  });

  it("refuses another account's project next to the field and writes nothing", async () => {
    const [customer, other] = await Promise.all([signedInUser("customer", "asker"), signedInUser("customer", "other")]);
    const foreignProject = await projectOf(other, "Not yours");
    const fileId = await uploaded(customer);
    expect(await startThread(customer, { subject: "Sneaky", body: "Hello", projectId: foreignProject, attachmentIds: [fileId] })).toEqual({ status: "project_not_found" });
    expect(await threadsOf(customer.accountId!)).toEqual([]);
    const [file] = await db().select({ purpose: storedFiles.purpose }).from(storedFiles).where(eq(storedFiles.id, fileId));
    expect(file?.purpose, "the upload is still the sender's, unclaimed").toBe("upload");
  });

  it("saves nothing at all when one attachment is not the sender's own pending upload", async () => {
    const [customer, other] = await Promise.all([signedInUser("customer", "sender"), signedInUser("customer", "stranger")]);
    const mine = await uploaded(customer);
    const theirs = await uploaded(other);
    const admin = await signedInUser("admin", "watcher");
    const result = await startThread(customer, { subject: "With files", body: "See attached", projectId: null, attachmentIds: [mine, theirs] });
    expect(result).toEqual({ status: "invalid_attachments" });
    expect(await threadsOf(customer.accountId!)).toEqual([]);
    expect(await db().select().from(messages).where(eq(messages.authorId, customer.id))).toEqual([]);
    const purposes = await db().select({ id: storedFiles.id, purpose: storedFiles.purpose }).from(storedFiles).where(inArray(storedFiles.id, [mine, theirs]));
    expect(purposes.map((file) => file.purpose)).toEqual(["upload", "upload"]);
    expect(await notificationsOf(admin.id)).toEqual([]);
  });

  it("is for customers: staff use the staff services", async () => {
    const admin = await signedInUser("admin");
    await expect(startThread(admin, { subject: "x", body: "y", projectId: null, attachmentIds: [] })).rejects.toThrow(AppError);
  });
});

describe("replies and reading", () => {
  it("notifies every member of the account about a staff reply, counts it unread per user until each opens it", async () => {
    const customer = await signedInUser("customer", "reader");
    const colleague = await colleagueOf(customer);
    const admin = await signedInUser("admin", "replier");
    const { threadId } = (await startThread(customer, { subject: "Invoice question", body: "Why two lines?", projectId: null, attachmentIds: [] })) as { threadId: string };
    const fileId = await uploaded(admin, "answer.pdf");

    expect(await adminReplyToThread(admin, { threadId, body: "One is the setup fee.", attachmentIds: [fileId] }, info())).toEqual({ status: "ok", threadId });
    for (const member of [customer, colleague]) {
      expect(await notificationsOf(member.id)).toEqual([{ type: "message.received", link: `/dashboard/messages/${threadId}`, params: { subject: "Invoice question", author: admin.name } }]);
      expect(await countUnreadThreads(member.id, member.accountId!)).toBe(1);
    }
    const audit = await db().select({ action: auditLog.action, metadata: auditLog.metadata }).from(auditLog).where(eq(auditLog.actorId, admin.id));
    expect(audit).toEqual([{ action: "admin.message_sent", metadata: expect.objectContaining({ threadId, accountId: customer.accountId, attachments: 1 }) }]);
    // Staff's file became the customer account's: its members may download it.
    expect((await getFileForDownload(colleague, fileId)).file.id).toBe(fileId);

    const inbox = await listThreads(customer.accountId!, customer.id, { box: "inbox" }, page);
    expect(inbox.rows).toMatchObject([{ id: threadId, unread: true, preview: "One is the setup fee." }]);
    expect(await readThread(customer, threadId)).toEqual({ status: "ok" });
    expect(await countUnreadThreads(customer.id, customer.accountId!)).toBe(0);
    expect(await countUnreadThreads(colleague.id, colleague.accountId!), "reading is per user").toBe(1);

    await adminReplyToThread(admin, { threadId, body: "And one more thing.", attachmentIds: [] }, info());
    expect(await countUnreadThreads(customer.id, customer.accountId!), "news after reading makes it unread again").toBe(1);
  });

  it("lets staff's unread count follow customer messages only, per staff user", async () => {
    const customer = await signedInUser("customer", "writer");
    const [admin, otherAdmin] = await Promise.all([signedInUser("admin", "first"), signedInUser("admin", "second")]);
    const before = await adminCountUnreadThreads(otherAdmin.id);
    const { threadId } = (await startThread(customer, { subject: "Counting", body: "One", projectId: null, attachmentIds: [] })) as { threadId: string };
    expect(await adminCountUnreadThreads(admin.id)).toBeGreaterThan(0);
    await readThread(admin, threadId);
    const unreadIds = (await adminListThreads(admin.id, {}, { limit: 500 })).rows.filter((row) => row.unread).map((row) => row.id);
    expect(unreadIds).not.toContain(threadId);
    expect(await adminCountUnreadThreads(otherAdmin.id), "another staff user has not read it").toBe(before + 1);
    await adminReplyToThread(admin, { threadId, body: "Two", attachmentIds: [] }, info());
    expect(await adminCountUnreadThreads(otherAdmin.id), "a staff reply is not news for staff").toBe(before + 1);
  });

  it("refuses another account's thread for replies and reading, and writes nothing", async () => {
    const [owner, intruder] = await Promise.all([signedInUser("customer", "owner"), signedInUser("customer", "intruder")]);
    const admin = await signedInUser("admin", "bystander");
    const { threadId } = (await startThread(owner, { subject: "Private", body: "Only for us", projectId: null, attachmentIds: [] })) as { threadId: string };
    const before = await notificationsOf(admin.id);
    const fileId = await uploaded(intruder);

    expect(await replyToThread(intruder, { threadId, body: "Let me in", attachmentIds: [fileId] })).toEqual({ status: "not_found" });
    expect(await readThread(intruder, threadId)).toEqual({ status: "not_found" });
    expect(await getThread(intruder.accountId!, intruder.id, threadId)).toBeNull();
    expect(await listThreadMessages(intruder.accountId!, threadId)).toEqual([]);
    expect(await db().select().from(messages).where(eq(messages.threadId, threadId))).toHaveLength(1);
    expect(await db().select().from(messageThreadReads).where(eq(messageThreadReads.userId, intruder.id))).toEqual([]);
    expect(await notificationsOf(admin.id)).toEqual(before);
    const [file] = await db().select({ purpose: storedFiles.purpose }).from(storedFiles).where(eq(storedFiles.id, fileId));
    expect(file?.purpose).toBe("upload");
  });

  it("opens a closed thread again when the customer replies; staff close and reopen, audited", async () => {
    const customer = await signedInUser("customer", "closer");
    const admin = await signedInUser("admin", "closer");
    const { threadId } = (await startThread(customer, { subject: "Done?", body: "Thanks!", projectId: null, attachmentIds: [] })) as { threadId: string };

    expect(await setThreadOpen(admin, { threadId, open: false }, info())).toEqual({ status: "ok" });
    expect(await setThreadOpen(admin, { threadId, open: false }, info())).toEqual({ status: "unchanged" });
    expect((await getThread(customer.accountId!, customer.id, threadId))?.status).toBe("closed");
    await replyToThread(customer, { threadId, body: "One more question", attachmentIds: [] });
    expect((await getThread(customer.accountId!, customer.id, threadId))?.status).toBe("open");

    await setThreadOpen(admin, { threadId, open: false }, info());
    expect(await setThreadOpen(admin, { threadId, open: true }, info())).toEqual({ status: "ok" });
    const actions = await db().select({ action: auditLog.action, metadata: auditLog.metadata }).from(auditLog).where(eq(auditLog.actorId, admin.id)).orderBy(auditLog.createdAt);
    expect(actions.map((entry) => entry.action)).toEqual(["admin.thread_closed", "admin.thread_closed", "admin.thread_reopened"]);
    expect(actions[0]?.metadata).toEqual({ threadId, accountId: customer.accountId });
  });

  it("refuses staff services to customers and to staff without two-factor sign-in", async () => {
    const customer = await signedInUser("customer");
    const { threadId } = (await startThread(customer, { subject: "Hi", body: "Hello", projectId: null, attachmentIds: [] })) as { threadId: string };
    const noTwoFactor = { ...(await signedInUser("admin")), twoFactorEnabled: false };
    for (const actor of [customer, noTwoFactor]) {
      await expect(adminReplyToThread(actor, { threadId, body: "x", attachmentIds: [] }, info())).rejects.toThrow(AppError);
      await expect(setThreadOpen(actor, { threadId, open: false }, info())).rejects.toThrow(AppError);
      await expect(adminStartThread(actor, { accountId: customer.accountId!, subject: "x", body: "y", projectId: null, attachmentIds: [] }, info())).rejects.toThrow(AppError);
    }
    expect(await db().select().from(messages).where(eq(messages.threadId, threadId))).toHaveLength(1);
  });
});

describe("staff starting a thread", () => {
  it("writes to the account, about one of its projects only, audited, and tells its members", async () => {
    const [customer, other] = await Promise.all([signedInUser("customer", "addressee"), signedInUser("customer", "elsewhere")]);
    const admin = await signedInUser("admin", "starter");
    const projectId = await projectOf(customer, "Shop");
    const foreign = await projectOf(other, "Other shop");
    const base = { accountId: customer.accountId!, subject: "Kick-off", body: "Shall we meet on Tuesday?", attachmentIds: [] };

    expect(await adminStartThread(admin, { ...base, projectId: foreign }, info())).toEqual({ status: "project_not_found" });
    expect(await adminStartThread(admin, { ...base, accountId: other.id, projectId: null }, info()), "an id that is no account").toEqual({ status: "not_found" });
    expect(await threadsOf(customer.accountId!)).toEqual([]);

    const result = await adminStartThread(admin, { ...base, projectId }, info());
    expect(result.status).toBe("ok");
    const threadId = (result as { threadId: string }).threadId;
    expect(await listThreads(customer.accountId!, customer.id, { box: "inbox" }, page)).toMatchObject({ rows: [{ id: threadId, projectName: "Shop", unread: true }] });
    expect(await notificationsOf(customer.id)).toEqual([{ type: "message.received", link: `/dashboard/messages/${threadId}`, params: { subject: "Kick-off", author: admin.name } }]);
    const [entry] = await db().select({ action: auditLog.action, metadata: auditLog.metadata }).from(auditLog).where(eq(auditLog.actorId, admin.id));
    expect(entry).toEqual({ action: "admin.thread_started", metadata: expect.objectContaining({ threadId, accountId: customer.accountId, projectId }) });
  });
});

describe("a project's conversation", () => {
  it("is the newest thread about the project, for its account only", async () => {
    const [customer, other] = await Promise.all([signedInUser("customer", "project"), signedInUser("customer", "outsider")]);
    const projectId = await projectOf(customer);
    expect(await getLatestProjectThread(customer.accountId!, customer.id, projectId)).toBeNull();
    const start = async (subject: string) => ((await startThread(customer, { subject, body: "About the project", projectId, attachmentIds: [] })) as { threadId: string }).threadId;
    await start("First");
    const newest = await start("Second");
    await startThread(customer, { subject: "Unrelated", body: "Not about it", projectId: null, attachmentIds: [] });
    expect(await getLatestProjectThread(customer.accountId!, customer.id, projectId)).toMatchObject({ id: newest, subject: "Second", projectName: "Website relaunch" });
    expect(await getLatestProjectThread(other.accountId!, other.id, projectId)).toBeNull();
  });
});

describe("thread lists", () => {
  it("search subjects and bodies within the account, and page by last activity", async () => {
    const [customer, other] = await Promise.all([signedInUser("customer", "searcher"), signedInUser("customer", "noise")]);
    const admin = await signedInUser("admin", "searching");
    const start = async (who: SessionUser, subject: string, body: string) =>
      ((await startThread(who, { subject, body, projectId: null, attachmentIds: [] })) as { threadId: string }).threadId;
    const bySubject = await start(customer, "Quarterly 100% report", "numbers inside");
    const byBody = await start(customer, "Hello", "the quarterly numbers are late");
    const unrelated = await start(customer, "Logo", "new colours");
    await start(other, "Quarterly too", "not theirs");

    const found = async (query: string) => (await listThreads(customer.accountId!, customer.id, { box: "sent", query }, page)).rows.map((row) => row.id).sort();
    expect(await found("QUARTERLY")).toEqual([bySubject, byBody].sort());
    expect(await found("100%"), "% is matched literally").toEqual([bySubject]);
    expect(await found("_")).toEqual([]);

    const first = await listThreads(customer.accountId!, customer.id, { box: "sent" }, { limit: 2 });
    expect(first.rows.map((row) => row.id)).toEqual([unrelated, byBody]);
    const second = await listThreads(customer.accountId!, customer.id, { box: "sent" }, { after: first.older, limit: 2 });
    expect(second.rows.map((row) => row.id)).toEqual([bySubject]);
    expect(second.older).toBeNull();
    const back = await listThreads(customer.accountId!, customer.id, { box: "sent" }, { before: second.newer, limit: 2 });
    expect(back.rows.map((row) => row.id)).toEqual([unrelated, byBody]);

    // Staff search across customers, also by the account's name.
    const [account] = await db().select({ name: customerAccounts.name }).from(customerAccounts).where(eq(customerAccounts.id, customer.accountId!));
    const staffFound = await adminListThreads(admin.id, { query: account!.name }, { limit: 50 });
    expect(staffFound.rows.map((row) => row.id).sort()).toEqual([bySubject, byBody, unrelated].sort());
  });

  it("show staff unread threads first, then newest, filtered by status, paging in that order", async () => {
    const customer = await signedInUser("customer", "ordering");
    const admin = await signedInUser("admin", "ordering");
    const start = async (subject: string) => ((await startThread(customer, { subject, body: "Order test", projectId: null, attachmentIds: [] })) as { threadId: string }).threadId;
    const oldestUnread = await start("Ordering A");
    const read = await start("Ordering B");
    const newestUnread = await start("Ordering C");
    await readThread(admin, read);
    await setThreadOpen(admin, { threadId: newestUnread, open: false }, info());

    const ids = async (filters: { status?: "open" | "closed" }) => {
      const rows: string[] = [];
      let after: InboxCursor | null = null;
      do {
        const result = await adminListThreads(admin.id, { ...filters, query: "Ordering" }, { after, limit: 1 });
        rows.push(...result.rows.map((row) => row.id));
        after = result.older;
      } while (after);
      return rows;
    };
    expect(await ids({})).toEqual([newestUnread, oldestUnread, read]);
    expect(await ids({ status: "open" })).toEqual([oldestUnread, read]);
    expect(await ids({ status: "closed" })).toEqual([newestUnread]);
    const all = await db().select({ id: messageThreads.id }).from(messageThreads).where(and(eq(messageThreads.accountId, customer.accountId!)));
    expect(all).toHaveLength(3);
  });
});
