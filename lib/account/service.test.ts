import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, count, eq, getTableName, gte, is } from "drizzle-orm";
import { getTableConfig, type PgColumn, PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/stripe/webhook/route";
import { insertStoredFile } from "@/db/queries/files";
import { createAuthSession, getActiveSessionUser, isSessionLive } from "@/db/queries/sessions";
import { createUser, getUserByEmail } from "@/db/queries/users";
import * as schema from "@/db/schema";
import {
  auditLog,
  customerAccountMembers,
  customerAccounts,
  emailOutbox,
  invoiceItems,
  invoices,
  messages,
  messageThreads,
  projects,
  storedFiles,
  subscriptions,
  users,
} from "@/db/schema";
import { setupTestDatabase, signedInUser, uniqueEmail, uniqueIp } from "@/db/testing";
import { testOpenInvoice, testPlan, withStripeCustomer } from "@/db/testing/billing";
import { testCalls } from "@/db/testing/calls";
import { testSubscription } from "@/db/testing/subscriptions";
import { recordActivity } from "@/lib/activity/service";
import { useWebhookTransport } from "@/lib/billing/demo-delivery";
import { runQueuedJobs } from "@/lib/jobs/testing";
import { notify } from "@/lib/notifications/service";
import { hashPassword } from "@/lib/passwords";
import { localDiskStorage } from "@/lib/storage/local";
import { setStorage, storage } from "@/lib/storage";
import { newStorageKey } from "@/lib/storage/keys";
import { deleteAccountSchema } from "@/lib/validations/account";
import { deleteOwnAccount, previewAccountDeletion } from "./service";

const db = setupTestDatabase();
const password = "correct horse battery";
const info = () => ({ ip: uniqueIp(), userAgent: "vitest" });
const storageRoot = fs.mkdtempSync(path.join(os.tmpdir(), "clientdesk-deletion-"));

beforeAll(() => {
  setStorage(localDiskStorage(storageRoot));
  // No server runs here: demo mode's signed events go to the webhook route's handler directly.
  useWebhookTransport(async (payload, signature) => {
    const response = await POST(new Request("http://localhost/api/stripe/webhook", { method: "POST", headers: { "stripe-signature": signature }, body: payload }));
    return response.status;
  });
});
afterAll(() => {
  useWebhookTransport(null);
  fs.rmSync(storageRoot, { recursive: true, force: true });
});

async function customer(label: string) {
  const email = uniqueEmail(label);
  const user = await createUser({ email, name: `Dana ${label}`, passwordHash: await hashPassword(password), emailVerifiedAt: new Date(), locale: "en", accountName: `${label} GmbH` });
  const sessionId = (await createAuthSession({ userId: user.id, ip: "2001:db8::1", userAgent: "vitest" }))!;
  return { actor: (await getActiveSessionUser(sessionId))!, sessionId, email, name: user.name };
}

/** A file with bytes on disk, as an upload would leave it. */
async function storedFile(input: { accountId: string | null; ownerUserId: string; purpose: "avatar" | "message_attachment" | "deliverable" }) {
  const key = newStorageKey("txt");
  await (await storage()).put(key, new Blob(["private bytes"]).stream(), { contentType: "text/plain" });
  const { id } = await insertStoredFile({ storageKey: key, purpose: input.purpose, contentType: "text/plain", sizeBytes: 13, fileName: "notes.txt", ownerUserId: input.ownerUserId, accountId: input.accountId });
  return { id, file: path.join(storageRoot, key) };
}

/** Every column of the schema with a foreign key to users, found from the schema itself: a new one is checked without anyone listing it. */
function userReferences() {
  const found: Array<{ table: PgTable; column: PgColumn }> = [];
  for (const value of Object.values(schema)) {
    if (!is(value, PgTable)) continue;
    for (const foreignKey of getTableConfig(value).foreignKeys) {
      const reference = foreignKey.reference();
      if (getTableName(reference.foreignTable) !== "users") continue;
      for (const column of reference.columns) found.push({ table: value, column });
    }
  }
  return found;
}

async function rowsReferencing(userId: string) {
  expect(userReferences().length, "the scan finds the schema's references").toBeGreaterThan(20);
  const hits: string[] = [];
  for (const { table, column } of userReferences()) {
    const [row] = await db().select({ n: count() }).from(table).where(eq(column, userId));
    if ((row?.n ?? 0) > 0) hits.push(`${getTableName(table)}.${column.name}`);
  }
  return hits;
}

describe("the confirmation", () => {
  it("asks for DELETE typed exactly", () => {
    expect(deleteAccountSchema.safeParse({ password, confirmation: "DELETE" }).success).toBe(true);
    for (const phrase of ["delete", "DELET", "", "LÖSCHEN"]) {
      const parsed = deleteAccountSchema.safeParse({ password, confirmation: phrase });
      expect(parsed.error?.issues.map((issue) => issue.path[0])).toEqual(["confirmation"]);
    }
  });

  it("refuses a wrong password and changes nothing", async () => {
    const { actor, sessionId } = await customer("wrongpw");
    const deletionsBefore = await db().select({ n: count() }).from(auditLog).where(eq(auditLog.action, "user.account_deleted"));
    expect(await deleteOwnAccount(actor, { password: "not it" }, info())).toEqual({ status: "invalid_password" });
    expect(await isSessionLive(sessionId)).toBe(true);
    expect((await db().select({ closedAt: customerAccounts.closedAt }).from(customerAccounts).where(eq(customerAccounts.id, actor.accountId!)))[0]?.closedAt).toBeNull();
    expect(await db().select({ n: count() }).from(auditLog).where(eq(auditLog.action, "user.account_deleted"))).toEqual(deletionsBefore);
  });

  it("refuses staff: their account carries the audit trail of what they did", async () => {
    const admin = await signedInUser("admin", "deleting-admin");
    await db().update(users).set({ passwordHash: await hashPassword(password) }).where(eq(users.id, admin.id));
    expect(await deleteOwnAccount(admin, { password }, info())).toEqual({ status: "staff_account" });
    expect(await getUserByEmail(admin.email)).not.toBeNull();
  });
});

describe("an owner deleting their account", () => {
  it("closes the account, keeps its invoices, leaves no row referencing the user and no file, and frees the email", async () => {
    const owner = await customer("owner");
    const accountId = owner.actor.accountId!;
    const member = await customer("member");
    // The member joins the owner's account (their own sign-up account is left aside).
    await db().delete(customerAccountMembers).where(eq(customerAccountMembers.userId, member.actor.id));
    await db().insert(customerAccountMembers).values({ accountId, userId: member.actor.id, role: "member" });

    const plan = await testPlan();
    await withStripeCustomer(accountId);
    await db().update(customerAccounts).set({ billingEmail: "billing@owner.example", billingAddress: "Hauptstr. 1, Berlin", taxId: "DE123456789" }).where(eq(customerAccounts.id, accountId));
    const subscription = await testSubscription({ accountId, planId: plan.id });
    const openInvoice = await testOpenInvoice(accountId, 12_500, "eur");
    const [draft] = await db().insert(invoices).values({ accountId, kind: "project", number: `DRAFT-${accountId.slice(0, 8)}`, currency: "eur", issueDate: "2026-11-20", dueDate: "2026-12-20" }).returning();
    const [project] = await db().insert(projects).values({ accountId, name: "Website", createdById: owner.actor.id }).returning();
    const [thread] = await db().insert(messageThreads).values({ accountId, subject: "Hello", createdById: owner.actor.id }).returning();
    await db().insert(messages).values([
      { threadId: thread!.id, authorId: owner.actor.id, fromStaff: false, body: "from the owner" },
      { threadId: thread!.id, authorId: member.actor.id, fromStaff: false, body: "from the member" },
    ]);
    await testCalls(accountId, [{}, {}]);
    const avatar = await storedFile({ accountId: null, ownerUserId: owner.actor.id, purpose: "avatar" });
    const attachment = await storedFile({ accountId, ownerUserId: member.actor.id, purpose: "message_attachment" });
    await db().update(users).set({ avatarFileId: avatar.id }).where(eq(users.id, owner.actor.id));
    await notify(owner.actor.id, { type: "security.passwordChanged", params: { device: "x", ip: "y" } });
    await db().transaction(async (tx) => recordActivity({ accountId, type: "security.signedIn", actorId: owner.actor.id, onlyForUserId: owner.actor.id }, tx as never));
    // A staff member's action on the owner: it stays in the staff trail without naming the owner.
    const [staffAction] = await db()
      .insert(auditLog)
      .values({ action: "admin.role_changed", actorId: member.actor.id, targetUserId: owner.actor.id, metadata: { email: owner.email } })
      .returning({ id: auditLog.id });

    const preview = await previewAccountDeletion(owner.actor);
    expect(preview).toMatchObject({
      account: { role: "owner", otherMembers: 1 },
      openInvoices: { count: 1, due: [{ currency: "eur", amount: 12_500 }] },
      keptInvoices: 1,
      subscription: { planName: plan.name },
      files: { count: 2, bytes: 26 },
    });

    const startedAt = new Date();
    const result = await deleteOwnAccount(owner.actor, { password }, info());
    expect(result).toEqual({ status: "ok", accountClosed: true, filesQueued: 2, subscriptionCancelled: true });
    const jobs = await runQueuedJobs();
    expect(jobs.filter((job) => job.state === "failed")).toEqual([]);

    expect(await rowsReferencing(owner.actor.id), "no row anywhere references the deleted user").toEqual([]);
    expect(await isSessionLive(owner.sessionId)).toBe(false);
    expect(fs.existsSync(avatar.file) || fs.existsSync(attachment.file), "no stored file remains on disk").toBe(false);
    expect(await db().select().from(storedFiles).where(eq(storedFiles.accountId, accountId))).toHaveLength(0);

    // The account is closed, holding only what its invoices print.
    const [account] = await db().select().from(customerAccounts).where(eq(customerAccounts.id, accountId));
    expect(account).toMatchObject({ billingEmail: null, stripeCustomerId: null, billingAddress: "Hauptstr. 1, Berlin", taxId: "DE123456789" });
    expect(account!.closedAt).not.toBeNull();
    const kept = await db().select({ id: invoices.id, number: invoices.number, total: invoices.total }).from(invoices).where(eq(invoices.accountId, accountId));
    expect(kept, "issued invoices are kept, drafts are not").toEqual([{ id: openInvoice.id, number: openInvoice.number, total: 12_500 }]);
    expect(await db().select().from(invoiceItems).where(eq(invoiceItems.invoiceId, openInvoice.id))).toHaveLength(1);
    expect(await db().select().from(invoices).where(eq(invoices.id, draft!.id))).toHaveLength(0);
    for (const table of [projects, messageThreads]) {
      expect(await db().select({ n: count() }).from(table).where(eq(table.accountId, accountId))).toEqual([{ n: 0 }]);
    }
    expect(project).toBeTruthy();
    expect((await db().select({ status: subscriptions.status }).from(subscriptions).where(eq(subscriptions.id, subscription.id)))[0]?.status, "cancelled through the payments adapter").toBe("canceled");

    // The member loses access, is told, and keeps their own sign-in.
    expect(await db().select().from(customerAccountMembers).where(eq(customerAccountMembers.accountId, accountId))).toHaveLength(0);
    expect(await isSessionLive(member.sessionId)).toBe(true);
    expect(await db().select({ template: emailOutbox.template }).from(emailOutbox).where(eq(emailOutbox.toAddress, member.email))).toContainEqual({ template: "accountClosed" });
    expect(await db().select().from(emailOutbox).where(eq(emailOutbox.toAddress, owner.email))).toHaveLength(0);

    const [staffEntry] = await db().select().from(auditLog).where(eq(auditLog.id, staffAction!.id));
    expect(staffEntry).toMatchObject({ action: "admin.role_changed", actorId: member.actor.id, targetUserId: null, metadata: {} });

    // Audited without who it was.
    const audit = await db().select().from(auditLog).where(and(eq(auditLog.action, "user.account_deleted"), gte(auditLog.createdAt, startedAt)));
    expect(audit).toHaveLength(1);
    const written = JSON.stringify(audit[0]);
    for (const personal of [owner.actor.id, owner.email, owner.name, "2001:db8::1"]) expect(written).not.toContain(personal);

    // The email can register anew.
    const again = await createUser({ email: owner.email, name: "Dana again", passwordHash: await hashPassword(password), locale: "en" });
    expect(again.id).not.toBe(owner.actor.id);
  });
});

describe("a member deleting their account", () => {
  it("removes only their own data: the account, its thread and the owner stay; their message loses its author", async () => {
    const owner = await customer("stay-owner");
    const accountId = owner.actor.accountId!;
    const member = await customer("leaving-member");
    await db().delete(customerAccountMembers).where(eq(customerAccountMembers.userId, member.actor.id));
    await db().insert(customerAccountMembers).values({ accountId, userId: member.actor.id, role: "member" });
    const memberActor = (await getActiveSessionUser(member.sessionId))!;
    const [thread] = await db().insert(messageThreads).values({ accountId, subject: "Ours", createdById: member.actor.id }).returning();
    const [message] = await db().insert(messages).values({ threadId: thread!.id, authorId: member.actor.id, fromStaff: false, body: "the member wrote this" }).returning();
    const avatar = await storedFile({ accountId: null, ownerUserId: member.actor.id, purpose: "avatar" });
    const shared = await storedFile({ accountId, ownerUserId: member.actor.id, purpose: "deliverable" });

    expect(await previewAccountDeletion(memberActor)).toMatchObject({ account: { role: "member" }, files: { count: 1 } });
    expect(await deleteOwnAccount(memberActor, { password }, info())).toEqual({ status: "ok", accountClosed: false, filesQueued: 1, subscriptionCancelled: false });
    await runQueuedJobs();

    expect(await rowsReferencing(member.actor.id)).toEqual([]);
    expect(fs.existsSync(avatar.file)).toBe(false);
    expect(fs.existsSync(shared.file), "the account's files stay with the account").toBe(true);
    expect((await db().select({ closedAt: customerAccounts.closedAt }).from(customerAccounts).where(eq(customerAccounts.id, accountId)))[0]?.closedAt).toBeNull();
    expect(await db().select({ body: messages.body, authorId: messages.authorId }).from(messages).where(eq(messages.id, message!.id))).toEqual([{ body: "the member wrote this", authorId: null }]);
    expect(await isSessionLive(owner.sessionId)).toBe(true);
    expect(await db().select({ userId: customerAccountMembers.userId }).from(customerAccountMembers).where(eq(customerAccountMembers.accountId, accountId))).toEqual([{ userId: owner.actor.id }]);
  });
});

describe("the files job", () => {
  it("is retried when storage fails, until the bytes are gone", async () => {
    const local = localDiskStorage(storageRoot);
    let failures = 2;
    setStorage({ ...local, delete: async (key) => (failures-- > 0 ? Promise.reject(new Error("storage is down")) : local.delete(key)) });
    try {
      const { actor } = await customer("flaky");
      const avatar = await storedFile({ accountId: null, ownerUserId: actor.id, purpose: "avatar" });
      expect((await deleteOwnAccount(actor, { password }, info())).status).toBe("ok");
      const jobs = await runQueuedJobs({ only: ["account.delete-files"] });
      expect(jobs).toEqual([{ name: "account.delete-files", state: "completed" }]);
      expect(failures).toBeLessThan(0);
      expect(fs.existsSync(avatar.file)).toBe(false);
    } finally {
      setStorage(localDiskStorage(storageRoot));
    }
  });
});
