import type { z } from "zod";
import { countUnreadNotifications } from "@/db/queries/notifications";
import { dashboardEndpoints, type dashboardSchema } from "@/lib/api/endpoints/dashboard";
import { apiRoute } from "@/lib/api/route";
import { allowsScope, type ApiCaller } from "@/lib/api/tokens";
import type { ApiScope } from "@/lib/constants";
import type { AttentionItem } from "@/lib/overview/attention";
import { getOverview, type Overview } from "@/lib/overview/service";
import { isOverdue, todayIn } from "@/lib/projects/dates";

type Dashboard = z.input<typeof dashboardSchema>;
type Part = "subscription" | "calls" | "billing" | "projects" | "messages" | "notifications";

/** The read scope each part of the overview needs besides profile:read. */
const partScopes: Record<Part, ApiScope> = {
  subscription: "subscription:read",
  calls: "calls:read",
  billing: "invoices:read",
  projects: "projects:read",
  messages: "messages:read",
  notifications: "notifications:read",
};

const attentionParts: Record<AttentionItem["kind"], Part> = {
  overdueInvoice: "billing",
  failedPayment: "billing",
  pastDue: "subscription",
  usage: "subscription",
  milestoneDue: "projects",
  unreadMessages: "messages",
};

// The page's links become ids: an API client builds its own way to the item.
function attentionItem(item: AttentionItem): Dashboard["attention"][number] {
  switch (item.kind) {
    case "overdueInvoice":
      return { kind: item.kind, invoiceId: item.invoiceId, number: item.number, count: item.count };
    case "failedPayment":
      return { kind: item.kind, invoiceId: item.invoiceId, number: item.number };
    case "pastDue":
      return { kind: item.kind };
    case "usage":
      return { kind: item.kind, percent: item.percent };
    case "milestoneDue":
      return { kind: item.kind, projectId: item.projectId, title: item.title, dueDate: item.dueDate, overdue: item.overdue };
    case "unreadMessages":
      return { kind: item.kind, count: item.count };
  }
}

function quickActions(caller: ApiCaller, overview: Overview | null, can: (part: Part) => boolean): Dashboard["quickActions"] {
  const allowed = (scope: ApiScope) => overview !== null && allowsScope(caller.scopes, scope);
  const oldest = can("billing") ? (overview?.oldestOpenInvoice ?? null) : null;
  return [
    { id: "payOldestInvoice", available: allowed("invoices:write") && oldest !== null, method: "POST", endpoint: `/api/v1/invoices/${oldest?.id ?? "{id}"}/pay` },
    { id: "messageTeam", available: allowed("messages:write"), method: "POST", endpoint: "/api/v1/messages/threads" },
    { id: "requestAgent", available: allowed("agents:write"), method: "POST", endpoint: "/api/v1/agents/requests" },
    { id: "manageSubscription", available: allowed("subscription:read"), method: "GET", endpoint: "/api/v1/subscription" },
    { id: "export", available: allowed("export:read"), method: "GET", endpoint: "/api/v1/export" },
  ];
}

export const GET = apiRoute(dashboardEndpoints.get, async ({ caller }) => {
  const { user } = caller;
  const can = (part: Part) => allowsScope(caller.scopes, partScopes[part]);
  // A customer whose account closed keeps a profile and nothing else, as on the page.
  const [overview, unreadNotifications] = await Promise.all([
    user.accountId ? getOverview({ id: user.id, accountId: user.accountId, timeZone: user.timeZone, dashboardDensity: user.dashboardDensity }) : null,
    can("notifications") ? countUnreadNotifications(user.id) : null,
  ]);
  const body: Dashboard = {
    today: overview?.today ?? todayIn(user.timeZone),
    profile: { id: user.id, name: user.name, email: user.email, accountName: overview?.accountName ?? null, timeZone: user.timeZone, locale: user.locale },
    subscription:
      overview && can("subscription") && overview.subscription && overview.usage
        ? {
            planName: overview.subscription.planName,
            status: overview.subscription.status,
            cancelAtPeriodEnd: overview.subscription.cancelAtPeriodEnd,
            currentPeriodEnd: overview.subscription.currentPeriodEnd.toISOString(),
            daysRemaining: overview.daysRemaining ?? 0,
            usage: { usedMinutes: overview.usage.minutes, includedMinutes: overview.usage.includedMinutes, percent: overview.usage.percent },
          }
        : null,
    calls:
      overview && can("calls")
        ? {
            statistics: overview.callStats,
            recent: overview.recentCalls.map((call) => ({
              id: call.id,
              startedAt: call.startedAt.toISOString(),
              direction: call.direction,
              status: call.status,
              fromNumber: call.fromNumber,
              toNumber: call.toNumber,
              durationSeconds: call.durationSeconds,
              satisfaction: call.satisfaction,
              agentName: call.agentName,
            })),
          }
        : null,
    billing:
      overview && can("billing")
        ? {
            openCount: overview.openInvoiceCount,
            overdueCount: overview.overdueInvoiceCount,
            amountsDue: overview.amountsDue.map((row) => ({
              currency: row.currency,
              openCount: row.count,
              overdueCount: row.overdueCount,
              due: { amount: row.due, currency: row.currency },
              overdue: { amount: row.overdue, currency: row.currency },
            })),
            oldestOpenInvoice: overview.oldestOpenInvoice,
          }
        : null,
    projects:
      overview && can("projects")
        ? {
            activeCount: overview.activeProjectCount,
            active: overview.projects.map((project) => ({
              id: project.id,
              name: project.name,
              status: project.status,
              dueDate: project.dueDate,
              progress: project.progress,
              tasksTotal: project.tasksTotal,
              tasksDone: project.tasksDone,
            })),
            nextMilestones: overview.milestones.map((milestone) => ({
              ...milestone,
              overdue: isOverdue({ dueDate: milestone.dueDate, completedAt: null }, overview.today),
            })),
          }
        : null,
    recentThreads:
      overview && can("messages")
        ? overview.threads.map((thread) => ({ id: thread.id, subject: thread.subject, status: thread.status, lastMessageAt: thread.lastMessageAt.toISOString(), unread: thread.unread }))
        : null,
    unread: {
      messages: can("messages") ? (overview?.unreadThreads ?? 0) : null,
      notifications: unreadNotifications,
    },
    attention: (overview?.attention ?? []).filter((item) => can(attentionParts[item.kind])).map(attentionItem),
    quickActions: quickActions(caller, overview, can),
    omitted: (Object.keys(partScopes) as Part[]).filter((part) => !can(part)),
  };
  return { body };
});
