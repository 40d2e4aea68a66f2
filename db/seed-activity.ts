import { and, eq, inArray, isNotNull, ne } from "drizzle-orm";
import type { Database } from "@/db";
import { insertActivity, type ActivityEntry } from "@/db/queries/activity";
import {
  activityEvents,
  agentAssignments,
  agentRequests,
  agents,
  auditLog,
  customerAccountMembers,
  invoices,
  messages,
  messageThreads,
  payments,
  plans,
  projectDeliverables,
  projectMilestones,
  projects,
  projectUpdates,
  subscriptions,
} from "@/db/schema";
import { activityTypes, type ActivityType } from "@/lib/activity/types";
import { describeUserAgent } from "@/lib/user-agent";

const entry = (accountId: string, type: ActivityType, occurredAt: Date, rest: Omit<ActivityEntry, "accountId" | "area" | "type" | "occurredAt">): ActivityEntry => ({
  accountId,
  area: activityTypes[type].area,
  type,
  occurredAt,
  ...rest,
});

// An agent assignment runs from a calendar day; on the timeline it shows in that day's morning.
const morningOf = (day: string) => new Date(`${day}T08:00:00Z`);

/**
 * The timeline of an account whose demo data was written directly (not through the services that
 * record activity as it happens): one entry per project change, message, invoice, payment failure,
 * subscription start, agent change and sign-in, at the times the rows carry. Calls record their own
 * (insertCalls). Safe to run twice: an account with entries other than calls is left alone.
 */
export async function seedAccountActivity(accountId: string, db: Database): Promise<void> {
  const [existing] = await db.select({ id: activityEvents.id }).from(activityEvents).where(and(eq(activityEvents.accountId, accountId), ne(activityEvents.area, "calls"))).limit(1);
  if (existing) return;
  const entries: ActivityEntry[] = [];
  const now = new Date();

  const accountProjects = await db.select({ id: projects.id, name: projects.name, status: projects.status, updatedAt: projects.updatedAt }).from(projects).where(eq(projects.accountId, accountId));
  const projectIds = accountProjects.map((project) => project.id);
  const projectById = new Map(accountProjects.map((project) => [project.id, project]));
  const projectLink = (projectId: string) => `/dashboard/projects/${projectId}`;
  for (const project of accountProjects) {
    if (project.status !== "planned") entries.push(entry(accountId, "project.statusChanged", project.updatedAt, { params: { project: project.name, status: project.status }, link: projectLink(project.id) }));
  }
  if (projectIds.length > 0) {
    for (const update of await db.select({ projectId: projectUpdates.projectId, createdAt: projectUpdates.createdAt }).from(projectUpdates).where(inArray(projectUpdates.projectId, projectIds))) {
      entries.push(entry(accountId, "project.updatePosted", update.createdAt, { params: { project: projectById.get(update.projectId)!.name }, link: projectLink(update.projectId) }));
    }
    const reached = await db
      .select({ projectId: projectMilestones.projectId, title: projectMilestones.title, completedAt: projectMilestones.completedAt })
      .from(projectMilestones)
      .where(and(inArray(projectMilestones.projectId, projectIds), isNotNull(projectMilestones.completedAt)));
    for (const milestone of reached) {
      const project = projectById.get(milestone.projectId)!;
      entries.push(entry(accountId, "project.milestoneReached", milestone.completedAt!, { params: { project: project.name, milestone: milestone.title }, link: projectLink(project.id) }));
    }
    const documents = await db
      .select({ projectId: projectDeliverables.projectId, title: projectDeliverables.title, createdAt: projectDeliverables.createdAt })
      .from(projectDeliverables)
      .where(inArray(projectDeliverables.projectId, projectIds));
    for (const document of documents) {
      const project = projectById.get(document.projectId)!;
      entries.push(entry(accountId, "project.deliverableAdded", document.createdAt, { params: { project: project.name, title: document.title }, link: projectLink(project.id) }));
    }
  }

  const threadMessages = await db
    .select({ threadId: messages.threadId, subject: messageThreads.subject, fromStaff: messages.fromStaff, authorId: messages.authorId, createdAt: messages.createdAt })
    .from(messages)
    .innerJoin(messageThreads, eq(messageThreads.id, messages.threadId))
    .where(eq(messageThreads.accountId, accountId));
  for (const message of threadMessages) {
    const link = `/dashboard/messages/${message.threadId}`;
    entries.push(
      message.fromStaff
        ? entry(accountId, "message.received", message.createdAt, { params: { subject: message.subject }, link })
        : entry(accountId, "message.sent", message.createdAt, { params: { subject: message.subject }, link, actorId: message.authorId }),
    );
  }

  const accountInvoices = await db
    .select({ id: invoices.id, number: invoices.number, total: invoices.total, currency: invoices.currency, sentAt: invoices.sentAt, paidAt: invoices.paidAt })
    .from(invoices)
    .where(and(eq(invoices.accountId, accountId), isNotNull(invoices.sentAt)));
  for (const invoice of accountInvoices) {
    const params = { number: invoice.number, amount: invoice.total, currency: invoice.currency };
    const link = `/dashboard/invoices/${invoice.id}`;
    entries.push(entry(accountId, "invoice.issued", invoice.sentAt!, { params, link }));
    if (invoice.paidAt) entries.push(entry(accountId, "invoice.paid", invoice.paidAt, { params, link }));
  }
  const failed = await db
    .select({ invoiceId: payments.invoiceId, number: invoices.number, amount: payments.amount, currency: payments.currency, occurredAt: payments.occurredAt })
    .from(payments)
    .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
    .where(and(eq(payments.accountId, accountId), eq(payments.status, "failed")));
  for (const payment of failed) {
    entries.push(entry(accountId, "payment.failed", payment.occurredAt, { params: { number: payment.number, amount: payment.amount, currency: payment.currency }, link: `/dashboard/invoices/${payment.invoiceId}` }));
  }
  const subscription = await db
    .select({ plan: plans.name, start: subscriptions.currentPeriodStart })
    .from(subscriptions)
    .innerJoin(plans, eq(plans.id, subscriptions.planId))
    .where(eq(subscriptions.accountId, accountId));
  for (const row of subscription) entries.push(entry(accountId, "subscription.changed", row.start, { params: { plan: row.plan, change: "started" }, link: "/dashboard/billing" }));

  const assignments = await db
    .select({ agent: agents.name, startsOn: agentAssignments.startsOn, endsOn: agentAssignments.endsOn })
    .from(agentAssignments)
    .innerJoin(agents, eq(agents.id, agentAssignments.agentId))
    .where(eq(agentAssignments.accountId, accountId));
  for (const assignment of assignments) {
    entries.push(entry(accountId, "agent.assigned", morningOf(assignment.startsOn), { params: { agent: assignment.agent }, link: "/dashboard/agents" }));
    if (assignment.endsOn) entries.push(entry(accountId, "agent.assignmentEnded", morningOf(assignment.endsOn), { params: { agent: assignment.agent }, link: "/dashboard/agents" }));
  }
  const decided = await db
    .select({ status: agentRequests.status, replaces: agentRequests.replacesAssignmentId, agent: agents.name, decidedAt: agentRequests.decidedAt })
    .from(agentRequests)
    .leftJoin(agents, eq(agents.id, agentRequests.agentId))
    .where(and(eq(agentRequests.accountId, accountId), isNotNull(agentRequests.decidedAt)));
  for (const request of decided) {
    const kind = request.replaces ? "change" : "additional";
    if (request.status === "approved") entries.push(entry(accountId, "agentRequest.approved", request.decidedAt!, { params: { kind, agent: request.agent ?? "" }, link: "/dashboard/agents" }));
    if (request.status === "declined") entries.push(entry(accountId, "agentRequest.declined", request.decidedAt!, { params: { kind }, link: "/dashboard/agents" }));
  }

  const signIns = await db
    .select({ userId: customerAccountMembers.userId, userAgent: auditLog.userAgent, createdAt: auditLog.createdAt })
    .from(auditLog)
    .innerJoin(customerAccountMembers, eq(customerAccountMembers.userId, auditLog.actorId))
    .where(and(eq(customerAccountMembers.accountId, accountId), eq(auditLog.action, "auth.sign_in")));
  for (const signIn of signIns) {
    const { browser, os } = describeUserAgent(signIn.userAgent);
    entries.push(
      entry(accountId, "security.signedIn", signIn.createdAt, {
        params: { device: [browser, os].filter(Boolean).join(" · ") || "—" },
        link: "/dashboard/security",
        actorId: signIn.userId,
        onlyForUserId: signIn.userId,
      }),
    );
  }

  await insertActivity(entries.filter((row) => row.occurredAt! <= now), db);
}
