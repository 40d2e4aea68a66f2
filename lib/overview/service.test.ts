import { randomUUID } from "node:crypto";
import { and, desc, eq, gte, lt, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getCallStatistics } from "@/db/queries/calls";
import { getCallUsage } from "@/db/queries/call-usage";
import { getAmountsDueForAccount } from "@/db/queries/invoices";
import { countUnreadThreads } from "@/db/queries/messages";
import { getOverviewLayout } from "@/db/queries/overview";
import { getActiveSessionUser, type SessionUser } from "@/db/queries/sessions";
import { activityEvents, calls, invoices, messageThreadReads, messageThreads, payments, projectMilestones, projects, subscriptions, userSettings } from "@/db/schema";
import { recordingDatabase, setupTestDatabase, signedInUser } from "@/db/testing";
import { testPlan } from "@/db/testing/billing";
import { testCalls } from "@/db/testing/calls";
import { testSubscription } from "@/db/testing/subscriptions";
import { overviewWidgets } from "@/lib/constants";
import { AppError } from "@/lib/errors";
import { todayIn } from "@/lib/projects/dates";
import { overviewLayoutSchema } from "@/lib/validations/overview";
import { getOverview, updateOverviewLayout } from "./service";

const db = setupTestDatabase();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function addDays(day: string, count: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + count);
  return date.toISOString().slice(0, 10);
}

async function invoice(accountId: string, fields: { status?: "open" | "paid" | "draft"; total: number; dueDate: string; currency?: string; kind?: "project" | "subscription" }) {
  const [row] = await db()
    .insert(invoices)
    .values({
      accountId,
      number: `TEST-${randomUUID().slice(0, 8)}`,
      kind: fields.kind ?? "project",
      status: fields.status ?? "open",
      currency: fields.currency ?? "usd",
      subtotal: fields.total,
      total: fields.total,
      issueDate: addDays(fields.dueDate, -14),
      dueDate: fields.dueDate,
      sentAt: fields.status === "draft" ? null : new Date(),
    })
    .returning({ id: invoices.id, number: invoices.number });
  return row!;
}

async function project(accountId: string, name: string, milestoneDue: string[] = [], status: "planned" | "in_progress" | "completed" = "in_progress") {
  const [row] = await db().insert(projects).values({ accountId, name, status }).returning({ id: projects.id });
  for (const [index, dueDate] of milestoneDue.entries()) await db().insert(projectMilestones).values({ projectId: row!.id, title: `${name} milestone ${index + 1}`, dueDate });
  return row!.id;
}

async function staffThread(accountId: string, subject: string, lastStaffMessageAt: Date | null) {
  const [row] = await db()
    .insert(messageThreads)
    .values({ accountId, subject, lastMessageAt: lastStaffMessageAt ?? new Date(), lastStaffMessageAt, lastCustomerMessageAt: new Date(Date.now() - DAY) })
    .returning({ id: messageThreads.id });
  return row!.id;
}

/** The reader as a fresh request would see them (density comes with the session). */
async function reread(user: SessionUser): Promise<SessionUser> {
  return (await getActiveSessionUser(user.sessionId))!;
}

const reader = (user: SessionUser) => ({ id: user.id, accountId: user.accountId!, timeZone: user.timeZone, dashboardDensity: user.dashboardDensity });

describe("the overview's data", () => {
  it("for a busy account equals the plain aggregates of its rows, in a handful of statements", async () => {
    const [customer, other] = await Promise.all([signedInUser("customer", "busy"), signedInUser("customer", "busy-other")]);
    const accountId = customer.accountId!;
    const now = new Date();
    const today = todayIn(customer.timeZone, now);
    const plan = await testPlan({ includedMinutes: 600 });
    // A period that starts and ends mid-hour, so the usage has partial hours at both edges.
    const periodStart = new Date(Math.floor((now.getTime() - 10 * DAY) / HOUR) * HOUR + 17 * 60_000);
    await testSubscription({ accountId, planId: plan.id, currentPeriodStart: periodStart, currentPeriodEnd: new Date(periodStart.getTime() + 30 * DAY + 23 * 60_000) });
    // 400 calls over 60 days, some right at the period's start.
    const rows = Array.from({ length: 400 }, (_, i) => ({
      startedAt: new Date(now.getTime() - (i * 60 * DAY) / 400 - 60_000),
      durationSeconds: 30 + ((i * 37) % 600),
      status: i % 7 === 0 ? ("missed" as const) : ("completed" as const),
      satisfaction: i % 3 === 0 ? 1 + (i % 5) : null,
    }));
    rows.push({ startedAt: new Date(periodStart.getTime() + 60_000), durationSeconds: 61, status: "completed", satisfaction: null });
    rows.push({ startedAt: new Date(periodStart.getTime() - 60_000), durationSeconds: 3000, status: "completed", satisfaction: null });
    await testCalls(accountId, rows);
    await testCalls(other.accountId!, [{ startedAt: new Date(now.getTime() - HOUR), durationSeconds: 9999 }]);

    await invoice(accountId, { total: 10_000, dueDate: addDays(today, -3) });
    await invoice(accountId, { total: 5_000, dueDate: addDays(today, 10), currency: "eur" });
    await invoice(accountId, { total: 7_000, dueDate: addDays(today, 20) });
    await invoice(accountId, { status: "paid", total: 99_000, dueDate: addDays(today, -30) });
    await invoice(other.accountId!, { total: 12_345, dueDate: addDays(today, -30) });
    await project(accountId, "Alpha", [addDays(today, 3), addDays(today, 30)]);
    await project(accountId, "Beta", [addDays(today, 12)], "planned");
    await project(accountId, "Done", [addDays(today, 1)], "completed");
    const unreadThread = await staffThread(accountId, "News from the team", new Date());
    const readThread = await staffThread(accountId, "Already read", new Date(now.getTime() - HOUR));
    await db().insert(messageThreadReads).values({ threadId: readThread, userId: customer.id, readAt: now });
    await staffThread(accountId, "Only the customer wrote", null);
    for (let i = 0; i < 7; i++) await db().insert(activityEvents).values({ accountId, area: "billing", type: "invoice.issued", params: { number: `N${i}` }, occurredAt: new Date(now.getTime() - i * HOUR) });

    const recording = recordingDatabase();
    const overview = await getOverview(reader(customer), now, recording.db);
    // One statement for the small figures, one per list, two for the call statistics.
    expect(recording.statements.length).toBeLessThanOrEqual(8);

    const [stats, usage, amounts, unread] = await Promise.all([
      getCallStatistics(accountId, customer.timeZone, now),
      getCallUsage(accountId, overview.subscription!.currentPeriodStart, overview.subscription!.currentPeriodEnd),
      getAmountsDueForAccount(accountId, today),
      countUnreadThreads(customer.id, accountId),
    ]);
    expect(overview.callStats).toEqual(stats);
    expect(stats.total).toBe(402);
    // The usage, against the calls themselves.
    const [plain] = await db()
      .select({ minutes: sql<number>`coalesce(sum(ceil(${calls.durationSeconds} / 60.0)), 0)::int` })
      .from(calls)
      .where(and(eq(calls.accountId, accountId), gte(calls.startedAt, overview.subscription!.currentPeriodStart), lt(calls.startedAt, overview.subscription!.currentPeriodEnd)));
    expect(overview.usage!.minutes).toBe(plain!.minutes);
    expect(overview.usage!.minutes).toBe(usage.minutes);
    expect(overview.usage!.includedMinutes).toBe(600);
    expect(overview.amountsDue).toEqual(amounts);
    expect(overview.unreadThreads).toBe(unread);
    expect(overview.unreadThreads).toBe(1);
    expect(overview.oldestOpenInvoice?.number).toBeDefined();
    expect(overview.projects.map((p) => p.name).sort()).toEqual(["Alpha", "Beta"]);
    expect(overview.milestones.map((m) => m.title)).toEqual(["Alpha milestone 1", "Beta milestone 1", "Alpha milestone 2"]);
    expect(overview.threads.map((t) => t.id)).toContain(unreadThread);
    expect(overview.recentCalls).toHaveLength(5);
    // The newest five of the timeline, which holds the calls' entries too (insertCalls records them).
    const newest = await db().select({ id: activityEvents.id }).from(activityEvents).where(eq(activityEvents.accountId, accountId)).orderBy(desc(activityEvents.occurredAt), desc(activityEvents.id)).limit(5);
    expect(overview.activity.map((a) => a.id)).toEqual(newest.map((row) => row.id));
    expect(overview.activity.map((a) => a.params.number)).toEqual(["N0", expect.stringMatching(/^\+/), "N1", "N2", "N3"]);
    expect(overview.isNew).toBe(false);
    expect(overview.subscription?.planName).toBe(plan.name);
  });

  it("shows more rows when detailed and fewer when compact", async () => {
    const customer = await signedInUser("customer", "density");
    await testCalls(customer.accountId!, Array.from({ length: 12 }, (_, i) => ({ startedAt: new Date(Date.now() - (i + 1) * HOUR) })));
    for (const [density, rows] of [["compact", 3], ["default", 5], ["detailed", 8]] as const) {
      const overview = await getOverview({ ...reader(customer), dashboardDensity: density });
      expect(overview.recentCalls).toHaveLength(rows);
    }
  });

  it("for a new customer says so, with nothing to attend to", async () => {
    const customer = await signedInUser("customer", "new");
    const overview = await getOverview(reader(customer));
    expect(overview.isNew).toBe(true);
    expect(overview.attention).toEqual([]);
    expect(overview.layout.order).toEqual([...overviewWidgets]);
    expect(overview.layout.hidden).toEqual([]);
  });
});

describe("what needs attention", () => {
  it("lists each item exactly while its condition holds", async () => {
    const customer = await signedInUser("customer", "attention");
    const accountId = customer.accountId!;
    const kinds = async () => (await getOverview(reader(customer))).attention.map((item) => item.kind);
    const today = todayIn(customer.timeZone);
    expect(await kinds()).toEqual([]);

    // A milestone 8 days out is not yet due this week; 7 days out is.
    const projectId = await project(accountId, "Gamma", [addDays(today, 8)]);
    expect(await kinds()).toEqual([]);
    await db().update(projectMilestones).set({ dueDate: addDays(today, 7) }).where(eq(projectMilestones.projectId, projectId));
    expect(await kinds()).toEqual(["milestoneDue"]);
    await db().update(projectMilestones).set({ completedAt: new Date() }).where(eq(projectMilestones.projectId, projectId));
    expect(await kinds()).toEqual([]);

    // An invoice due today is not overdue; due yesterday it is.
    const open = await invoice(accountId, { total: 1_000, dueDate: today });
    expect(await kinds()).toEqual([]);
    await db().update(invoices).set({ dueDate: addDays(today, -1) }).where(eq(invoices.id, open.id));
    const [item] = (await getOverview(reader(customer))).attention;
    expect(item).toMatchObject({ kind: "overdueInvoice", href: `/dashboard/invoices/${open.id}`, number: open.number });
    await db().update(invoices).set({ status: "paid", amountPaid: 1_000 }).where(eq(invoices.id, open.id));
    expect(await kinds()).toEqual([]);

    // A failed payment counts while it is the invoice's latest attempt.
    const failing = await invoice(accountId, { total: 2_000, dueDate: addDays(today, 5) });
    const attempt = { invoiceId: failing.id, accountId, amount: 2_000, currency: "usd", method: "card" as const, provider: "demo" as const };
    await db().insert(payments).values({ ...attempt, status: "failed", occurredAt: new Date(Date.now() - HOUR) });
    expect(await kinds()).toEqual(["failedPayment"]);
    await db().insert(payments).values({ ...attempt, status: "succeeded", occurredAt: new Date() });
    await db().update(invoices).set({ status: "paid", amountPaid: 2_000 }).where(eq(invoices.id, failing.id));
    expect(await kinds()).toEqual([]);

    // Usage: 239 of 300 minutes is below 80 %, 240 reaches it; a past-due subscription is its own item.
    const plan = await testPlan({ includedMinutes: 300 });
    const subscription = await testSubscription({ accountId, planId: plan.id });
    await testCalls(accountId, [{ startedAt: new Date(Date.now() - HOUR), durationSeconds: 239 * 60 }]);
    expect(await kinds()).toEqual([]);
    await testCalls(accountId, [{ startedAt: new Date(Date.now() - HOUR), durationSeconds: 1 }]);
    expect(await kinds()).toEqual(["usage"]);
    await db().update(subscriptions).set({ status: "past_due" }).where(eq(subscriptions.id, subscription.id));
    expect(await kinds()).toEqual(["pastDue", "usage"]);
    await db().update(subscriptions).set({ status: "canceled" }).where(eq(subscriptions.id, subscription.id));
    expect(await kinds()).toEqual([]);

    // An unread message from the team, until it is read.
    const threadId = await staffThread(accountId, "Question", new Date());
    expect(await kinds()).toEqual(["unreadMessages"]);
    await db().insert(messageThreadReads).values({ threadId, userId: customer.id, readAt: new Date(Date.now() + 1000) });
    expect(await kinds()).toEqual([]);
  });
});

describe("the overview layout", () => {
  const form = (fields: Record<string, string | string[]>) => {
    const data: Record<string, string | string[]> = {};
    for (const [key, value] of Object.entries(fields)) data[key] = value;
    return data;
  };

  it("round-trips order, hidden widgets and density, and leaves another user's alone", async () => {
    const [customer, other] = await Promise.all([signedInUser("customer", "layout"), signedInUser("customer", "layout-other")]);
    const order = ["activity", "callStats", ...overviewWidgets.filter((w) => w !== "activity" && w !== "callStats")];
    const input = overviewLayoutSchema.parse(form({ order, hidden: ["recentCalls", "profile"], density: "compact" }));
    await updateOverviewLayout(customer, input);
    const stored = await getOverviewLayout(customer.id);
    expect(stored).toEqual({ layout: { order, hidden: ["recentCalls", "profile"] }, density: "compact" });
    const again = await reread(customer);
    expect(again.dashboardDensity).toBe("compact");
    const overview = await getOverview(reader(again));
    expect(overview.layout).toEqual({ order, hidden: ["recentCalls", "profile"] });
    expect(overview.rows).toBe(3);
    expect(await getOverviewLayout(other.id)).toEqual({ layout: null, density: "default" });
    expect((await getOverview(reader(other))).layout.order).toEqual([...overviewWidgets]);
  });

  it("rejects unknown widgets, repeated ones and unknown densities", () => {
    expect(overviewLayoutSchema.safeParse(form({ order: ["profile", "bitcoinTicker"], hidden: [], density: "default" })).success).toBe(false);
    expect(overviewLayoutSchema.safeParse(form({ order: ["profile"], hidden: "<script>", density: "default" })).success).toBe(false);
    expect(overviewLayoutSchema.safeParse(form({ order: ["profile", "profile"], density: "default" })).success).toBe(false);
    expect(overviewLayoutSchema.safeParse(form({ order: ["profile"], density: "huge" })).success).toBe(false);
    expect(overviewLayoutSchema.safeParse(form({ order: "profile", density: "detailed" })).success).toBe(true);
  });

  it("puts widgets added after the user saved at the end, shown, and forgets ids that no longer exist", async () => {
    const customer = await signedInUser("customer", "layout-later");
    await db()
      .insert(userSettings)
      .values({ userId: customer.id, overviewLayout: { order: ["quickActions", "retired" as never, "profile"], hidden: ["retired" as never, "profile"] } })
      .onConflictDoUpdate({ target: userSettings.userId, set: { overviewLayout: { order: ["quickActions", "retired" as never, "profile"], hidden: ["retired" as never, "profile"] } } });
    const { layout } = await getOverview(reader(customer));
    expect(layout.order.slice(0, 2)).toEqual(["quickActions", "profile"]);
    expect(layout.order).toHaveLength(overviewWidgets.length);
    expect(layout.hidden).toEqual(["profile"]);
  });

  it("is for customers only", async () => {
    const admin = await signedInUser("admin", "layout-admin");
    await expect(updateOverviewLayout(admin, { order: [], hidden: [], density: "compact" })).rejects.toBeInstanceOf(AppError);
  });
});
