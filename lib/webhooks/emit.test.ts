import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { inTransaction } from "@/db/queries/transaction";
import { webhookDeliveries } from "@/db/schema";
import { setupTestDatabase, signedInUser, uniqueIp } from "@/db/testing";
import { testOpenInvoice, testPlan, withStripeCustomer } from "@/db/testing/billing";
import { testCalls } from "@/db/testing/calls";
import { POST as stripeWebhook } from "@/app/api/stripe/webhook/route";
import type { SessionUser } from "@/db/queries/sessions";
import { createInvoice, sendInvoice } from "@/lib/billing/invoices";
import { applySuccessfulPayment, recordFailedPayment } from "@/lib/billing/payments";
import { demoEvent, subscriptionObject } from "@/lib/billing/demo-events";
import { signStripePayload } from "@/lib/billing/webhook";
import { webhookEventTypes, type WebhookEventType } from "@/lib/constants";
import { adminReplyToThread, adminStartThread, startThread } from "@/lib/messages/service";
import { changeProjectStatus, createMilestone, createProject, setMilestoneDone } from "@/lib/projects/service";
import { createWebhookEndpoint } from "./service";

const db = setupTestDatabase();
const info = () => ({ ip: uniqueIp(), userAgent: "vitest" });

beforeEach(() => {
  vi.stubEnv("WEBHOOK_ALLOW_PRIVATE_TARGETS", "true");
});
afterEach(() => {
  vi.unstubAllEnvs();
});

/** A customer whose account has an endpoint subscribed to every event (nothing is sent: the jobs are not run). */
async function subscribedCustomer(events: readonly WebhookEventType[] = webhookEventTypes) {
  const customer = await signedInUser("customer", "hooked");
  const created = await createWebhookEndpoint(customer, { url: "http://127.0.0.1:9/hooks", description: "", events: [...events] }, info());
  if (created.status !== "ok") throw new Error(created.status);
  return customer;
}

async function eventsOf(accountId: string) {
  const rows = await db()
    .select({ eventType: webhookDeliveries.eventType, payload: webhookDeliveries.payload })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.accountId, accountId))
    .orderBy(webhookDeliveries.createdAt);
  return rows;
}
const typesOf = async (accountId: string) => (await eventsOf(accountId)).map((row) => row.eventType);

class RolledBack extends Error {}
/** Runs `work` in a transaction that is then rolled back, as a failure after the change would. */
async function rolledBack(work: (tx: ReturnType<typeof getDb>) => Promise<unknown>) {
  await expect(
    getDb().transaction(async (tx) => {
      await work(tx as unknown as ReturnType<typeof getDb>);
      throw new RolledBack();
    }),
  ).rejects.toBeInstanceOf(RolledBack);
}

async function projectOf(customer: SessionUser, staff: SessionUser) {
  return createProject(staff, { accountId: customer.accountId!, name: "Website", description: "", status: "planned", startDate: null, dueDate: null }, info(), undefined, { notifyMembers: false });
}

describe("webhook events", () => {
  it("call.completed: one per completed call of a batch, none for missed ones, inserted with the calls", async () => {
    const customer = await subscribedCustomer();
    const other = await signedInUser("customer", "no-hooks");
    const [completed] = await testCalls(customer.accountId!, [{ status: "completed" }, { status: "missed" }]);
    await testCalls(other.accountId!, [{ status: "completed" }]);
    const events = await eventsOf(customer.accountId!);
    expect(events.map((event) => event.eventType)).toEqual(["call.completed"]);
    expect(events[0]!.payload).toMatchObject({ type: "call.completed", data: { id: completed, status: "completed", url: expect.stringMatching(new RegExp(`/api/v1/calls/${completed}$`)) } });
    expect(await eventsOf(other.accountId!)).toEqual([]);
  });

  it("invoice.issued when staff send an invoice, not when they draft it", async () => {
    const [customer, staff] = [await subscribedCustomer(), await signedInUser("admin")];
    const invoice = await createInvoice(
      staff,
      { accountId: customer.accountId!, projectId: null, currency: "eur", taxRate: 0, issueDate: "2026-11-01", dueDate: "2026-11-15", notes: "", items: [{ description: "Design", quantity: 1, unitAmount: 1999 }] },
      info(),
    );
    expect(await typesOf(customer.accountId!)).toEqual([]);
    await rolledBack((tx) => sendInvoice(staff, { invoiceId: invoice.id }, info(), tx));
    expect(await typesOf(customer.accountId!)).toEqual([]);
    await sendInvoice(staff, { invoiceId: invoice.id }, info());
    const [event] = await eventsOf(customer.accountId!);
    expect(event).toMatchObject({ eventType: "invoice.issued", payload: { data: { id: invoice.id, status: "open", total: { amount: 1999, currency: "eur" }, dueDate: "2026-11-15" } } });
  });

  it("invoice.paid when a payment covers an invoice, payment.failed when one is declined", async () => {
    const customer = await subscribedCustomer();
    const invoice = await testOpenInvoice(customer.accountId!, 5_000, "eur");
    const payment = { invoiceId: invoice.id, method: "card" as const, provider: "demo" as const, occurredAt: new Date() };
    await rolledBack((tx) => applySuccessfulPayment({ ...payment, amount: 5_000, providerReference: `pi_${randomUUID()}` }, tx));
    expect(await typesOf(customer.accountId!)).toEqual([]);
    await inTransaction((tx) => recordFailedPayment({ ...payment, amount: 5_000, providerReference: `pi_${randomUUID()}`, failureMessage: "Declined" }, tx));
    await inTransaction((tx) => applySuccessfulPayment({ ...payment, amount: 2_000, providerReference: `pi_${randomUUID()}` }, tx));
    expect(await typesOf(customer.accountId!)).toEqual(["payment.failed"]);
    await inTransaction((tx) => applySuccessfulPayment({ ...payment, amount: 3_000, providerReference: `pi_${randomUUID()}` }, tx));
    const events = await eventsOf(customer.accountId!);
    expect(events.map((event) => event.eventType)).toEqual(["payment.failed", "invoice.paid"]);
    expect(events[0]!.payload).toMatchObject({ data: { invoiceId: invoice.id, amount: { amount: 5_000, currency: "eur" }, failureMessage: "Declined" } });
    expect(events[1]!.payload).toMatchObject({ data: { id: invoice.id, status: "paid", amountPaid: { amount: 5_000, currency: "eur" } } });
  });

  it("project.status_changed with from and to, milestone.reached when a milestone is done (not when reopened)", async () => {
    const [customer, staff] = [await subscribedCustomer(), await signedInUser("admin")];
    const project = await projectOf(customer, staff);
    await rolledBack((tx) => changeProjectStatus(staff, { projectId: project.id, status: "in_progress" }, info(), tx));
    expect(await typesOf(customer.accountId!)).toEqual([]);
    await changeProjectStatus(staff, { projectId: project.id, status: "in_progress" }, info());
    await changeProjectStatus(staff, { projectId: project.id, status: "in_progress" }, info());
    const milestone = await createMilestone(staff, { projectId: project.id, title: "Launch", dueDate: "2026-12-01" }, info());
    await setMilestoneDone(staff, { milestoneId: milestone.id, done: true }, info());
    await setMilestoneDone(staff, { milestoneId: milestone.id, done: false }, info());
    const events = await eventsOf(customer.accountId!);
    expect(events.map((event) => event.eventType)).toEqual(["project.status_changed", "milestone.reached"]);
    expect(events[0]!.payload).toMatchObject({ data: { id: project.id, from: "planned", to: "in_progress" } });
    expect(events[1]!.payload).toMatchObject({ data: { id: milestone.id, title: "Launch", project: { id: project.id } } });
  });

  it("message.received when the team writes, not when the customer does", async () => {
    const [customer, staff] = [await subscribedCustomer(), await signedInUser("admin")];
    const started = await startThread(customer, { subject: "Question", body: "Hello", projectId: null, attachmentIds: [] });
    expect(await typesOf(customer.accountId!)).toEqual([]);
    if (started.status !== "ok") throw new Error(started.status);
    await rolledBack((tx) => adminReplyToThread(staff, { threadId: started.threadId, body: "Hi", attachmentIds: [] }, info(), tx));
    expect(await typesOf(customer.accountId!)).toEqual([]);
    await adminReplyToThread(staff, { threadId: started.threadId, body: "Hi", attachmentIds: [] }, info());
    await adminStartThread(staff, { accountId: customer.accountId!, subject: "News", body: "From us", projectId: null, attachmentIds: [] }, info());
    const events = await eventsOf(customer.accountId!);
    expect(events.map((event) => event.eventType)).toEqual(["message.received", "message.received"]);
    expect(events[0]!.payload).toMatchObject({ data: { threadId: started.threadId, subject: "Question" } });
  });

  it("subscription.updated when the provider's events change the subscription, not for a repeat", async () => {
    const customer = await subscribedCustomer();
    const customerId = await withStripeCustomer(customer.accountId!);
    const plan = await testPlan({ name: "Starter" });
    const state = {
      id: `sub_${customer.accountId!.replace(/-/g, "")}`,
      customerId,
      accountId: customer.accountId!,
      planId: plan.id,
      priceId: plan.stripePriceId!,
      status: "active" as const,
      periodStart: new Date("2026-11-01T00:00:00Z"),
      periodEnd: new Date("2026-12-01T00:00:00Z"),
      cancelAtPeriodEnd: false,
      cancelReason: null,
      canceledAt: null,
    };
    const deliver = async (event: object) => {
      const payload = JSON.stringify(event);
      const response = await stripeWebhook(new Request("http://localhost/api/stripe/webhook", { method: "POST", headers: { "stripe-signature": signStripePayload(payload) }, body: payload }));
      expect(response.status).toBe(200);
    };
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 10, minute));
    await deliver(demoEvent("customer.subscription.created", subscriptionObject(state), { created: at(0) }));
    await deliver(demoEvent("customer.subscription.updated", subscriptionObject(state), { created: at(1) }));
    await deliver(demoEvent("customer.subscription.updated", subscriptionObject({ ...state, cancelAtPeriodEnd: true }), { created: at(2) }));
    const events = await eventsOf(customer.accountId!);
    expect(events.map((event) => event.eventType)).toEqual(["subscription.updated", "subscription.updated"]);
    expect(events[1]!.payload).toMatchObject({ data: { status: "active", plan: { id: plan.id, name: "Starter" }, cancelAtPeriodEnd: true, currentPeriodEnd: "2026-12-01T00:00:00.000Z" } });
  });

  it("go only to endpoints subscribed to their type, and to none without an endpoint", async () => {
    const customer = await subscribedCustomer(["invoice.paid"]);
    await testCalls(customer.accountId!, [{ status: "completed" }]);
    expect(await typesOf(customer.accountId!)).toEqual([]);
    const bare = await signedInUser("customer", "bare");
    const invoice = await testOpenInvoice(bare.accountId!, 100);
    await inTransaction((tx) => applySuccessfulPayment({ invoiceId: invoice.id, amount: 100, method: "card", provider: "demo", providerReference: `pi_${randomUUID()}`, occurredAt: new Date() }, tx));
    expect(await typesOf(bare.accountId!)).toEqual([]);
  });
});
