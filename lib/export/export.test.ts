import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import yauzl from "yauzl";
import * as schema from "@/db/schema";
import { getDb, isEmbeddedDb } from "@/db";
import { newStorageKey } from "@/lib/storage/keys";
import { setStorage } from "@/lib/storage";
import { localDiskStorage } from "@/lib/storage/local";
import { setupTestDatabase, signedInUser } from "@/db/testing";
import { testPlan } from "@/db/testing/billing";
import { testAgent } from "@/db/testing/calls";
import { copyRows, exportReaders } from "@/db/queries/export";
import { exportArchive } from "./archive";
import { exportSections, notExported } from "./sections";
import { ExportRateLimited, EXPORTS_PER_HOUR, exportUserData } from "./service";

setupTestDatabase();

const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "clientdesk-export-"));
beforeAll(() => setStorage(localDiskStorage(uploads)));
afterAll(() => fs.rmSync(uploads, { recursive: true, force: true }));

async function unzip(stream: Readable): Promise<Map<string, Buffer>> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.fromBuffer(Buffer.concat(chunks), { lazyEntries: true }, (error, file) => (error ? reject(error) : resolve(file))));
  const files = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => {
      zip.openReadStream(entry, async (error, body) => {
        if (error) return reject(error);
        const parts: Buffer[] = [];
        for await (const part of body) parts.push(part as Buffer);
        files.set(entry.fileName, Buffer.concat(parts));
        zip.readEntry();
      });
    });
    zip.on("end", resolve);
    zip.on("error", reject);
    zip.readEntry();
  });
  return files;
}

/** Tables with a foreign key to users.id or customer_accounts.id, found from the schema itself. */
function referencingTables(): string[] {
  const names = new Set<string>();
  for (const value of Object.values(schema)) {
    if (!is(value, PgTable)) continue;
    const config = getTableConfig(value);
    for (const key of config.foreignKeys) {
      const target = getTableConfig(key.reference().foreignTable).name;
      if (target === "users" || target === "customer_accounts") names.add(config.name);
    }
  }
  return [...names].sort();
}

describe("the export's coverage", () => {
  it("exports or explains every table that references a user or a customer account", () => {
    const exported = new Set(exportSections.flatMap((section) => section.tables));
    const missing = referencingTables().filter((table) => !exported.has(table) && !(table in notExported));
    expect(missing, "add these tables to lib/export/sections.ts, or to notExported with the reason").toEqual([]);
    expect(referencingTables().length).toBeGreaterThan(20);
  });

  it("names only real tables, each once", () => {
    const all = new Set(Object.values(schema).filter((value) => is(value, PgTable)).map((table) => getTableConfig(table as PgTable).name));
    const listed = [...exportSections.flatMap((section) => section.tables), ...Object.keys(notExported)];
    expect(listed.filter((table) => !all.has(table))).toEqual([]);
    expect(new Set(exportSections.map((section) => section.name)).size).toBe(exportSections.length);
  });
});

/** Tables whose exported columns hold no free text: the test checks their rows by count instead. */
const countedTables = ["notification_preferences", "customer_account_members", "message_thread_reads", "project_request_attachments", "message_attachments", "usage_alerts", "call_preferences", "user_two_factor", "two_factor_recovery_codes", "calendar_feeds"];

/**
 * A customer with a row in every exported table, each holding a canary string of its own, plus
 * secrets that must never leave (TOTP secret, recovery code and token hashes, password hash).
 */
async function plantCustomer(label: string) {
  const db = getDb();
  const tag = `${label}${randomUUID().slice(0, 8)}`;
  const canary = (table: string) => `canary-${tag}-${table}`;
  const user = await signedInUser("customer", label);
  const accountId = user.accountId!;
  const planted: Record<string, string> = {};
  const put = (table: string) => (planted[table] = canary(table));
  const secrets = [`secret-${tag}-password`, `secret-${tag}-totp`, `secret-${tag}-recovery`, `secret-${tag}-calendar`, `secret-${tag}-token`, `secret-${tag}-api-token`];

  await db.update(schema.users).set({ name: put("users"), passwordHash: secrets[0]! }).where(eq(schema.users.id, user.id));
  await db.update(schema.userSettings).set({ timeZone: put("user_settings") }).where(eq(schema.userSettings.userId, user.id));
  await db.insert(schema.notificationPreferences).values({ userId: user.id, category: "marketing", email: false, sms: true });
  await db.insert(schema.authSessions).values({ userId: user.id, userAgent: put("auth_sessions") });
  await db.insert(schema.auditLog).values({ action: "auth.sign_in", targetUserId: user.id, userAgent: put("audit_log") });
  await db.insert(schema.notifications).values({ userId: user.id, category: "account", type: put("notifications") });
  await db.insert(schema.userTwoFactor).values({ userId: user.id, secret: secrets[1]!, enabledAt: new Date() });
  await db.insert(schema.twoFactorRecoveryCodes).values({ userId: user.id, codeHash: secrets[2]! });
  await db.insert(schema.calendarFeeds).values({ userId: user.id, tokenHash: secrets[3]! });
  await db.insert(schema.apiTokens).values({ userId: user.id, name: put("api_tokens"), prefix: "cdk_abcdef", tokenHash: secrets[5]!, scopes: ["calls:read"] });
  await db.insert(schema.authTokens).values({ userId: user.id, kind: "password_reset", tokenHash: secrets[4]!, expiresAt: new Date(Date.now() + 3_600_000) });
  await db.insert(schema.emailOutbox).values({ toAddress: user.email, template: "test", subject: put("email_outbox"), textBody: "", htmlBody: "", status: "logged" });
  await db.update(schema.customerAccounts).set({ name: put("customer_accounts"), billingAddress: `${canary("customer_accounts")}-billing` }).where(eq(schema.customerAccounts.id, accountId));

  const fileContent = `${put("stored_files")}-bytes`;
  const storageKey = newStorageKey("txt");
  fs.writeFileSync(path.join(uploads, storageKey), fileContent);
  const [file] = await db
    .insert(schema.storedFiles)
    .values({ storageKey, purpose: "message_attachment", contentType: "text/plain", sizeBytes: fileContent.length, fileName: "notes.txt", ownerUserId: user.id, accountId })
    .returning();
  const deliverableKey = newStorageKey("txt");
  fs.writeFileSync(path.join(uploads, deliverableKey), "deliverable");
  const [deliverableFile] = await db
    .insert(schema.storedFiles)
    .values({ storageKey: deliverableKey, purpose: "deliverable", contentType: "text/plain", sizeBytes: 11, fileName: "plan.txt", ownerUserId: null, accountId })
    .returning();

  const plan = await testPlan();
  await db.insert(schema.demoCheckoutSessions).values({ accountId, userId: user.id, purpose: "subscription", planId: plan.id, amount: 100, currency: put("demo_checkout_sessions"), expiresAt: new Date() });
  const [project] = await db.insert(schema.projects).values({ accountId, name: put("projects") }).returning();
  await db.insert(schema.projectTasks).values({ projectId: project!.id, title: put("project_tasks"), position: 0 });
  await db.insert(schema.projectMilestones).values({ projectId: project!.id, title: put("project_milestones"), dueDate: "2026-12-24" });
  await db.insert(schema.projectUpdates).values({ projectId: project!.id, body: put("project_updates") });
  await db.insert(schema.projectDeliverables).values({ projectId: project!.id, fileId: deliverableFile!.id, title: put("project_deliverables") });
  await db.insert(schema.projectRatings).values({ projectId: project!.id, userId: user.id, rating: 5, comment: put("project_ratings") });
  const [request] = await db.insert(schema.projectRequests).values({ accountId, submittedById: user.id, title: put("project_requests"), goals: "g", budgetRange: "not_sure", contactPreference: "email" }).returning();
  const requestKey = newStorageKey("txt");
  fs.writeFileSync(path.join(uploads, requestKey), "brief");
  const [requestFile] = await db.insert(schema.storedFiles).values({ storageKey: requestKey, purpose: "request_attachment", contentType: "text/plain", sizeBytes: 5, fileName: "brief.txt", ownerUserId: user.id, accountId }).returning();
  await db.insert(schema.projectRequestAttachments).values({ requestId: request!.id, fileId: requestFile!.id });
  const [thread] = await db.insert(schema.messageThreads).values({ accountId, subject: put("message_threads"), createdById: user.id }).returning();
  const [message] = await db.insert(schema.messages).values({ threadId: thread!.id, authorId: null, fromStaff: true, body: put("messages") }).returning();
  await db.insert(schema.messageAttachments).values({ messageId: message!.id, fileId: file!.id, position: 0 });
  await db.insert(schema.messageThreadReads).values({ threadId: thread!.id, userId: user.id, readAt: new Date() });
  const [subscription] = await db
    .insert(schema.subscriptions)
    .values({ accountId, planId: plan.id, stripeSubscriptionId: `sub_${tag}`, status: "active", currentPeriodStart: new Date(), currentPeriodEnd: new Date(), cancelReason: put("subscriptions"), stripeEventCreatedAt: new Date() })
    .returning();
  await db.insert(schema.usageAlerts).values({ subscriptionId: subscription!.id, periodStart: new Date(), threshold: 80 });
  const [invoice] = await db
    .insert(schema.invoices)
    .values({ accountId, kind: "project", number: `T-${tag}`, status: "open", currency: "usd", total: 100, issueDate: "2026-11-01", dueDate: "2026-12-01", notes: put("invoices"), sentAt: new Date() })
    .returning();
  await db.insert(schema.invoiceItems).values({ invoiceId: invoice!.id, position: 0, description: put("invoice_items"), quantity: 1, unitAmount: 100, amount: 100 });
  await db.insert(schema.payments).values({ invoiceId: invoice!.id, accountId, amount: 100, currency: "usd", status: "failed", method: "card", provider: "demo", failureMessage: put("payments"), occurredAt: new Date() });
  const agent = await testAgent({ name: `${canary("agent_assignments")}` });
  planted.agent_assignments = agent.name;
  await db.insert(schema.agentAssignments).values({ accountId, agentId: agent.id, role: "primary", startsOn: "2026-01-01" });
  await db.insert(schema.agentRequests).values({ accountId, requestedById: user.id, notes: put("agent_requests") });
  await db.insert(schema.callRequests).values({ accountId, requestedById: user.id, toNumber: "+15550100", notes: put("call_requests") });
  await db.insert(schema.calls).values({ accountId, direction: "inbound", status: "completed", fromNumber: "+15550100", toNumber: "+15550199", startedAt: new Date(), durationSeconds: 60, currency: "usd", summary: put("calls") });
  await db.insert(schema.callPreferences).values({ accountId, recordingConsent: true });
  await db.insert(schema.webhookEndpoints).values({ accountId, url: "https://hooks.example.com/in", description: put("webhook_endpoints"), events: ["call.completed"], secretSealed: `secret-${tag}-webhook` });
  secrets.push(`secret-${tag}-webhook`);
  await db.insert(schema.activityEvents).values({ accountId, area: "projects", type: put("activity_events") });
  return { user, planted, secrets };
}

describe("the data export", () => {
  it("holds a canary from every exported table of the user and their account, none of another customer's, and no secret", async () => {
    const a = await plantCustomer("a");
    const b = await plantCustomer("b");
    const files = await unzip(exportArchive({ userId: a.user.id, accountId: a.user.accountId, accountRole: "owner" }));
    const everything = [...files.values()].map((content) => content.toString("utf8")).join("\n");

    const sectionTables = exportSections.flatMap((section) => section.tables);
    expect(sectionTables.filter((table) => !(table in a.planted) && !countedTables.includes(table)), "plant a canary for these tables").toEqual([]);
    for (const [table, canary] of Object.entries(a.planted)) expect(everything, `${table} is exported`).toContain(canary);
    for (const [table, canary] of Object.entries(b.planted)) expect(everything, `${table} of another customer`).not.toContain(canary);
    for (const secret of [...a.secrets, ...b.secrets]) expect(everything).not.toContain(secret);
    expect(everything).not.toContain(b.user.email);

    const data = JSON.parse(files.get("data.json")!.toString("utf8")) as Record<string, Record<string, unknown>[]>;
    expect(data.profile![0]).toMatchObject({ email: a.user.email });
    expect(data.two_factor![0]).toMatchObject({ enabled: true, unused_recovery_codes: 1 });
    expect(data.notification_preferences).toEqual([expect.objectContaining({ category: "marketing", email: false, sms: true })]);
    expect(data.call_preferences).toEqual([expect.objectContaining({ recording_consent: true })]);
    expect(data.project_request_attachments).toHaveLength(1);
    expect(data.message_attachments).toHaveLength(1);
    expect(data.usage_alerts).toHaveLength(1);
    expect(data.thread_reads).toHaveLength(1);
    expect(data.calendar_feed).toHaveLength(1);
    expect(data.account_membership).toEqual([expect.objectContaining({ role: "owner" })]);
    expect(String(data.sessions![0]!.created_at)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect([...files.keys()].filter((name) => name.startsWith("files/"))).toHaveLength(3);
  });

  it("describes every file in the manifest, written last, with the true size, hash and row count", async () => {
    const a = await plantCustomer("m");
    const files = await unzip(exportArchive({ userId: a.user.id, accountId: a.user.accountId, accountRole: "owner" }));
    const names = [...files.keys()];
    expect(names.at(-1)).toBe("manifest.json");
    const manifest = JSON.parse(files.get("manifest.json")!.toString("utf8")) as { files: { path: string; bytes: number; sha256: string; rows?: number; section?: string }[] };
    expect(manifest.files.map((file) => file.path).sort()).toEqual(names.filter((name) => name !== "manifest.json").sort());
    const data = JSON.parse(files.get("data.json")!.toString("utf8")) as Record<string, unknown[]>;
    for (const described of manifest.files) {
      const content = files.get(described.path)!;
      expect(described.bytes, described.path).toBe(content.byteLength);
      expect(described.sha256, described.path).toBe(createHash("sha256").update(content).digest("hex"));
      if (described.section) {
        expect(described.rows, described.path).toBe(data[described.section]!.length);
        // The header line, then one line per row (no field of this data holds a line break).
        expect(content.toString("utf8").split("\r\n").filter(Boolean)).toHaveLength(described.rows! + 1);
      }
    }
    expect(data.calls).toHaveLength(1);
  });

  it("gives a member who is not the owner only their own data: their messages and the team's replies to them, never a colleague's or the account's", async () => {
    const owner = await plantCustomer("o");
    const accountId = owner.user.accountId!;
    const member = await signedInUser("customer", "member");
    const db = getDb();
    await db.delete(schema.customerAccountMembers).where(eq(schema.customerAccountMembers.userId, member.id));
    await db.insert(schema.customerAccountMembers).values({ accountId, userId: member.id, role: "member" });
    const [thread] = await db.insert(schema.messageThreads).values({ accountId, subject: `member-thread-${randomUUID()}`, createdById: member.id }).returning();
    const mine = `member-wrote-${randomUUID()}`;
    const reply = `team-replied-${randomUUID()}`;
    const colleague = `owner-wrote-${randomUUID()}`;
    await db.insert(schema.messages).values([
      { threadId: thread!.id, authorId: member.id, fromStaff: false, body: mine },
      { threadId: thread!.id, authorId: null, fromStaff: true, body: reply },
      { threadId: thread!.id, authorId: owner.user.id, fromStaff: false, body: colleague },
    ]);
    await db.insert(schema.activityEvents).values([
      { accountId, area: "security", type: "security.signedIn", params: { device: `colleague-${randomUUID()}` }, onlyForUserId: owner.user.id },
      { accountId, area: "messages", type: "message.sent", actorId: member.id },
    ]);

    const files = await unzip(exportArchive({ userId: member.id, accountId, accountRole: "member" }));
    const everything = [...files.values()].map((content) => content.toString("utf8")).join("\n");
    const data = JSON.parse(files.get("data.json")!.toString("utf8")) as Record<string, Record<string, unknown>[]>;
    expect(data.profile![0]).toMatchObject({ email: member.email });
    expect(data.account![0]).toMatchObject({ name: owner.planted.customer_accounts, billing_address: null });
    expect(data.message_threads!.map((row) => row.id)).toEqual([thread!.id]);
    expect(everything).toContain(mine);
    expect(everything).toContain(reply);
    expect(everything).not.toContain(colleague);
    expect(data.activity!.map((row) => row.type)).toEqual(["message.sent"]);
    for (const section of ["calls", "invoices", "payments", "projects", "subscriptions", "call_preferences", "project_requests", "agent_requests", "call_requests"]) {
      expect(data[section], section).toEqual([]);
    }
    // Nothing the owner planted in the account reaches the member, and no file of theirs.
    for (const [table, canary] of Object.entries(owner.planted)) if (table !== "customer_accounts") expect(everything, table).not.toContain(canary);
    expect([...files.keys()].filter((name) => name.startsWith("files/"))).toEqual([]);
    expect(data.sessions).toHaveLength(1);
  });

  it("leaves out a staff member's address and browser from staff actions on the user, and a staff member's own staff actions", async () => {
    const customer = await signedInUser("customer", "audited");
    const staff = await signedInUser("admin", "auditor");
    const db = getDb();
    await db.insert(schema.auditLog).values([
      { action: "auth.sign_in", actorId: customer.id, targetUserId: customer.id, ip: "198.51.100.7", userAgent: "customer-browser" },
      { action: "admin.role_changed", actorId: staff.id, targetUserId: customer.id, ip: "203.0.113.99", userAgent: "staff-browser" },
      { action: "admin.invoice_created", actorId: staff.id, targetUserId: null, ip: "203.0.113.99", metadata: { number: `INV-${randomUUID()}` } },
    ]);
    const mine = await unzip(exportArchive({ userId: customer.id, accountId: customer.accountId, accountRole: "owner" }));
    const customerData = JSON.parse(mine.get("data.json")!.toString("utf8")) as Record<string, Record<string, unknown>[]>;
    // Written together, the rows share a time: their order is the ids'.
    expect(customerData.audit_log!.map((row) => [row.action, row.ip, row.user_agent]).sort()).toEqual([
      ["admin.role_changed", null, null],
      ["auth.sign_in", "198.51.100.7", "customer-browser"],
    ]);
    const staffFiles = await unzip(exportArchive({ userId: staff.id, accountId: null, accountRole: null }));
    const staffData = JSON.parse(staffFiles.get("data.json")!.toString("utf8")) as Record<string, Record<string, unknown>[]>;
    expect(staffData.audit_log!.map((row) => row.action)).not.toContain("admin.invoice_created");
  });

  it("reads calls in batches: more calls than one batch all arrive, in time order", async () => {
    const user = await signedInUser("customer", "many");
    const rows = Array.from({ length: 2_345 }, (_, index) => ({
      accountId: user.accountId!,
      direction: "inbound" as const,
      status: "completed" as const,
      fromNumber: "+15550100",
      toNumber: "+15550199",
      startedAt: new Date(Date.UTC(2026, 0, 1) + Math.floor(index / 3) * 60_000),
      durationSeconds: 60,
      currency: "usd",
    }));
    for (let start = 0; start < rows.length; start += 1000) await getDb().insert(schema.calls).values(rows.slice(start, start + 1000));
    const files = await unzip(exportArchive({ userId: user.id, accountId: user.accountId, accountRole: "owner" }));
    const calls = (JSON.parse(files.get("data.json")!.toString("utf8")) as { calls: { id: string; started_at: string }[] }).calls;
    expect(calls).toHaveLength(2_345);
    expect(new Set(calls.map((call) => call.id)).size).toBe(2_345);
    expect(calls.map((call) => call.started_at)).toEqual([...calls.map((call) => call.started_at)].sort());
  });

  it("fails the download, rather than ending it short, when a read fails half-way", async () => {
    const user = await signedInUser("customer", "broken");
    const section = exportSections.find((each) => each.name === "calls")! as { reader: (typeof exportSections)[number]["reader"] };
    const reader = section.reader;
    section.reader = {
      columns: reader.columns,
      async *batches() {
        yield [{ id: "first" }];
        throw new Error("connection lost");
      },
    };
    try {
      const stream = exportArchive({ userId: user.id, accountId: user.accountId, accountRole: "owner" });
      await expect(unzip(stream)).rejects.toThrow("connection lost");
    } finally {
      section.reader = reader;
    }
  });

  it("is audited, and refused with a wait after the hourly limit", async () => {
    const user = await signedInUser("customer", "limit");
    for (let attempt = 0; attempt < EXPORTS_PER_HOUR; attempt++) {
      const { body, fileName } = await exportUserData(user, { ip: "192.0.2.1", userAgent: "test" });
      expect(fileName).toMatch(/^clientdesk-export-\d{4}-\d\d-\d\d\.zip$/);
      body.destroy();
    }
    const refused = await exportUserData(user, { ip: null, userAgent: null }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ExportRateLimited);
    expect((refused as ExportRateLimited).retryAfterSeconds).toBeGreaterThan(0);
    const audited = await getDb().select().from(schema.auditLog).where(eq(schema.auditLog.targetUserId, user.id));
    expect(audited.filter((row) => row.action === "user.data_exported")).toHaveLength(EXPORTS_PER_HOUR);
  });
});

describe.skipIf(isEmbeddedDb())("the data export on PostgreSQL", () => {
  it("writes the large sections from COPY byte for byte as the batch path does", async () => {
    const a = await plantCustomer("c");
    const db = getDb();
    const accountId = a.user.accountId!;
    const awkward = ['=SUM(A1:A2)', "+15550100", "-12 34", '@home, "quoted"', "line\r\nbreak\ttab \u0001 ünïcödé 😀 \\ back", "", " plain"];
    await db.insert(schema.calls).values(
      awkward.map((text, index) => ({
        accountId,
        direction: "outbound" as const,
        status: "completed" as const,
        fromNumber: text || "+1",
        toNumber: "+15550199",
        startedAt: new Date(Date.UTC(2026, 1, 3, 4, 5, 6, 789) + index),
        durationSeconds: index,
        satisfaction: index % 2 ? null : (index % 5) + 1,
        cost: index * 7,
        currency: "usd",
        summary: text,
        transcript: index % 2 ? null : `${text}\n${text}`,
      })),
    );
    // Microseconds: the batch path's Date keeps milliseconds.
    await db.execute(sql`update calls set created_at = '2026-02-03 04:05:06.123987+00' where account_id = ${accountId}`);
    await db.insert(schema.activityEvents).values(awkward.map((text, index) => ({ accountId, area: "calls" as const, type: "calls.requested", params: { text, n: index, ratio: 1.5, flag: true }, occurredAt: new Date(Date.UTC(2026, 1, 3) + index) })));
    await db.insert(schema.notifications).values(awkward.map((text) => ({ userId: a.user.id, category: "calls" as const, type: "calls.requested", params: { text }, link: text || null })));

    const subject = { userId: a.user.id, accountId, accountRole: "owner" as const };
    const generatedAt = new Date();
    const batched = await unzip(exportArchive(subject, { generatedAt, copy: false }));
    const copied = await unzip(exportArchive(subject, { generatedAt, copy: true }));
    expect([...copied.keys()]).toEqual([...batched.keys()]);
    for (const [name, content] of batched) expect(copied.get(name)!.toString("utf8"), name).toBe(content.toString("utf8"));
    const data = JSON.parse(copied.get("data.json")!.toString("utf8")) as Record<string, Record<string, unknown>[]>;
    expect(data.calls!.map((call) => call.summary)).toEqual(expect.arrayContaining(awkward));
    expect(copied.get("csv/calls.csv")!.toString("utf8")).toContain("'=SUM(A1:A2)");
  });

  it("cancels a COPY stopped half-way and leaves its connection usable", async () => {
    const user = await signedInUser("customer", "stopped");
    const rows = Array.from({ length: 2_000 }, (_, index) => ({ accountId: user.accountId!, direction: "inbound" as const, status: "completed" as const, fromNumber: "+15550100", toNumber: "+15550199", startedAt: new Date(Date.UTC(2026, 0, 1) + index * 60_000), durationSeconds: 60, currency: "usd", transcript: "words ".repeat(400) }));
    for (let start = 0; start < rows.length; start += 500) await getDb().insert(schema.calls).values(rows.slice(start, start + 500));
    const query = exportReaders.calls.copy!.query({ userId: user.id, accountId: user.accountId, accountRole: "owner" })!;
    for (let round = 0; round < 3; round++) {
      let read = 0;
      for await (const line of copyRows(query)) if (line.byteLength > 0 && ++read === 10) break;
      let all = 0;
      for await (const line of copyRows(query)) all += line.byteLength > 0 ? 1 : 0;
      expect(all).toBe(2_000);
    }
    expect(await getDb().$count(schema.calls, eq(schema.calls.accountId, user.accountId!))).toBe(2_000);
  });
});
