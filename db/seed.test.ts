import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activityEvents, messageAttachments, messages, messageThreads, projectRequests, projects, projectTasks, storedFiles } from "@/db/schema";
import { setupTestDatabase, signedInUser } from "@/db/testing";
import { projectRequestStatuses, projectStatuses } from "@/lib/constants";
import { setStorage, storage } from "@/lib/storage";
import { localDiskStorage } from "@/lib/storage/local";
import { seedAccountActivity } from "./seed-activity";
import { seedDemoInvoices } from "./seed-invoices";
import { seedDemoProjects } from "./seed-projects";

const db = setupTestDatabase();
let root: string;
let accountId: string;
let staffId: string;
// The demo customer's part of the seed, for a customer of this test's own (the whole seed runs once per database).
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "clientdesk-seed-"));
  setStorage(localDiskStorage(root));
  const [customer, staff] = [await signedInUser("customer"), await signedInUser("admin")];
  accountId = customer.accountId!;
  staffId = staff.id;
  await seedDemoProjects({ accountId, customerId: customer.id, staffId: staff.id }, db());
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("the demo seed", () => {
  it("gives the demo customer projects in every status, with tasks, and requests in every state", async () => {
    const rows = await db().select({ id: projects.id, status: projects.status }).from(projects).where(eq(projects.accountId, accountId));
    expect(new Set(rows.map((row) => row.status))).toEqual(new Set(projectStatuses));
    const tasks = await db().select({ projectId: projectTasks.projectId }).from(projectTasks).innerJoin(projects, eq(projects.id, projectTasks.projectId)).where(eq(projects.accountId, accountId));
    expect(new Set(tasks.map((task) => task.projectId)).size).toBe(rows.length);
    const requests = await db().select({ status: projectRequests.status }).from(projectRequests).where(eq(projectRequests.accountId, accountId));
    expect(new Set(requests.map((request) => request.status))).toEqual(new Set(projectRequestStatuses));
  });

  it("stores real attachment files that the threads point to", async () => {
    const files = await db()
      .select({ storageKey: storedFiles.storageKey, sizeBytes: storedFiles.sizeBytes, contentType: storedFiles.contentType })
      .from(messageAttachments)
      .innerJoin(storedFiles, eq(storedFiles.id, messageAttachments.fileId))
      .innerJoin(messages, eq(messages.id, messageAttachments.messageId))
      .innerJoin(messageThreads, eq(messageThreads.id, messages.threadId))
      .where(eq(messageThreads.accountId, accountId));
    expect(new Set(files.map((file) => file.contentType))).toEqual(new Set(["image/png", "application/pdf", "text/plain"]));
    for (const file of files) {
      const stream = await (await storage()).get(file.storageKey);
      expect(stream, file.storageKey).not.toBeNull();
      expect((await new Response(stream).arrayBuffer()).byteLength).toBe(file.sizeBytes);
    }
  });

  it("gives the demo account a timeline of what its seeded rows say happened, once, none of it in the future", async () => {
    await seedDemoInvoices({ accountId, staffId, otherCustomerEmail: "nobody@test.clientdesk.test" }, db());
    await seedAccountActivity(accountId, db());
    const timeline = async () => db().select({ type: activityEvents.type, link: activityEvents.link, occurredAt: activityEvents.occurredAt }).from(activityEvents).where(eq(activityEvents.accountId, accountId));
    const entries = await timeline();
    expect(new Set(entries.map((entry) => entry.type))).toEqual(
      new Set(["project.statusChanged", "project.updatePosted", "project.milestoneReached", "project.deliverableAdded", "message.sent", "message.received", "invoice.issued", "invoice.paid", "payment.failed"]),
    );
    expect(entries.every((entry) => entry.occurredAt <= new Date() && /^\/dashboard\/(projects|messages|invoices)\/[0-9a-f-]{36}$/.test(entry.link!))).toBe(true);
    await seedAccountActivity(accountId, db());
    expect(await timeline()).toHaveLength(entries.length);
  });
});
