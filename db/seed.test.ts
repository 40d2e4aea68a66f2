import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messageAttachments, messages, messageThreads, projectRequests, projects, projectTasks, storedFiles } from "@/db/schema";
import { getAccountMembership } from "@/db/queries/accounts";
import { getUserByEmail } from "@/db/queries/users";
import { setupTestDatabase } from "@/db/testing";
import { projectStatuses, projectRequestStatuses } from "@/lib/constants";
import { setStorage, storage } from "@/lib/storage";
import { localDiskStorage } from "@/lib/storage/local";
import { demoLogins } from "./demo";
import { seedDemoData } from "./seed";

const db = setupTestDatabase();
let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "clientdesk-seed-"));
  setStorage(localDiskStorage(root));
  await seedDemoData();
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("the demo seed", () => {
  it("gives the demo customer projects in every status, with tasks, and requests in every state", async () => {
    const customer = await getUserByEmail(demoLogins[0].email);
    const accountId = (await getAccountMembership(customer!.id))!.accountId;
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
      .innerJoin(messageThreads, eq(messageThreads.id, messages.threadId));
    expect(new Set(files.map((file) => file.contentType))).toEqual(new Set(["image/png", "application/pdf", "text/plain"]));
    for (const file of files) {
      const stream = await (await storage()).get(file.storageKey);
      expect(stream, file.storageKey).not.toBeNull();
      expect((await new Response(stream).arrayBuffer()).byteLength).toBe(file.sizeBytes);
    }
  });
});
