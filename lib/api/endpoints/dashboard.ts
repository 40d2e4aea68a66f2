import { z } from "zod";
import { callDirections, callStatuses, locales, projectStatuses, subscriptionStatuses, threadStatuses } from "@/lib/constants";
import { defineEndpoint } from "../endpoint";

const instant = z.iso.datetime({ offset: true });
const money = (description: string) =>
  z.object({ amount: z.number().int().meta({ description: "Minor units (cents).", example: 1999 }), currency: z.string().meta({ example: "usd" }) }).meta({ description });

const dashboardProfileSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.email(),
    accountName: z.string().nullable().meta({ description: "The customer account (company) the user belongs to; null once it is closed." }),
    timeZone: z.string().meta({ example: "Europe/Berlin" }),
    locale: z.enum(locales),
  })
  .meta({ id: "DashboardProfile" });

const dashboardSubscriptionSchema = z
  .object({
    planName: z.string(),
    status: z.enum(subscriptionStatuses),
    cancelAtPeriodEnd: z.boolean().meta({ description: "The subscription ends with the current period instead of renewing." }),
    currentPeriodEnd: instant,
    daysRemaining: z.number().int().min(0).meta({ description: "Whole calendar days until the period ends, in the user's time zone; 0 on its last day." }),
    usage: z.object({
      usedMinutes: z.number().int().meta({ description: "Billed call minutes in the current period." }),
      includedMinutes: z.number().int(),
      percent: z.number().int().meta({ description: "Used of included, in whole percent (over 100 once the limit is passed)." }),
    }),
  })
  .meta({ id: "DashboardSubscription" });

const dashboardCallSchema = z
  .object({
    id: z.uuid(),
    startedAt: instant,
    direction: z.enum(callDirections),
    status: z.enum(callStatuses),
    fromNumber: z.string(),
    toNumber: z.string(),
    durationSeconds: z.number().int(),
    satisfaction: z.number().int().min(1).max(5).nullable(),
    agentName: z.string().nullable(),
  })
  .meta({ id: "DashboardCall" });

const dashboardCallsSchema = z
  .object({
    statistics: z.object({
      total: z.number().int(),
      thisMonth: z.number().int(),
      successRate: z.number().min(0).max(1).nullable().meta({ description: "Completed calls as a share of all (0–1); null without calls." }),
      averageDuration: z.number().nullable().meta({ description: "Seconds, over completed calls." }),
      averageSatisfaction: z.number().nullable().meta({ description: "1–5, over rated calls." }),
      days: z.array(z.object({ day: z.iso.date(), calls: z.number().int() })).meta({ description: "The last 30 days in the user's time zone, oldest first, today last." }),
    }),
    recent: z.array(dashboardCallSchema).meta({ description: "The newest calls, as many as the user's dashboard density shows." }),
  })
  .meta({ id: "DashboardCalls" });

const dashboardBillingSchema = z
  .object({
    openCount: z.number().int().meta({ description: "Open invoices, all currencies." }),
    overdueCount: z.number().int().meta({ description: "Open invoices past their due date." }),
    amountsDue: z.array(
      z.object({
        currency: z.string().meta({ example: "usd" }),
        openCount: z.number().int(),
        overdueCount: z.number().int(),
        due: money("What is owed on open invoices in this currency."),
        overdue: money("The part of it that is past due."),
      }),
    ),
    oldestOpenInvoice: z.object({ id: z.uuid(), number: z.string() }).nullable().meta({ description: "The project invoice the “pay oldest open invoice” action pays." }),
  })
  .meta({ id: "DashboardBilling" });

const dashboardProjectsSchema = z
  .object({
    activeCount: z.number().int(),
    active: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        status: z.enum(projectStatuses),
        dueDate: z.iso.date().nullable(),
        progress: z.number().int().min(0).max(100),
        tasksTotal: z.number().int(),
        tasksDone: z.number().int(),
      }),
    ).meta({ description: "Active projects, soonest due first, as many as the density shows." }),
    nextMilestones: z.array(
      z.object({ id: z.uuid(), title: z.string(), dueDate: z.iso.date(), overdue: z.boolean(), projectId: z.uuid(), projectName: z.string() }),
    ).meta({ description: "Open milestones, soonest due first." }),
  })
  .meta({ id: "DashboardProjects" });

const dashboardThreadSchema = z
  .object({ id: z.uuid(), subject: z.string(), status: z.enum(threadStatuses), lastMessageAt: instant, unread: z.boolean() })
  .meta({ id: "DashboardThread" });

const attentionSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("overdueInvoice"), invoiceId: z.uuid(), number: z.string(), count: z.number().int().meta({ description: "Overdue invoices in all." }) }),
    z.object({ kind: z.literal("failedPayment"), invoiceId: z.uuid(), number: z.string() }),
    z.object({ kind: z.literal("pastDue") }),
    z.object({ kind: z.literal("usage"), percent: z.number().int() }),
    z.object({ kind: z.literal("milestoneDue"), projectId: z.uuid(), title: z.string(), dueDate: z.iso.date(), overdue: z.boolean() }),
    z.object({ kind: z.literal("unreadMessages"), count: z.number().int() }),
  ])
  .meta({ id: "AttentionItem" });

export const quickActionIds = ["payOldestInvoice", "messageTeam", "requestAgent", "manageSubscription", "export"] as const;

const quickActionSchema = z
  .object({
    id: z.enum(quickActionIds),
    available: z.boolean().meta({ description: "Whether this token can perform it now (it has the scope, and e.g. there is an open invoice to pay)." }),
    method: z.enum(["GET", "POST"]),
    endpoint: z.string().meta({ description: "The API path that performs it; `{id}` stays a placeholder when the token may not read the id.", example: "/api/v1/invoices/{id}/pay" }),
  })
  .meta({ id: "QuickAction" });

export const dashboardSchema = z
  .object({
    today: z.iso.date().meta({ description: "Today in the user's time zone: what “overdue” and “days remaining” count from." }),
    profile: dashboardProfileSchema,
    subscription: dashboardSubscriptionSchema.nullable().meta({ description: "Needs `subscription:read`; null without it or without a live subscription." }),
    calls: dashboardCallsSchema.nullable().meta({ description: "Needs `calls:read`." }),
    billing: dashboardBillingSchema.nullable().meta({ description: "Needs `invoices:read`." }),
    projects: dashboardProjectsSchema.nullable().meta({ description: "Needs `projects:read`." }),
    recentThreads: z.array(dashboardThreadSchema).nullable().meta({ description: "Needs `messages:read`: the latest conversations." }),
    unread: z.object({
      messages: z.number().int().nullable().meta({ description: "Conversations with news from the team; needs `messages:read`." }),
      notifications: z.number().int().nullable().meta({ description: "Unread notifications; needs `notifications:read`." }),
    }),
    attention: z.array(attentionSchema).meta({ description: "What needs attention first, most pressing first; only items of areas the token may read." }),
    quickActions: z.array(quickActionSchema),
    omitted: z.array(z.string()).meta({ description: "The parts left out (null) because the token lacks their read scope.", example: ["calls"] }),
  })
  .meta({ id: "Dashboard" });

export const dashboardEndpoints = {
  get: defineEndpoint({
    method: "GET",
    path: "/dashboard",
    operationId: "getDashboard",
    tag: "Dashboard",
    summary: "The overview in one response",
    description: [
      "Everything the dashboard's overview page shows, with the same numbers: profile, subscription, call statistics and recent calls, billing summary, active projects and milestones, unread counts, what needs attention, and quick actions naming the endpoint that performs each.",
      "",
      "Needs `profile:read`. Each other part appears only if the token also has that area's read scope — subscription: `subscription:read`, calls: `calls:read`, billing: `invoices:read`, projects: `projects:read`, recent threads and unread messages: `messages:read`, unread notifications: `notifications:read`. A part the token may not read is null and named in `omitted`; attention items of such areas are left out.",
      "",
      "Lists hold as many rows as the user's dashboard density shows (3, 5 or 8). Answers carry an ETag.",
    ].join("\n"),
    scope: "profile:read",
    etag: true,
    responses: { 200: { description: "The overview.", schema: dashboardSchema } },
  }),
};
