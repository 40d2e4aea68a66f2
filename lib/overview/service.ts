import "server-only";
import { getCallStatistics, listRecentCallsForAccount } from "@/db/queries/calls";
import { listActivity } from "@/db/queries/activity";
import { listRecentThreads } from "@/db/queries/messages";
import { getOverviewSummary, saveOverviewLayout } from "@/db/queries/overview";
import { listActiveProjectSummaries, listUpcomingMilestones } from "@/db/queries/projects";
import type { Transaction } from "@/db/queries/transaction";
import type { Actor } from "@/lib/actor";
import { daysRemaining } from "@/lib/billing/period";
import { usagePercent } from "@/lib/billing/usage";
import type { DashboardDensity } from "@/lib/constants";
import { AppError } from "@/lib/errors";
import { todayIn } from "@/lib/projects/dates";
import type { OverviewLayoutInput } from "@/lib/validations/overview";
import { attentionItems } from "./attention";
import { densityRows, resolveLayout } from "./layout";

export type OverviewReader = { id: string; accountId: string; timeZone: string; dashboardDensity: DashboardDensity };

/**
 * Everything the overview shows, read at once: one statement for the small figures (see
 * `getOverviewSummary`) and one per list, all in parallel. The lists hold as many rows as the
 * density shows.
 */
export async function getOverview(reader: OverviewReader, now = new Date(), db?: Transaction) {
  const rows = densityRows[reader.dashboardDensity];
  const today = todayIn(reader.timeZone, now);
  const [summary, projects, milestones, threads, callStats, recentCalls, activity] = await Promise.all([
    getOverviewSummary(reader.accountId, reader.id, today, db),
    listActiveProjectSummaries(reader.accountId, db),
    listUpcomingMilestones(reader.accountId, rows, db),
    listRecentThreads(reader.accountId, reader.id, rows, db),
    getCallStatistics(reader.accountId, reader.timeZone, now, db),
    listRecentCallsForAccount(reader.accountId, rows, db),
    listActivity(reader.accountId, reader.id, { limit: rows }, db),
  ]);
  if (!summary) throw new AppError("not_found", "The customer account does not exist.");
  const subscription = summary.subscription;
  const usage = subscription ? { minutes: subscription.usedMinutes, includedMinutes: subscription.includedMinutes, percent: usagePercent(subscription.usedMinutes, subscription.includedMinutes) } : null;
  const openInvoiceCount = summary.amountsDue.reduce((sum, row) => sum + row.count, 0);
  const overdueCount = summary.amountsDue.reduce((sum, row) => sum + row.overdueCount, 0);
  const attention = attentionItems({
    today,
    overdue: { invoice: summary.oldestOverdueInvoice, count: overdueCount },
    failedPaymentInvoice: summary.failedPaymentInvoice,
    subscription,
    usagePercent: usage?.percent ?? null,
    milestones,
    unreadThreads: summary.unreadThreads,
  });
  // Signing in is itself a (security) entry: a new customer's first visit is still a first visit.
  const isNew = !summary.hasProjects && !summary.hasThreads && !summary.hasInvoices && !subscription && callStats.total === 0 && activity.rows.every((row) => row.area === "security");
  return {
    today,
    rows,
    layout: resolveLayout(summary.layout),
    accountName: summary.accountName,
    attention,
    isNew,
    projects: projects.slice(0, rows),
    activeProjectCount: projects.length,
    milestones,
    threads,
    unreadThreads: summary.unreadThreads,
    amountsDue: summary.amountsDue,
    openInvoiceCount,
    overdueInvoiceCount: overdueCount,
    oldestOpenInvoice: summary.oldestOpenInvoice,
    subscription,
    /** Whole days left in the subscription's period where the reader is; null without a subscription. */
    daysRemaining: subscription ? daysRemaining(subscription.currentPeriodEnd, reader.timeZone, now) : null,
    usage,
    callStats,
    recentCalls,
    activity: activity.rows,
  };
}

export type Overview = Awaited<ReturnType<typeof getOverview>>;

/** The actor's own overview layout and density; only customers have an overview. */
export async function updateOverviewLayout(actor: Actor, input: OverviewLayoutInput, db?: Transaction): Promise<void> {
  if (actor.role !== "customer") throw new AppError("forbidden", "Only customers have an overview.");
  // Widgets left out of the order keep their place at the end, as a widget added later would.
  const layout = resolveLayout({ order: input.order, hidden: input.hidden });
  await saveOverviewLayout(actor.id, { layout, density: input.density }, db);
}
