import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminListAgentRequests, adminListAgents, adminListAssignmentsOfAccount, getAgentPerformanceForAccount, listAgentRequestsForAccount, listCurrentAgentsForAccount } from "@/db/queries/agents";
import { createAuthSession, getActiveSessionUser } from "@/db/queries/sessions";
import { createUser } from "@/db/queries/users";
import { agentAssignments, agentRequests, agents, auditLog, calls, notifications, storedFiles } from "@/db/schema";
import { setupTestDatabase, signedInUser, uniqueEmail } from "@/db/testing";
import { testAgent, testAssignment, testCalls } from "@/db/testing/calls";
import { AppError } from "@/lib/errors";
import { getFileForDownload } from "@/lib/files/service";
import { todayIn } from "@/lib/projects/dates";
import { setStorage } from "@/lib/storage";
import { localDiskStorage } from "@/lib/storage/local";
import { agentRequestSchema, agentSchema, type AgentRequestInput, approveAgentRequestSchema, assignAgentSchema, declineAgentRequestSchema } from "@/lib/validations/agents";
import { changeAgentAvatar, removeAgentAvatar } from "./avatar";
import { approveAgentRequest, assignAgent, createAgent, createAgentRequest, declineAgentRequest, endAssignment, updateAgent } from "./service";

const db = setupTestDatabase();
let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "clientdesk-agents-"));
  setStorage(localDiskStorage(root));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const info = { ip: null, userAgent: "vitest" };
type User = Awaited<ReturnType<typeof signedInUser>>;
const noPreferences: AgentRequestInput = { agentId: null, replacesAssignmentId: null, language: null, specialty: null, notes: "" };

async function requested(customer: User, input: Partial<AgentRequestInput> = {}): Promise<string> {
  const result = await createAgentRequest(customer, { ...noPreferences, ...input }, info);
  if (result.status !== "ok") throw new Error(result.status);
  return result.id;
}

async function notificationsOf(userId: string) {
  return db().select({ type: notifications.type, params: notifications.params, link: notifications.link }).from(notifications).where(eq(notifications.userId, userId)).orderBy(notifications.createdAt);
}

async function requestRow(id: string) {
  const [row] = await db().select().from(agentRequests).where(eq(agentRequests.id, id));
  return row!;
}

async function expectRefusal(work: Promise<unknown>, code: AppError["code"]) {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

async function staffWithoutTwoFactor() {
  const admin = await createUser({ email: uniqueEmail("no2fa"), name: "No 2FA", passwordHash: "x", role: "admin", locale: "en" });
  return (await getActiveSessionUser((await createAuthSession({ userId: admin.id, ip: null, userAgent: null }))!))!;
}

describe("an account's agents and their performance", () => {
  it("performance equals a plain aggregate over this account's calls and ignores other accounts' calls", async () => {
    const customer = await signedInUser("customer");
    const other = await signedInUser("customer");
    const [anna, bob] = [await testAgent({ name: "Anna" }), await testAgent({ name: "Bob", kind: "ai" })];
    await testAssignment(customer.accountId!, anna.id, { role: "primary" });
    await testAssignment(customer.accountId!, bob.id, { role: "backup" });
    await testCalls(customer.accountId!, [
      { agentId: anna.id, status: "completed", durationSeconds: 120, satisfaction: 5, startedAt: new Date("2026-10-01T08:15:00Z") },
      { agentId: anna.id, status: "completed", durationSeconds: 61, satisfaction: 2, startedAt: new Date("2026-10-01T08:45:00Z") },
      { agentId: anna.id, status: "missed", durationSeconds: 0, startedAt: new Date("2026-10-03T12:00:00Z") },
      { agentId: anna.id, status: "completed", durationSeconds: 300, startedAt: new Date("2026-11-20T23:59:00Z") },
      { agentId: bob.id, status: "failed", durationSeconds: 5, satisfaction: 1 },
      { agentId: null, status: "completed", durationSeconds: 999, satisfaction: 5 },
    ]);
    // The same agents on someone else's calls must not count here.
    await testCalls(other.accountId!, [
      { agentId: anna.id, status: "failed", durationSeconds: 7, satisfaction: 1 },
      { agentId: bob.id, status: "completed", durationSeconds: 1000, satisfaction: 5 },
    ]);

    const performance = await getAgentPerformanceForAccount(customer.accountId!, [anna.id, bob.id]);
    const plain = await db()
      .select({
        agentId: calls.agentId,
        calls: sql<number>`count(*)::int`,
        successRate: sql<number>`avg(case when ${calls.status} = 'completed' then 1.0 else 0.0 end)::float8`,
        averageSatisfaction: sql<number | null>`avg(${calls.satisfaction})::float8`,
        averageHandlingSeconds: sql<number | null>`(avg(${calls.durationSeconds}) filter (where ${calls.status} = 'completed'))::float8`,
      })
      .from(calls)
      .where(and(eq(calls.accountId, customer.accountId!), sql`${calls.agentId} is not null`))
      .groupBy(calls.agentId);
    expect(plain).toHaveLength(2);
    for (const row of plain) {
      const mine = performance.get(row.agentId!)!;
      expect(mine.calls).toBe(row.calls);
      expect(mine.successRate).toBeCloseTo(row.successRate, 10);
      if (row.averageSatisfaction === null) expect(mine.averageSatisfaction).toBeNull();
      else expect(mine.averageSatisfaction).toBeCloseTo(row.averageSatisfaction, 10);
      if (row.averageHandlingSeconds === null) expect(mine.averageHandlingSeconds).toBeNull();
      else expect(mine.averageHandlingSeconds).toBeCloseTo(row.averageHandlingSeconds, 10);
    }
    expect(performance.get(anna.id)).toEqual({ calls: 4, successRate: 0.75, averageSatisfaction: 3.5, averageHandlingSeconds: 481 / 3 });
    expect(performance.get(bob.id)).toEqual({ calls: 1, successRate: 0, averageSatisfaction: 1, averageHandlingSeconds: null });
  });

  it("lists only the assignments active today, primary first, and none of another account's", async () => {
    const customer = await signedInUser("customer");
    const other = await signedInUser("customer");
    const today = "2026-06-15";
    const [current, ended, future, open, foreign] = await Promise.all(["Zed", "Ended", "Future", "Ada", "Foreign"].map((name) => testAgent({ name })));
    await testAssignment(customer.accountId!, current!.id, { role: "primary", startsOn: "2026-06-01", endsOn: today });
    await testAssignment(customer.accountId!, ended!.id, { startsOn: "2026-01-01", endsOn: "2026-06-14" });
    await testAssignment(customer.accountId!, future!.id, { startsOn: "2026-06-16" });
    await testAssignment(customer.accountId!, open!.id, { role: "backup", startsOn: today });
    await testAssignment(other.accountId!, foreign!.id, { startsOn: "2026-01-01" });
    const agentsNow = await listCurrentAgentsForAccount(customer.accountId!, today);
    expect(agentsNow.map((agent) => [agent.name, agent.role])).toEqual([
      ["Zed", "primary"],
      ["Ada", "backup"],
    ]);
  });
});

describe("customers asking for an agent", () => {
  it("stores the preferences, audits, tells every active staff user, and shows it to the account only", async () => {
    const staff = await signedInUser("admin");
    const customer = await signedInUser("customer");
    const other = await signedInUser("customer");
    const agent = await testAgent({ name: "Clara" });
    const id = await requested(customer, { agentId: agent.id, language: "de", specialty: "Sales", notes: "German-speaking, please." });

    expect(await requestRow(id)).toMatchObject({ accountId: customer.accountId, requestedById: customer.id, agentId: agent.id, language: "de", specialty: "Sales", status: "pending" });
    expect(await listAgentRequestsForAccount(customer.accountId!)).toEqual([expect.objectContaining({ id, status: "pending", requestedAgentName: "Clara", language: "de" })]);
    expect(await listAgentRequestsForAccount(other.accountId!)).toEqual([]);
    const [audit] = await db().select({ action: auditLog.action, actorId: auditLog.actorId }).from(auditLog).where(sql`${auditLog.metadata}->>'requestId' = ${id}`);
    expect(audit).toEqual({ action: "user.agent_requested", actorId: customer.id });
    expect(await notificationsOf(staff.id)).toContainEqual({ type: "staff.agentRequestSubmitted", params: { account: expect.any(String), notes: "German-speaking, please." }, link: "/admin/agent-requests" });
  });

  it("allows one pending request per account, also when two are sent at once", async () => {
    const customer = await signedInUser("customer");
    const results = await Promise.all([createAgentRequest(customer, noPreferences, info), createAgentRequest(customer, noPreferences, info)]);
    expect(results.map((result) => result.status).sort()).toEqual(["ok", "pending_exists"]);
    expect(await createAgentRequest(customer, noPreferences, info)).toEqual({ status: "pending_exists" });
    // Once decided, the account may ask again.
    const staff = await signedInUser("admin");
    await declineAgentRequest(staff, { requestId: (await listAgentRequestsForAccount(customer.accountId!))[0]!.id, reason: "Not now" }, info);
    expect(await createAgentRequest(customer, noPreferences, info)).toMatchObject({ status: "ok" });
  });

  it("refuses an inactive or unknown preferred agent, and staff", async () => {
    const customer = await signedInUser("customer");
    const retired = await testAgent({ active: false });
    expect(await createAgentRequest(customer, { ...noPreferences, agentId: retired.id }, info)).toEqual({ status: "agent_unavailable" });
    expect(await createAgentRequest(customer, { ...noPreferences, agentId: "00000000-0000-4000-8000-000000000000" }, info)).toEqual({ status: "agent_unavailable" });
    expect(await listAgentRequestsForAccount(customer.accountId!)).toEqual([]);
    await expectRefusal(createAgentRequest(await signedInUser("admin"), noPreferences, info), "forbidden");
  });
});

describe("staff deciding an agent request", () => {
  it("approving creates the assignment with the request, audits it and tells every member of the account", async () => {
    const staff = await signedInUser("admin");
    const customer = await signedInUser("customer");
    const agent = await testAgent({ name: "Dora" });
    const id = await requested(customer, { agentId: agent.id });
    const result = await approveAgentRequest(staff, { requestId: id, agentId: agent.id, role: "backup", startsOn: "2026-02-01" }, info);
    if (result.status !== "ok") throw new Error(result.status);

    expect(await requestRow(id)).toMatchObject({ status: "approved", assignmentId: result.assignmentId, decidedById: staff.id, decidedAt: expect.any(Date) });
    const [assignment] = await db().select().from(agentAssignments).where(eq(agentAssignments.id, result.assignmentId));
    expect(assignment).toMatchObject({ accountId: customer.accountId, agentId: agent.id, role: "backup", startsOn: "2026-02-01", endsOn: null, createdById: staff.id });
    expect(await listAgentRequestsForAccount(customer.accountId!)).toEqual([expect.objectContaining({ status: "approved", assignedAgentName: "Dora", assignedRole: "backup" })]);
    expect(await notificationsOf(customer.id)).toEqual([{ type: "agentRequest.approved", params: { agent: "Dora", role: "backup" }, link: "/dashboard/agents" }]);
    const audit = await db().select({ action: auditLog.action }).from(auditLog).where(sql`${auditLog.metadata}->>'requestId' = ${id}`);
    expect(audit.map((entry) => entry.action).sort()).toEqual(["admin.agent_request_approved", "user.agent_requested"]);
  });

  it("approving a change ends the replaced assignment the day before the new one starts; only a current assignment of the account can be replaced", async () => {
    const staff = await signedInUser("admin");
    const customer = await signedInUser("customer");
    const other = await signedInUser("customer");
    const [leaving, arriving] = await Promise.all([testAgent({ name: "Leaving" }), testAgent({ name: "Arriving" })]);
    const current = await testAssignment(customer.accountId!, leaving.id, { startsOn: "2026-01-01" });
    const ended = await testAssignment(customer.accountId!, arriving.id, { startsOn: "2025-01-01", endsOn: "2025-06-30", role: "backup" });
    const foreign = await testAssignment(other.accountId!, leaving.id);
    for (const replacesAssignmentId of [ended.id, foreign.id]) {
      expect(await createAgentRequest(customer, { ...noPreferences, replacesAssignmentId }, info)).toEqual({ status: "assignment_unavailable" });
    }

    const id = await requested(customer, { replacesAssignmentId: current.id, agentId: arriving.id });
    expect(await listAgentRequestsForAccount(customer.accountId!)).toEqual([expect.objectContaining({ status: "pending", replacesAgentName: "Leaving" })]);
    const result = await approveAgentRequest(staff, { requestId: id, agentId: arriving.id, role: "primary", startsOn: "2026-12-01" }, info);
    expect(result.status).toBe("ok");
    const [replaced] = await db().select().from(agentAssignments).where(eq(agentAssignments.id, current.id));
    expect(replaced!.endsOn).toBe("2026-11-30");
  });

  it("the staff queue tells whether the account has a primary agent today and which role a change replaces", async () => {
    const [withPrimary, without] = await Promise.all([signedInUser("customer"), signedInUser("customer")]);
    const agent = await testAgent();
    const primary = await testAssignment(withPrimary.accountId!, agent.id, { startsOn: "2026-01-01" });
    await testAssignment(without.accountId!, agent.id, { startsOn: "2025-01-01", endsOn: "2025-12-31" });
    const change = await requested(withPrimary, { replacesAssignmentId: primary.id });
    const first = await requested(without);
    const { rows } = await adminListAgentRequests({ page: 1, pageSize: 100, today: "2026-11-26" });
    expect(rows.find((row) => row.id === change)).toMatchObject({ accountHasPrimary: true, replacedRole: "primary" });
    expect(rows.find((row) => row.id === first)).toMatchObject({ accountHasPrimary: false, replacedRole: null });
  });

  it("declining needs a reason, tells the customer, and a decided request is never decided again", async () => {
    const staff = await signedInUser("admin");
    const customer = await signedInUser("customer");
    const agent = await testAgent();
    const id = await requested(customer);
    await expectRefusal(declineAgentRequest(staff, { requestId: id, reason: "   " }, info), "bad_request");
    expect(declineAgentRequestSchema.safeParse({ requestId: id, reason: " " }).success).toBe(false);
    expect(await declineAgentRequest(staff, { requestId: id, reason: "No agent speaks Klingon." }, info)).toEqual({ status: "ok" });
    expect(await requestRow(id)).toMatchObject({ status: "declined", declineReason: "No agent speaks Klingon.", assignmentId: null });
    expect(await notificationsOf(customer.id)).toEqual([{ type: "agentRequest.declined", params: { reason: "No agent speaks Klingon." }, link: "/dashboard/agents" }]);

    expect(await declineAgentRequest(staff, { requestId: id, reason: "Again" }, info)).toEqual({ status: "already_decided" });
    expect(await approveAgentRequest(staff, { requestId: id, agentId: agent.id, role: "primary", startsOn: "2026-01-01" }, info)).toEqual({ status: "already_decided" });
    expect(await db().select().from(agentAssignments).where(eq(agentAssignments.accountId, customer.accountId!))).toEqual([]);
  });

  it("of an approval and a decline at once, exactly one wins", async () => {
    const [first, second] = [await signedInUser("admin"), await signedInUser("admin")];
    const customer = await signedInUser("customer");
    const agent = await testAgent();
    const id = await requested(customer);
    const results = await Promise.all([
      approveAgentRequest(first, { requestId: id, agentId: agent.id, role: "primary", startsOn: "2026-01-01" }, info),
      declineAgentRequest(second, { requestId: id, reason: "Race" }, info),
    ]);
    expect(results.filter((result) => result.status === "ok")).toHaveLength(1);
    expect(results.filter((result) => result.status === "already_decided")).toHaveLength(1);
    const assignments = await db().select().from(agentAssignments).where(eq(agentAssignments.accountId, customer.accountId!));
    expect(assignments).toHaveLength((await requestRow(id)).status === "approved" ? 1 : 0);
    expect(await notificationsOf(customer.id)).toHaveLength(1);
  });

  it("refuses an inactive agent and one already serving the account, leaving the request pending", async () => {
    const staff = await signedInUser("admin");
    const customer = await signedInUser("customer");
    const [retired, serving] = [await testAgent({ active: false }), await testAgent()];
    await testAssignment(customer.accountId!, serving.id, { startsOn: "2026-01-01" });
    const id = await requested(customer);
    expect(await approveAgentRequest(staff, { requestId: id, agentId: retired.id, role: "primary", startsOn: "2026-03-01" }, info)).toEqual({ status: "agent_unavailable" });
    expect(await approveAgentRequest(staff, { requestId: id, agentId: serving.id, role: "primary", startsOn: "2026-03-01" }, info)).toEqual({ status: "already_assigned" });
    expect((await requestRow(id)).status).toBe("pending");
  });

  it("refuses customers (also with another account's request id) and staff without two-factor sign-in", async () => {
    const customer = await signedInUser("customer");
    const intruder = await signedInUser("customer");
    const agent = await testAgent();
    const id = await requested(customer);
    const approval = { requestId: id, agentId: agent.id, role: "primary" as const, startsOn: "2026-01-01" };
    await expectRefusal(approveAgentRequest(intruder, approval, info), "forbidden");
    await expectRefusal(declineAgentRequest(intruder, { requestId: id, reason: "Mine now" }, info), "forbidden");
    const without = await staffWithoutTwoFactor();
    await expectRefusal(approveAgentRequest(without, approval, info), "two_factor_required");
    await expectRefusal(declineAgentRequest(without, { requestId: id, reason: "No" }, info), "two_factor_required");
    await expectRefusal(assignAgent(without, { accountId: customer.accountId!, agentId: agent.id, role: "primary", startsOn: "2026-01-01" }, info), "two_factor_required");
    await expectRefusal(createAgent(intruder, { name: "X", kind: "ai", languages: ["en"], specialties: [], bio: "", active: true }, info), "forbidden");
    await expectRefusal(createAgent(without, { name: "X", kind: "ai", languages: ["en"], specialties: [], bio: "", active: true }, info), "two_factor_required");
    expect((await requestRow(id)).status).toBe("pending");
    await expectRefusal(approveAgentRequest(await signedInUser("admin"), { ...approval, requestId: "00000000-0000-4000-8000-000000000000" }, info), "not_found");
  });
});

describe("staff assigning agents on the customer's page", () => {
  it("assigns, refuses a second overlapping assignment, ends it today and audits both", async () => {
    const staff = await signedInUser("admin");
    const customer = await signedInUser("customer");
    const agent = await testAgent({ name: "Eve" });
    const today = todayIn(staff.timeZone);
    const assigned = await assignAgent(staff, { accountId: customer.accountId!, agentId: agent.id, role: "primary", startsOn: "2026-01-01" }, info);
    if (assigned.status !== "ok") throw new Error(assigned.status);
    expect(await assignAgent(staff, { accountId: customer.accountId!, agentId: agent.id, role: "backup", startsOn: today }, info)).toEqual({ status: "already_assigned" });

    expect(await endAssignment(staff, { assignmentId: assigned.assignmentId }, info)).toEqual({ status: "ok" });
    expect(await endAssignment(staff, { assignmentId: assigned.assignmentId }, info)).toEqual({ status: "already_ended" });
    expect(await adminListAssignmentsOfAccount(customer.accountId!, today)).toEqual([expect.objectContaining({ agentName: "Eve", startsOn: "2026-01-01", endsOn: today })]);
    const actions = await db().select({ action: auditLog.action }).from(auditLog).where(sql`${auditLog.metadata}->>'assignmentId' = ${assigned.assignmentId}`);
    expect(actions.map((entry) => entry.action).sort()).toEqual(["admin.agent_assigned", "admin.agent_assignment_ended"]);
    expect((await adminListAgents(today)).find((row) => row.id === agent.id)?.accounts).toBe(1);

    const later = await assignAgent(staff, { accountId: customer.accountId!, agentId: agent.id, role: "backup", startsOn: "2099-01-01" }, info);
    if (later.status !== "ok") throw new Error(later.status);
    expect(await endAssignment(staff, { assignmentId: later.assignmentId }, info)).toEqual({ status: "not_started" });
    await expectRefusal(assignAgent(staff, { accountId: "00000000-0000-4000-8000-000000000000", agentId: agent.id, role: "primary", startsOn: today }, info), "not_found");
  });
});

describe("staff keeping agents", () => {
  it("creates and updates an agent, audited", async () => {
    const staff = await signedInUser("admin");
    const { id } = await createAgent(staff, { name: "Finn", kind: "ai", languages: ["en", "de"], specialties: ["Billing"], bio: "Night shift.", active: true }, info);
    await updateAgent(staff, { agentId: id, name: "Finn AI", kind: "ai", languages: ["de"], specialties: [], bio: "", active: false }, info);
    const [row] = await db().select().from(agents).where(eq(agents.id, id));
    expect(row).toMatchObject({ name: "Finn AI", languages: ["de"], specialties: [], active: false });
    const actions = await db().select({ action: auditLog.action }).from(auditLog).where(sql`${auditLog.metadata}->>'agentId' = ${id}`);
    expect(actions.map((entry) => entry.action).sort()).toEqual(["admin.agent_created", "admin.agent_updated"]);
    await expectRefusal(updateAgent(staff, { agentId: "00000000-0000-4000-8000-000000000000", name: "X", kind: "ai", languages: ["en"], specialties: [], bio: "", active: true }, info), "not_found");
  });

  it("an avatar is checked by content, re-encoded, shown to every signed-in user, and removable", async () => {
    const staff = await signedInUser("admin");
    const customer = await signedInUser("customer");
    const agent = await testAgent();
    const png = await sharp({ create: { width: 400, height: 200, channels: 3, background: "#3366cc" } }).png().toBuffer();
    const disguised = Buffer.concat([Buffer.from("%PDF-1.4\n"), png]);
    expect(await changeAgentAvatar(staff, agent.id, disguised, info)).toEqual({ status: "unsupported_type" });
    await expectRefusal(changeAgentAvatar(customer, agent.id, png, info), "forbidden");

    const result = await changeAgentAvatar(staff, agent.id, png, info);
    if (result.status !== "ok") throw new Error(result.status);
    const [file] = await db().select({ purpose: storedFiles.purpose, contentType: storedFiles.contentType }).from(storedFiles).where(eq(storedFiles.id, result.fileId));
    expect(file).toEqual({ purpose: "agent_avatar", contentType: "image/webp" });
    expect(await getFileForDownload(customer, result.fileId)).toMatchObject({ inline: true });

    expect(await removeAgentAvatar(staff, agent.id, info)).toEqual({ status: "ok" });
    await expectRefusal(getFileForDownload(customer, result.fileId), "not_found");
    expect(await removeAgentAvatar(staff, agent.id, info)).toEqual({ status: "unchanged" });
  });

  it("a call recording is served by the file route only to staff and the account's members", async () => {
    const staff = await signedInUser("admin");
    const member = await signedInUser("customer");
    const stranger = await signedInUser("customer");
    const [file] = await db()
      .insert(storedFiles)
      .values({ storageKey: `test-${crypto.randomUUID()}`, purpose: "call_recording", contentType: "audio/wav", sizeBytes: 10, fileName: "call.wav", accountId: member.accountId })
      .returning({ id: storedFiles.id });
    expect(await getFileForDownload(member, file!.id)).toMatchObject({ inline: false });
    expect(await getFileForDownload(staff, file!.id)).toMatchObject({ inline: false });
    await expectRefusal(getFileForDownload(stranger, file!.id), "not_found");
    await expectRefusal(getFileForDownload(await staffWithoutTwoFactor(), file!.id), "not_found");
  });
});

describe("validation of the forms", () => {
  it("the request form takes empty preferences as none and refuses unknown languages and long texts", () => {
    expect(agentRequestSchema.parse({ agentId: "", language: "", specialty: " ", notes: "" })).toEqual(noPreferences);
    expect(agentRequestSchema.safeParse({ language: "xx" }).success).toBe(false);
    expect(agentRequestSchema.safeParse({ agentId: "not-a-uuid" }).success).toBe(false);
    expect(agentRequestSchema.safeParse({ notes: "x".repeat(2001) }).success).toBe(false);
    expect(agentRequestSchema.safeParse({ specialty: "x".repeat(41) }).success).toBe(false);
  });

  it("the agent form needs a name and a language, splits specialties and reads the checkbox", () => {
    expect(agentSchema.parse({ name: " Gus ", kind: "human", languages: ["de", "en", "de"], specialties: "Sales, , Support,Sales", bio: "", active: "on" })).toEqual({
      name: "Gus",
      kind: "human",
      languages: ["de", "en"],
      specialties: ["Sales", "Support"],
      bio: "",
      active: true,
    });
    expect(agentSchema.parse({ name: "Gus", kind: "ai", languages: "en" })).toMatchObject({ languages: ["en"], specialties: [], active: false });
    const refused = agentSchema.safeParse({ name: " ", kind: "robot", specialties: Array.from({ length: 11 }, (_, i) => `t${i}`).join(",") });
    expect(refused.success).toBe(false);
    expect(new Set(refused.error?.issues.map((issue) => issue.path[0]))).toEqual(new Set(["name", "kind", "languages", "specialties"]));
  });

  it("approval and assignment need an agent, a role and a real start date", () => {
    const base = { requestId: crypto.randomUUID(), agentId: crypto.randomUUID(), role: "primary", startsOn: "2026-02-01" };
    expect(approveAgentRequestSchema.safeParse(base).success).toBe(true);
    expect(approveAgentRequestSchema.safeParse({ ...base, agentId: "" }).success).toBe(false);
    expect(approveAgentRequestSchema.safeParse({ ...base, role: "boss" }).success).toBe(false);
    expect(approveAgentRequestSchema.safeParse({ ...base, startsOn: "2026-02-30" }).success).toBe(false);
    expect(assignAgentSchema.safeParse({ accountId: crypto.randomUUID(), agentId: crypto.randomUUID(), role: "backup", startsOn: "" }).success).toBe(false);
  });
});
