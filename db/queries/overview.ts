import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import { callHourlyStats, calls, customerAccounts, invoices, messageThreadReads, messageThreads, payments, plans, projects, subscriptions, userSettings } from "@/db/schema";
import { liveSubscriptionStatuses, type DashboardDensity, type OverviewLayout, type SubscriptionStatus } from "@/lib/constants";

export type AmountDue = { currency: string; count: number; due: number; overdue: number; overdueCount: number };
export type InvoiceRef = { id: string; number: string };

export type OverviewSummary = {
  accountName: string;
  /** As stored: null for the default; `resolveLayout` makes it whole. */
  layout: unknown;
  unreadThreads: number;
  amountsDue: AmountDue[];
  oldestOpenInvoice: InvoiceRef | null;
  oldestOverdueInvoice: InvoiceRef | null;
  /** An open invoice whose latest payment attempt failed. */
  failedPaymentInvoice: InvoiceRef | null;
  subscription: {
    id: string;
    status: SubscriptionStatus;
    currentPeriodStart: Date;
    currentPeriodEnd: Date;
    cancelAtPeriodEnd: boolean;
    planName: string;
    includedMinutes: number;
    /** Billed minutes of calls started in the current period. */
    usedMinutes: number;
  } | null;
  hasProjects: boolean;
  hasThreads: boolean;
  hasInvoices: boolean;
};

// Whole hours (UTC, as the hourly statistics are kept) at or after, and at or before, an instant.
const ceilHour = (value: unknown) => sql`to_timestamp(ceil(extract(epoch from ${value}) / 3600) * 3600)`;
const floorHour = (value: unknown) => sql`to_timestamp(floor(extract(epoch from ${value}) / 3600) * 3600)`;
const invoiceRef = sql`json_build_object('id', ${invoices.id}, 'number', ${invoices.number})`;

/**
 * Everything small the overview needs, in one statement: the saved layout, unread conversations,
 * what is owed per currency, the invoices its shortcuts and warnings point at, the current
 * subscription with this period's billed minutes (the same sum as `getCallUsage`: whole hours from
 * the hourly statistics, the partial hours at the edges from the calls), and whether the account
 * has anything yet.
 */
export async function getOverviewSummary(accountId: string, userId: string, today: string, db: Database = getDb()): Promise<OverviewSummary | null> {
  const current = db
    .select({
      subscriptionId: sql<string>`${subscriptions.id}`.as("subscription_id"),
      status: sql<SubscriptionStatus>`${subscriptions.status}`.as("status"),
      periodStart: sql<Date>`${subscriptions.currentPeriodStart}`.as("period_start"),
      periodEnd: sql<Date>`${subscriptions.currentPeriodEnd}`.as("period_end"),
      cancelAtPeriodEnd: sql<boolean>`${subscriptions.cancelAtPeriodEnd}`.as("cancel_at_period_end"),
      planName: sql<string>`${plans.name}`.as("plan_name"),
      includedMinutes: sql<number>`${plans.includedMinutes}`.as("included_minutes"),
    })
    .from(subscriptions)
    .innerJoin(plans, eq(plans.id, subscriptions.planId))
    .where(and(eq(subscriptions.accountId, accountId), inArray(subscriptions.status, [...liveSubscriptionStatuses])))
    .orderBy(desc(subscriptions.createdAt))
    .limit(1)
    .as("current_subscription");
  const start = sql`${current.periodStart}`;
  const end = sql`${current.periodEnd}`;
  const openInvoice = and(eq(invoices.accountId, accountId), eq(invoices.status, "open"));
  const [row] = await db
    .select({
      accountName: customerAccounts.name,
      layout: sql<unknown>`(select ${userSettings.overviewLayout} from ${userSettings} where ${userSettings.userId} = ${userId})`,
      unreadThreads: sql<number>`(select count(*) from ${messageThreads}
        left join ${messageThreadReads} on ${messageThreadReads.threadId} = ${messageThreads.id} and ${messageThreadReads.userId} = ${userId}
        where ${messageThreads.accountId} = ${accountId} and ${messageThreads.lastStaffMessageAt} is not null
          and (${messageThreadReads.readAt} is null or ${messageThreads.lastStaffMessageAt} > ${messageThreadReads.readAt}))`.mapWith(Number),
      amountsDue: sql<AmountDue[]>`(select coalesce(json_agg(totals order by totals.currency), '[]'::json) from (
        select ${invoices.currency} as currency, count(*)::int as count,
          sum(${invoices.total} - ${invoices.amountPaid})::bigint as due,
          coalesce(sum(${invoices.total} - ${invoices.amountPaid}) filter (where ${invoices.dueDate} < ${today}), 0)::bigint as overdue,
          (count(*) filter (where ${invoices.dueDate} < ${today}))::int as "overdueCount"
        from ${invoices} where ${openInvoice} group by ${invoices.currency}) totals)`,
      oldestOpenInvoice: sql<InvoiceRef | null>`(select ${invoiceRef} from ${invoices} where ${openInvoice} and ${invoices.kind} = 'project'
        order by ${invoices.dueDate}, ${invoices.issueDate}, ${invoices.number} limit 1)`,
      oldestOverdueInvoice: sql<InvoiceRef | null>`(select ${invoiceRef} from ${invoices} where ${openInvoice} and ${invoices.dueDate} < ${today}
        order by ${invoices.dueDate}, ${invoices.number} limit 1)`,
      failedPaymentInvoice: sql<InvoiceRef | null>`(select ${invoiceRef} from ${invoices} where ${openInvoice}
        and (select ${payments.status} from ${payments} where ${payments.invoiceId} = ${invoices.id} order by ${payments.occurredAt} desc, ${payments.createdAt} desc limit 1) = 'failed'
        order by ${invoices.dueDate}, ${invoices.number} limit 1)`,
      subscriptionId: current.subscriptionId,
      status: current.status,
      periodStart: current.periodStart,
      periodEnd: current.periodEnd,
      cancelAtPeriodEnd: current.cancelAtPeriodEnd,
      planName: current.planName,
      includedMinutes: current.includedMinutes,
      usedMinutes: sql<number>`case when ${current.subscriptionId} is null then 0 else
        (select coalesce(sum(${callHourlyStats.billedMinutes}), 0) from ${callHourlyStats}
          where ${callHourlyStats.accountId} = ${accountId} and ${callHourlyStats.hour} >= ${ceilHour(start)} and ${callHourlyStats.hour} < ${floorHour(end)})
        + (select coalesce(sum(ceil(${calls.durationSeconds} / 60.0)), 0) from ${calls}
          where ${calls.accountId} = ${accountId} and (
            (${calls.startedAt} >= ${start} and ${calls.startedAt} < least(${ceilHour(start)}, ${end}))
            or (${calls.startedAt} >= greatest(${floorHour(end)}, ${ceilHour(start)}) and ${calls.startedAt} < ${end})))
        end`.mapWith(Number),
      hasProjects: sql<boolean>`exists (select 1 from ${projects} where ${projects.accountId} = ${accountId})`,
      hasThreads: sql<boolean>`exists (select 1 from ${messageThreads} where ${messageThreads.accountId} = ${accountId})`,
      hasInvoices: sql<boolean>`exists (select 1 from ${invoices} where ${invoices.accountId} = ${accountId} and ${invoices.sentAt} is not null)`,
    })
    .from(customerAccounts)
    .leftJoinLateral(current, sql`true`)
    .where(eq(customerAccounts.id, accountId));
  if (!row) return null;
  return {
    accountName: row.accountName,
    layout: row.layout,
    unreadThreads: row.unreadThreads,
    amountsDue: row.amountsDue.map((entry) => ({ ...entry, due: Number(entry.due), overdue: Number(entry.overdue) })),
    oldestOpenInvoice: row.oldestOpenInvoice,
    oldestOverdueInvoice: row.oldestOverdueInvoice,
    failedPaymentInvoice: row.failedPaymentInvoice,
    subscription: row.subscriptionId
      ? {
          id: row.subscriptionId,
          status: row.status,
          currentPeriodStart: new Date(row.periodStart),
          currentPeriodEnd: new Date(row.periodEnd),
          cancelAtPeriodEnd: row.cancelAtPeriodEnd,
          planName: row.planName,
          includedMinutes: Number(row.includedMinutes),
          usedMinutes: row.usedMinutes,
        }
      : null,
    hasProjects: row.hasProjects,
    hasThreads: row.hasThreads,
    hasInvoices: row.hasInvoices,
  };
}

/** Saves the user's overview: widget order, hidden widgets and density. */
export async function saveOverviewLayout(userId: string, input: { layout: OverviewLayout; density: DashboardDensity }, db: Database = getDb()): Promise<void> {
  const now = new Date();
  await db
    .insert(userSettings)
    .values({ userId, overviewLayout: input.layout, dashboardDensity: input.density })
    .onConflictDoUpdate({ target: userSettings.userId, set: { overviewLayout: input.layout, dashboardDensity: input.density, updatedAt: now } });
}

/** What is stored for the user's overview (null layout: the default). */
export async function getOverviewLayout(userId: string, db: Database = getDb()): Promise<{ layout: OverviewLayout | null; density: DashboardDensity }> {
  const [row] = await db.select({ layout: userSettings.overviewLayout, density: userSettings.dashboardDensity }).from(userSettings).where(eq(userSettings.userId, userId));
  return { layout: row?.layout ?? null, density: row?.density ?? "default" };
}
