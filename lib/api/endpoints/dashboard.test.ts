import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as getDashboard } from "@/app/api/v1/dashboard/route";
import { countUnreadThreads } from "@/db/queries/messages";
import { countUnreadNotifications, createNotification } from "@/db/queries/notifications";
import type { SessionUser } from "@/db/queries/sessions";
import { customerAccountMembers, invoices, messageThreads, projectMilestones, projects } from "@/db/schema";
import { setupTestDatabase, signedInUser } from "@/db/testing";
import { callApi, testApiToken } from "@/db/testing/api";
import { testPlan } from "@/db/testing/billing";
import { testCalls } from "@/db/testing/calls";
import { testSubscription } from "@/db/testing/subscriptions";
import { daysRemaining } from "@/lib/billing/period";
import type { ApiScope } from "@/lib/constants";
import { getOverview } from "@/lib/overview/service";
import { todayIn } from "@/lib/projects/dates";
import { dashboardEndpoints } from "./dashboard";

const db = setupTestDatabase();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function addDays(day: string, count: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + count);
  return date.toISOString().slice(0, 10);
}

async function invoice(accountId: string, total: number, dueDate: string, currency = "usd") {
  const [row] = await db()
    .insert(invoices)
    .values({ accountId, number: `API-${randomUUID().slice(0, 8)}`, kind: "project", status: "open", currency, subtotal: total, total, issueDate: addDays(dueDate, -14), dueDate, sentAt: new Date() })
    .returning({ id: invoices.id, number: invoices.number });
  return row!;
}

/** A customer with a bit of everything: a subscription and its usage, calls, open invoices (one overdue), projects, news from the team and a notification. */
async function busyCustomer(label: string): Promise<SessionUser> {
  const customer = await signedInUser("customer", label);
  const accountId = customer.accountId!;
  const today = todayIn(customer.timeZone);
  const plan = await testPlan({ includedMinutes: 100 });
  await testSubscription({ accountId, planId: plan.id, currentPeriodStart: new Date(Date.now() - 5 * DAY), currentPeriodEnd: new Date(Date.now() + 12 * DAY) });
  await testCalls(
    accountId,
    Array.from({ length: 9 }, (_, i) => ({ startedAt: new Date(Date.now() - (i + 1) * 7 * HOUR), durationSeconds: 60 * (i + 5), status: i % 4 === 0 ? ("missed" as const) : ("completed" as const), satisfaction: i % 2 ? 4 : null })),
  );
  await invoice(accountId, 10_000, addDays(today, -3));
  await invoice(accountId, 4_500, addDays(today, 9), "eur");
  await invoice(accountId, 7_000, addDays(today, 20));
  const [project] = await db().insert(projects).values({ accountId, name: "Website", status: "in_progress" }).returning({ id: projects.id });
  await db().insert(projectMilestones).values({ projectId: project!.id, title: "Launch", dueDate: addDays(today, 2) });
  await db().insert(messageThreads).values({ accountId, subject: "News", lastMessageAt: new Date(), lastStaffMessageAt: new Date() });
  await createNotification({ userId: customer.id, category: "projects", type: "project.updatePosted", params: { project: "Website" }, link: "/dashboard/projects" });
  return customer;
}

const reader = (user: SessionUser) => ({ id: user.id, accountId: user.accountId!, timeZone: user.timeZone, dashboardDensity: user.dashboardDensity });
const dashboard = async (user: SessionUser, scopes?: ApiScope[], headers: Record<string, string> = {}) =>
  callApi(getDashboard, dashboardEndpoints.get, { token: await testApiToken(user, scopes), headers });

describe("GET /api/v1/dashboard", () => {
  it("gives a full token the overview page's numbers in one response", async () => {
    const customer = await busyCustomer("dash-full");
    const other = await busyCustomer("dash-other");
    const { status, json } = await dashboard(customer);
    expect(status).toBe(200);
    const overview = await getOverview(reader(customer));

    expect(json.today).toBe(overview.today);
    expect(json.profile).toEqual({ id: customer.id, name: customer.name, email: customer.email, accountName: overview.accountName, timeZone: customer.timeZone, locale: customer.locale });
    expect(json.subscription).toEqual({
      planName: overview.subscription!.planName,
      status: "active",
      cancelAtPeriodEnd: false,
      currentPeriodEnd: overview.subscription!.currentPeriodEnd.toISOString(),
      daysRemaining: daysRemaining(overview.subscription!.currentPeriodEnd, customer.timeZone),
      usage: { usedMinutes: overview.usage!.minutes, includedMinutes: 100, percent: overview.usage!.percent },
    });
    expect(json.subscription.usage.usedMinutes).toBeGreaterThan(0);
    expect(json.calls.statistics).toEqual(overview.callStats);
    expect(json.calls.statistics.total).toBe(9);
    expect(json.calls.recent.map((call: { id: string }) => call.id)).toEqual(overview.recentCalls.map((call) => call.id));
    expect(json.calls.recent).toHaveLength(5);

    expect(json.billing).toMatchObject({ openCount: 3, overdueCount: 1, oldestOpenInvoice: overview.oldestOpenInvoice });
    expect(json.billing.amountsDue).toEqual([
      { currency: "eur", openCount: 1, overdueCount: 0, due: { amount: 4_500, currency: "eur" }, overdue: { amount: 0, currency: "eur" } },
      { currency: "usd", openCount: 2, overdueCount: 1, due: { amount: 17_000, currency: "usd" }, overdue: { amount: 10_000, currency: "usd" } },
    ]);
    expect(json.projects.activeCount).toBe(1);
    expect(json.projects.active[0]).toMatchObject({ name: "Website", status: "in_progress", progress: overview.projects[0]!.progress });
    expect(json.projects.nextMilestones).toEqual([expect.objectContaining({ title: "Launch", overdue: false, projectName: "Website" })]);
    expect(json.recentThreads).toEqual([expect.objectContaining({ subject: "News", unread: true })]);
    expect(json.unread).toEqual({ messages: await countUnreadThreads(customer.id, customer.accountId!), notifications: await countUnreadNotifications(customer.id) });
    expect(json.unread).toEqual({ messages: 1, notifications: 1 });
    expect(json.attention.map((item: { kind: string }) => item.kind)).toEqual(overview.attention.map((item) => item.kind));
    expect(json.attention).toContainEqual({ kind: "overdueInvoice", invoiceId: overview.oldestOpenInvoice!.id, number: overview.oldestOpenInvoice!.number, count: 1 });
    expect(json.quickActions).toEqual([
      { id: "payOldestInvoice", available: true, method: "POST", endpoint: `/api/v1/invoices/${overview.oldestOpenInvoice!.id}/pay` },
      { id: "messageTeam", available: true, method: "POST", endpoint: "/api/v1/messages/threads" },
      { id: "requestAgent", available: true, method: "POST", endpoint: "/api/v1/agents/requests" },
      { id: "manageSubscription", available: true, method: "GET", endpoint: "/api/v1/subscription" },
      { id: "export", available: true, method: "GET", endpoint: "/api/v1/export" },
    ]);
    expect(json.omitted).toEqual([]);

    // Nothing of the other customer's account.
    const otherOverview = await getOverview(reader(other));
    const text = JSON.stringify(json);
    for (const call of otherOverview.recentCalls) expect(text).not.toContain(call.id);
    expect(text).not.toContain(otherOverview.oldestOpenInvoice!.id);
  });

  it("leaves out every area the token may not read: a token without calls:read gets no call data", async () => {
    const customer = await busyCustomer("dash-partial");
    const overview = await getOverview(reader(customer));
    const { status, json } = await dashboard(customer, ["profile:read", "subscription:read", "invoices:read"]);
    expect(status).toBe(200);
    expect(json.calls).toBeNull();
    expect(json.projects).toBeNull();
    expect(json.recentThreads).toBeNull();
    expect(json.unread).toEqual({ messages: null, notifications: null });
    expect(json.omitted).toEqual(["calls", "projects", "messages", "notifications"]);
    expect(json.subscription.planName).toBe(overview.subscription!.planName);
    expect(json.billing.openCount).toBe(3);
    const text = JSON.stringify(json);
    for (const call of overview.recentCalls) expect(text).not.toContain(call.id);
    expect(text).not.toContain("Launch");
    expect(json.attention.map((item: { kind: string }) => item.kind)).toEqual(["overdueInvoice", "usage"]);
    // Readable invoices, but no invoices:write: the payment is named, not available.
    expect(json.quickActions.find((action: { id: string }) => action.id === "payOldestInvoice")).toEqual({
      id: "payOldestInvoice",
      available: false,
      method: "POST",
      endpoint: `/api/v1/invoices/${overview.oldestOpenInvoice!.id}/pay`,
    });
    expect(json.quickActions.find((action: { id: string }) => action.id === "manageSubscription").available).toBe(true);
    expect(json.quickActions.find((action: { id: string }) => action.id === "messageTeam").available).toBe(false);
  });

  it("with profile:read alone shows the profile and no invoice id", async () => {
    const customer = await busyCustomer("dash-profile");
    const overview = await getOverview(reader(customer));
    const { json } = await dashboard(customer, ["profile:read"]);
    expect(json.profile.email).toBe(customer.email);
    expect([json.subscription, json.calls, json.billing, json.projects, json.recentThreads]).toEqual([null, null, null, null, null]);
    expect(json.attention).toEqual([]);
    expect(json.quickActions.every((action: { available: boolean }) => !action.available)).toBe(true);
    expect(json.quickActions[0].endpoint).toBe("/api/v1/invoices/{id}/pay");
    expect(JSON.stringify(json)).not.toContain(overview.oldestOpenInvoice!.id);
  });

  it("refuses a token without profile:read, and answers a matching If-None-Match with 304", async () => {
    const customer = await busyCustomer("dash-scope");
    const refused = await dashboard(customer, ["calls:read", "invoices:write"]);
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe("insufficient_scope");

    const token = await testApiToken(customer, ["profile:write"]);
    const first = await callApi(getDashboard, dashboardEndpoints.get, { token });
    expect(first.status).toBe(200);
    const etag = first.response.headers.get("etag")!;
    expect(etag).toMatch(/^W\//);
    const again = await callApi(getDashboard, dashboardEndpoints.get, { token, headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
  });

  it("for a customer whose account closed shows the profile and nothing of the account, as the page does", async () => {
    const customer = await busyCustomer("dash-closed");
    const token = await testApiToken(customer);
    await db().delete(customerAccountMembers).where(eq(customerAccountMembers.userId, customer.id));
    const { status, json } = await callApi(getDashboard, dashboardEndpoints.get, { token });
    expect(status).toBe(200);
    expect(json.profile).toMatchObject({ id: customer.id, accountName: null });
    expect([json.subscription, json.calls, json.billing, json.projects, json.recentThreads, json.unread.messages]).toEqual([null, null, null, null, null, 0]);
    expect(json.unread.notifications).toBe(1);
    expect(json.quickActions.every((action: { available: boolean }) => !action.available)).toBe(true);
  });
});
