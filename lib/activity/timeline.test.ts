import fs from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as stripeWebhook } from "@/app/api/stripe/webhook/route";
import { getAccountMembership } from "@/db/queries/accounts";
import { listActivity } from "@/db/queries/activity";
import { createAuthSession, getActiveSessionUser, type SessionUser } from "@/db/queries/sessions";
import { replaceAuthToken } from "@/db/queries/tokens";
import { createUser } from "@/db/queries/users";
import { activityEvents, customerAccountMembers, projects } from "@/db/schema";
import { setupTestDatabase, signedInUser, uniqueEmail, uniqueIp } from "@/db/testing";
import { testPlan, withStripeCustomer } from "@/db/testing/billing";
import { testAgent, testCalls } from "@/db/testing/calls";
import { createApiToken, staffRevokeApiToken } from "@/lib/api/tokens";
import { approveAgentRequest, assignAgent, createAgentRequest, declineAgentRequest, endAssignment } from "@/lib/agents/service";
import { authenticate, resetPassword } from "@/lib/auth/service";
import { createInvoice, recordOfflinePayment, sendInvoice } from "@/lib/billing/invoices";
import { demoEvent, subscriptionObject } from "@/lib/billing/demo-events";
import { signStripePayload } from "@/lib/billing/webhook";
import { runQueuedJobs } from "@/lib/jobs/testing";
import { adminReplyToThread, startThread } from "@/lib/messages/service";
import { hashPassword } from "@/lib/passwords";
import { confirmEmailChange } from "@/lib/profile/service";
import { addDeliverable, changeProjectStatus, createMilestone, createProject, postProjectUpdate, setMilestoneDone } from "@/lib/projects/service";
import { todayIn } from "@/lib/projects/dates";
import { adminRevokeUserSessions, revokeOwnSessions } from "@/lib/sessions/service";
import { setStorage } from "@/lib/storage";
import { localDiskStorage } from "@/lib/storage/local";
import { generateToken, hashToken } from "@/lib/tokens";
import { confirmTwoFactorEnrolment, disableTwoFactor, getPendingEnrolment, startTwoFactorEnrolment } from "@/lib/two-factor/service";
import { currentTotp } from "@/lib/two-factor/totp";
import { receiveUpload } from "@/lib/uploads/service";
import { activityTypes } from "./types";

const db = setupTestDatabase();
let storageRoot: string;
beforeAll(async () => {
  storageRoot = await mkdtemp(path.join(os.tmpdir(), "clientdesk-activity-"));
  setStorage(localDiskStorage(storageRoot));
});
afterAll(async () => {
  await runQueuedJobs();
  await rm(storageRoot, { recursive: true, force: true });
});

const info = () => ({ ip: uniqueIp(), userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15" });
const password = "correct horse battery";
const appDir = path.resolve(import.meta.dirname, "../../app");

/** Whether a path is served by a page of the app (static segments, route groups and [param] folders; not catch-alls). */
function isPagePath(link: string): boolean {
  const walk = (dir: string, segments: string[]): boolean => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory());
    if (segments.length === 0) {
      return fs.existsSync(path.join(dir, "page.tsx")) || entries.some((entry) => entry.name.startsWith("(") && walk(path.join(dir, entry.name), segments));
    }
    const [head, ...rest] = segments;
    return entries.some((entry) => {
      if (entry.name.startsWith("(")) return walk(path.join(dir, entry.name), segments);
      if (entry.name === head) return walk(path.join(dir, entry.name), rest);
      return /^\[[^.]+\]$/.test(entry.name) && walk(path.join(dir, entry.name), rest);
    });
  };
  return link.startsWith("/") && walk(appDir, link.slice(1).split("/"));
}

/** A customer with a password, signed in through the sign-in service. */
async function customerSignedIn(label: string): Promise<SessionUser & { email: string }> {
  const email = uniqueEmail(label);
  await createUser({ email, name: `Cleo ${label}`, passwordHash: await hashPassword(password), emailVerifiedAt: new Date(), locale: "en" });
  const result = await authenticate({ email, password }, info());
  if (result.status !== "ok") throw new Error(result.status);
  return { ...(await getActiveSessionUser(result.sessionId))!, email };
}

function deliver(event: object) {
  const payload = JSON.stringify(event);
  return stripeWebhook(new Request("http://localhost/api/stripe/webhook", { method: "POST", headers: { "content-type": "application/json", "stripe-signature": signStripePayload(payload) }, body: payload }));
}

async function timelineOf(accountId: string) {
  return db()
    .select({ type: activityEvents.type, params: activityEvents.params, link: activityEvents.link, actorId: activityEvents.actorId, onlyForUserId: activityEvents.onlyForUserId })
    .from(activityEvents)
    .where(eq(activityEvents.accountId, accountId))
    .orderBy(asc(activityEvents.occurredAt), asc(activityEvents.id));
}

describe("the activity timeline", () => {
  it("records every kind of event once, in order, with a link to a real page, as the services make the changes", async () => {
    const staff = await signedInUser("admin");
    const customer = await customerSignedIn("timeline");
    const accountId = customer.accountId!;
    const today = todayIn(staff.timeZone);

    const project = await createProject(staff, { accountId, name: "Website relaunch", description: "", status: "planned", startDate: null, dueDate: null }, info());
    await changeProjectStatus(staff, { projectId: project.id, status: "in_progress" }, info());
    await postProjectUpdate(staff, { projectId: project.id, body: "Design approved." }, info());
    const milestone = await createMilestone(staff, { projectId: project.id, title: "Launch", dueDate: "2026-12-01" }, info());
    await setMilestoneDone(staff, { milestoneId: milestone.id, done: true }, info());
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    const upload = await receiveUpload(staff, { purpose: "deliverable", fileName: "handover.pdf", body: pdf, declaredBytes: pdf.byteLength });
    if (upload.status !== "ok") throw new Error(upload.status);
    await addDeliverable(staff, { projectId: project.id, title: "Handover notes", fileId: upload.file.id }, info());

    const thread = await startThread(customer, { subject: "Photos", body: "Here they are.", projectId: null, attachmentIds: [] });
    if (thread.status !== "ok") throw new Error(thread.status);
    await adminReplyToThread({ ...staff, name: staff.name }, { threadId: thread.threadId, body: "Thanks!", attachmentIds: [] }, info());

    const invoice = await createInvoice(
      staff,
      { accountId, projectId: null, currency: "usd", taxRate: 0, issueDate: today, dueDate: today, notes: "", items: [{ description: "Design", quantity: 1, unitAmount: 12_500 }] },
      info(),
    );
    await sendInvoice(staff, { invoiceId: invoice.id }, info());
    const customerId = await withStripeCustomer(accountId);
    const failed = demoEvent("payment_intent.payment_failed", {
      id: `pi_declined_${invoice.id}`,
      object: "payment_intent",
      amount: 12_500,
      currency: "usd",
      customer: customerId,
      last_payment_error: { code: "card_declined", message: "Your card was declined." },
      metadata: { accountId, invoiceId: invoice.id },
    });
    expect((await deliver(failed)).status).toBe(200);
    expect((await recordOfflinePayment(staff, { invoiceId: invoice.id, currency: "usd", amount: 12_500, method: "bank_transfer", paidOn: today, note: "" }, info())).status).toBe("paid");
    const plan = await testPlan({ name: "Starter" });
    const subscription = {
      id: `sub_${accountId.replace(/-/g, "")}`,
      customerId,
      accountId,
      planId: plan.id,
      priceId: plan.stripePriceId!,
      status: "active" as const,
      periodStart: new Date(Date.now() - 60_000),
      periodEnd: new Date(Date.now() + 30 * 86_400_000),
      cancelAtPeriodEnd: false,
      cancelReason: null,
      canceledAt: null,
    };
    expect((await deliver(demoEvent("customer.subscription.created", subscriptionObject(subscription)))).status).toBe(200);

    const [callId] = await testCalls(accountId, [{ startedAt: new Date(), satisfaction: 1, durationSeconds: 95 }]);

    const [mia, nova] = [await testAgent({ name: "Mia" }), await testAgent({ name: "Nova" })];
    const assigned = await assignAgent(staff, { accountId, agentId: mia.id, role: "primary", startsOn: today }, info());
    if (assigned.status !== "ok") throw new Error(assigned.status);
    await endAssignment(staff, { assignmentId: assigned.assignmentId }, info());
    const noPreferences = { agentId: null, replacesAssignmentId: null, language: null, specialty: null, notes: "" };
    const approved = await createAgentRequest(customer, noPreferences, info());
    if (approved.status !== "ok") throw new Error(approved.status);
    await approveAgentRequest(staff, { requestId: approved.id, agentId: nova.id, role: "backup", startsOn: today }, info());
    const declined = await createAgentRequest(customer, noPreferences, info());
    if (declined.status !== "ok") throw new Error(declined.status);
    await declineAgentRequest(staff, { requestId: declined.id, reason: "Fully booked." }, info());

    const newEmail = uniqueEmail("moved");
    const emailToken = generateToken();
    await replaceAuthToken({ userId: customer.id, kind: "email_change", tokenHash: hashToken(emailToken), expiresAt: new Date(Date.now() + 60_000), newEmail });
    expect(await confirmEmailChange(emailToken, info())).toEqual({ status: "ok" });
    const resetToken = generateToken();
    await replaceAuthToken({ userId: customer.id, kind: "password_reset", tokenHash: hashToken(resetToken), expiresAt: new Date(Date.now() + 60_000) });
    expect((await resetPassword({ token: resetToken, password }, info())).status).toBe("ok");
    // The reset ended every session: the member signs in again.
    const again = await authenticate({ email: newEmail, password }, info());
    if (again.status !== "ok") throw new Error(again.status);
    const member = (await getActiveSessionUser(again.sessionId))!;
    expect(await startTwoFactorEnrolment(member, { password })).toEqual({ status: "ok" });
    const { secret } = (await getPendingEnrolment(member))!;
    expect((await confirmTwoFactorEnrolment(member, currentTotp(secret), info())).status).toBe("ok");
    expect((await disableTwoFactor(member, { password, code: currentTotp(secret, new Date(Date.now() + 30_000)) }, info())).status).toBe("ok");
    await createAuthSession({ userId: customer.id, ip: null, userAgent: null });
    expect(await revokeOwnSessions(member, { scope: "others" }, info())).toEqual({ status: "ok", count: 1 });
    expect((await adminRevokeUserSessions(staff, { userId: customer.id, target: { scope: "all" } }, info())).status).toBe("ok");
    const apiToken = await createApiToken(member, { name: "CRM sync", scopes: ["calls:read"], expiresInDays: null, currentPassword: password }, info());
    if (apiToken.status !== "ok") throw new Error(apiToken.status);
    expect(await staffRevokeApiToken(staff, { userId: customer.id, tokenId: apiToken.row.id }, info())).toEqual({ status: "ok" });

    const timeline = await timelineOf(accountId);
    const projectPage = `/dashboard/projects/${project.id}`;
    const threadPage = `/dashboard/messages/${thread.threadId}`;
    const invoicePage = `/dashboard/invoices/${invoice.id}`;
    const own = { actorId: customer.id, onlyForUserId: customer.id, link: "/dashboard/security" };
    const byStaff = { actorId: null, onlyForUserId: customer.id, link: "/dashboard/security" };
    const shared = { actorId: null, onlyForUserId: null };
    expect(timeline).toEqual([
      { type: "security.signedIn", params: { device: "Safari · macOS" }, ...own },
      { type: "project.statusChanged", params: { project: "Website relaunch", status: "in_progress" }, link: projectPage, ...shared },
      { type: "project.updatePosted", params: { project: "Website relaunch" }, link: projectPage, ...shared },
      { type: "project.milestoneReached", params: { project: "Website relaunch", milestone: "Launch" }, link: projectPage, ...shared },
      { type: "project.deliverableAdded", params: { project: "Website relaunch", title: "Handover notes" }, link: projectPage, ...shared },
      { type: "message.sent", params: { subject: "Photos" }, link: threadPage, actorId: customer.id, onlyForUserId: null },
      { type: "message.received", params: { subject: "Photos" }, link: threadPage, ...shared },
      { type: "invoice.issued", params: { number: invoice.number, amount: 12_500, currency: "usd" }, link: invoicePage, ...shared },
      { type: "payment.failed", params: { number: invoice.number, amount: 12_500, currency: "usd" }, link: invoicePage, ...shared },
      { type: "invoice.paid", params: { number: invoice.number, amount: 12_500, currency: "usd" }, link: invoicePage, ...shared },
      { type: "subscription.changed", params: { plan: "Starter", change: "started" }, link: "/dashboard/billing", ...shared },
      {
        type: "call.completed",
        params: { direction: "inbound", status: "completed", number: "+15550100", duration: 95, low: true, satisfaction: 1 },
        link: `/dashboard/calls/${callId}`,
        ...shared,
      },
      { type: "agent.assigned", params: { agent: "Mia" }, link: "/dashboard/agents", ...shared },
      { type: "agent.assignmentEnded", params: { agent: "Mia" }, link: "/dashboard/agents", ...shared },
      { type: "agent.assigned", params: { agent: "Nova" }, link: "/dashboard/agents", ...shared },
      { type: "agentRequest.approved", params: { kind: "additional", agent: "Nova" }, link: "/dashboard/agents", ...shared },
      { type: "agentRequest.declined", params: { kind: "additional" }, link: "/dashboard/agents", ...shared },
      { type: "security.emailChanged", params: { email: newEmail }, ...own },
      { type: "security.passwordReset", params: {}, ...own },
      { type: "security.signedIn", params: { device: "Safari · macOS" }, ...own },
      { type: "security.twoFactorEnabled", params: {}, ...own },
      { type: "security.twoFactorDisabled", params: { byStaff: false }, ...own },
      { type: "security.sessionsRevoked", params: { count: 1, byStaff: false }, ...own },
      { type: "security.sessionsRevoked", params: { count: 1, byStaff: true }, ...byStaff },
      { type: "security.apiTokenCreated", params: { name: "CRM sync" }, ...own },
      { type: "security.apiTokenRevoked", params: { name: "CRM sync", byStaff: true }, ...byStaff },
    ]);
    // Every type but the password change (recorded by the password-change service) is covered, and every link is a page.
    const covered = new Set(timeline.map((entry) => entry.type));
    expect(Object.keys(activityTypes).filter((type) => !covered.has(type))).toEqual(["security.passwordChanged"]);
    for (const entry of timeline) expect({ link: entry.link, page: isPagePath(entry.link!) }).toEqual({ link: entry.link, page: true });
  });

  it("records nothing when the change's transaction fails, and the change is undone when the entry cannot be written", async () => {
    const [staff, customer] = await Promise.all([signedInUser("admin"), signedInUser("customer")]);
    const accountId = customer.accountId!;
    const project = await createProject(staff, { accountId, name: "Rolled back", description: "", status: "planned", startDate: null, dueDate: null }, info());
    await expect(
      db().transaction(async (tx) => {
        await changeProjectStatus(staff, { projectId: project.id, status: "in_progress" }, info(), tx);
        throw new Error("the caller's work failed");
      }),
    ).rejects.toThrow("the caller's work failed");
    expect(await timelineOf(accountId)).toEqual([]);

    // A timeline that refuses this one entry takes the status change down with it.
    const marker = `Refused ${project.id}`;
    await db().update(projects).set({ name: marker }).where(eq(projects.id, project.id));
    const trigger = `activity_refuse_${project.id.slice(0, 8)}`;
    await db().execute(
      sql.raw(
        `create function ${trigger}() returns trigger language plpgsql as $$ begin if new.params->>'project' = '${marker}' then raise exception 'refused'; end if; return new; end $$`,
      ),
    );
    await db().execute(sql.raw(`create trigger ${trigger} before insert on activity_events for each row execute function ${trigger}()`));
    try {
      await expect(changeProjectStatus(staff, { projectId: project.id, status: "completed" }, info())).rejects.toThrow();
    } finally {
      await db().execute(sql.raw(`drop trigger ${trigger} on activity_events`));
      await db().execute(sql.raw(`drop function ${trigger}()`));
    }
    const [row] = await db().select({ status: projects.status }).from(projects).where(eq(projects.id, project.id));
    expect(row!.status).toBe("planned");
    expect(await timelineOf(accountId)).toEqual([]);
  });

  it("shows a member's security events to them and to staff, never to a colleague", async () => {
    const owner = await customerSignedIn("owner");
    const colleague = await signedInUser("customer", "colleague");
    const accountId = owner.accountId!;
    await db().update(customerAccountMembers).set({ accountId }).where(eq(customerAccountMembers.userId, colleague.id));
    expect((await getAccountMembership(colleague.id))?.accountId).toBe(accountId);
    await startThread(owner, { subject: "Shared news", body: "Hello", projectId: null, attachmentIds: [] });

    const types = async (viewerId: string | null) => (await listActivity(accountId, viewerId, { limit: 50 })).rows.map((row) => row.type);
    expect(await types(owner.id)).toEqual(["message.sent", "security.signedIn"]);
    expect(await types(colleague.id)).toEqual(["message.sent"]);
    expect(await types(null)).toEqual(["message.sent", "security.signedIn"]);
    // Another account's member sees nothing of it.
    const stranger = await signedInUser("customer", "stranger");
    expect((await listActivity(stranger.accountId!, stranger.id, { limit: 50 })).rows.map((row) => row.type)).toEqual([]);
  });
});
