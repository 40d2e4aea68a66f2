import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getCurrentSubscription, type CurrentSubscription } from "@/db/queries/subscriptions";
import { inTransaction } from "@/db/queries/transaction";
import { customerAccountMembers, notifications, usageAlerts } from "@/db/schema";
import { setupTestDatabase, signedInUser } from "@/db/testing";
import { testPlan } from "@/db/testing/billing";
import { testCalls } from "@/db/testing/calls";
import { testSubscription } from "@/db/testing/subscriptions";
import { checkUsageAlerts, sendUsageAlerts, usagePercent, usageThisPeriod, type Usage } from "./usage";

const db = setupTestDatabase();

/** A customer account with two members and a subscription on a 1,000-minute plan. */
async function subscribedAccount(): Promise<{ subscription: CurrentSubscription; memberIds: string[] }> {
  const [owner, colleague] = await Promise.all([signedInUser("customer", "usage-owner"), signedInUser("customer", "usage-colleague")]);
  await db().update(customerAccountMembers).set({ accountId: owner.accountId!, role: "member" }).where(eq(customerAccountMembers.userId, colleague.id));
  const plan = await testPlan({ name: "Usage plan", includedMinutes: 1000 });
  await testSubscription({ accountId: owner.accountId!, planId: plan.id });
  return { subscription: (await getCurrentSubscription(owner.accountId!))!, memberIds: [owner.id, colleague.id] };
}

const used = (minutes: number): Usage => ({ calls: Math.ceil(minutes / 3), minutes, includedMinutes: 1000, percent: usagePercent(minutes, 1000) });

async function usageNotifications(userIds: string[]) {
  const rows = await db()
    .select({ userId: notifications.userId, type: notifications.type, params: notifications.params, link: notifications.link })
    .from(notifications)
    .where(inArray(notifications.userId, userIds))
    .orderBy(notifications.createdAt);
  return rows.filter((row) => row.type.startsWith("usage."));
}

async function alertsOf(subscriptionId: string) {
  const rows = await db().select({ threshold: usageAlerts.threshold }).from(usageAlerts).where(eq(usageAlerts.subscriptionId, subscriptionId));
  return rows.map((row) => row.threshold).sort((a, b) => a - b);
}

describe("usage this period", () => {
  it("is zero calls and zero minutes before any call", async () => {
    const { subscription } = await subscribedAccount();
    const usage = await usageThisPeriod(subscription.accountId, { start: subscription.currentPeriodStart, end: subscription.currentPeriodEnd, includedMinutes: 1000 });
    expect(usage).toEqual({ calls: 0, minutes: 0, includedMinutes: 1000, percent: 0 });
  });

  it("counts the period's calls, each rounded up to a minute, including the part-hours at either edge, and nothing outside", async () => {
    const { subscription } = await subscribedAccount();
    const other = await signedInUser("customer", "usage-other");
    const start = new Date("2026-10-05T08:20:00Z");
    const end = new Date("2026-11-05T08:20:00Z");
    await testCalls(subscription.accountId, [
      { startedAt: new Date("2026-10-05T08:19:59Z"), durationSeconds: 600 },
      { startedAt: new Date("2026-10-05T08:20:00Z"), durationSeconds: 61 },
      { startedAt: new Date("2026-10-05T08:59:00Z"), durationSeconds: 0, status: "missed" },
      { startedAt: new Date("2026-10-20T12:00:00Z"), durationSeconds: 600 },
      { startedAt: new Date("2026-11-05T08:10:00Z"), durationSeconds: 30 },
      { startedAt: new Date("2026-11-05T08:20:00Z"), durationSeconds: 600 },
    ]);
    await testCalls(other.accountId!, [{ startedAt: new Date("2026-10-20T12:00:00Z"), durationSeconds: 6000 }]);
    const usage = await usageThisPeriod(subscription.accountId, { start, end, includedMinutes: 100 });
    expect(usage).toEqual({ calls: 4, minutes: 2 + 0 + 10 + 1, includedMinutes: 100, percent: 13 });
  });

  it("counts whole percent of the included minutes, and any use of a plan without minutes as all of it", () => {
    expect([usagePercent(799, 1000), usagePercent(800, 1000), usagePercent(1500, 1000), usagePercent(0, 0), usagePercent(1, 0)]).toEqual([79, 80, 150, 0, 100]);
  });
});

describe("usage alerts", () => {
  it("sends nothing at today's zero usage, and records nothing", async () => {
    const { subscription, memberIds } = await subscribedAccount();
    await inTransaction((tx) => checkUsageAlerts(subscription.accountId, tx));
    expect(await usageNotifications(memberIds)).toEqual([]);
    expect(await alertsOf(subscription.id)).toEqual([]);
  });

  it("does nothing for an account without a subscription", async () => {
    const customer = await signedInUser("customer", "usage-none");
    await inTransaction((tx) => checkUsageAlerts(customer.accountId!, tx));
    expect(await usageNotifications([customer.id])).toEqual([]);
  });

  it("warns every member once at 80 %, however often it is checked", async () => {
    const { subscription, memberIds } = await subscribedAccount();
    await sendUsageAlerts(subscription, used(790), db());
    expect(await usageNotifications(memberIds)).toEqual([]);
    await sendUsageAlerts(subscription, used(810), db());
    await sendUsageAlerts(subscription, used(850), db());
    const sent = await usageNotifications(memberIds);
    expect(sent).toHaveLength(2);
    expect(new Set(sent.map((row) => row.userId))).toEqual(new Set(memberIds));
    expect(sent[0]).toMatchObject({ type: "usage.warning", params: { percent: 81, used: 810, included: 1000, plan: "Usage plan" }, link: "/dashboard/billing" });
    expect(await alertsOf(subscription.id)).toEqual([80]);
  });

  it("tells every member once more when the limit is reached", async () => {
    const { subscription, memberIds } = await subscribedAccount();
    await sendUsageAlerts(subscription, used(820), db());
    await sendUsageAlerts(subscription, used(1000), db());
    await sendUsageAlerts(subscription, used(1100), db());
    const types = (await usageNotifications(memberIds)).map((row) => row.type);
    expect(types.filter((type) => type === "usage.warning")).toHaveLength(2);
    expect(types.filter((type) => type === "usage.limitReached")).toHaveLength(2);
    expect(await alertsOf(subscription.id)).toEqual([80, 100]);
  });

  it("sends only the limit alert when usage jumps past both thresholds, and no late warning after it", async () => {
    const { subscription, memberIds } = await subscribedAccount();
    await sendUsageAlerts(subscription, used(1200), db());
    await sendUsageAlerts(subscription, used(850), db());
    expect((await usageNotifications(memberIds)).map((row) => row.type)).toEqual(["usage.limitReached", "usage.limitReached"]);
    expect(await alertsOf(subscription.id)).toEqual([80, 100]);
  });

  it("starts over in the next period", async () => {
    const { subscription, memberIds } = await subscribedAccount();
    await sendUsageAlerts(subscription, used(900), db());
    const nextPeriod = { ...subscription, currentPeriodStart: subscription.currentPeriodEnd };
    await sendUsageAlerts(nextPeriod, used(900), db());
    expect((await usageNotifications(memberIds)).filter((row) => row.type === "usage.warning")).toHaveLength(4);
  });
});
