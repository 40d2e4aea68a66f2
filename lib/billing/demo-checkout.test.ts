import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { demoCheckoutSessions, invoices, payments, subscriptions } from "@/db/schema";
import { setupTestDatabase, signedInUser } from "@/db/testing";
import { testOpenInvoice, testPlan } from "@/db/testing/billing";
import { POST } from "@/app/api/stripe/webhook/route";
import { runQueuedJobs } from "@/lib/jobs/testing";
import { fixPayment, payInvoice, startSubscriptionCheckout } from "./checkout";
import { DEMO_CARD_DECLINED, DEMO_CARD_SUCCEEDS } from "@/lib/constants";
import { getOpenDemoCheckout, payDemoCheckout } from "./demo-checkout";
import { useWebhookTransport } from "./demo-delivery";
import { demoEvent, subscriptionObject } from "./demo-events";
import { renewDemoSubscriptions } from "./demo-renewals";
import { voidInvoice } from "./invoices";
import { cancelSubscription, changePlan, previewPlanChange, reactivateSubscription } from "./subscriptions";
import { signStripePayload } from "./webhook";

const db = setupTestDatabase();
const info = { ip: "2001:db8::77", userAgent: "vitest" };

// No server runs here: demo mode's signed events go to the webhook route's handler directly.
beforeAll(() =>
  useWebhookTransport(async (payload, signature) => {
    const response = await POST(new Request("http://localhost/api/stripe/webhook", { method: "POST", headers: { "stripe-signature": signature }, body: payload }));
    return response.status;
  }),
);
afterAll(() => useWebhookTransport(null));
afterEach(async () => {
  await runQueuedJobs();
});

const checkoutIdOf = (url: string) => /\/dashboard\/billing\/checkout\/([0-9a-f-]{36})$/.exec(url)?.[1] ?? null;

async function started(result: { status: string; url?: string }) {
  expect(result.status).toBe("redirect");
  const id = checkoutIdOf((result as { url: string }).url);
  expect(id).toBeTruthy();
  return id!;
}

const invoiceState = async (id: string) => {
  const [invoice] = await db().select({ status: invoices.status, amountPaid: invoices.amountPaid }).from(invoices).where(eq(invoices.id, id));
  const rows = await db().select({ amount: payments.amount, status: payments.status, provider: payments.provider }).from(payments).where(eq(payments.invoiceId, id)).orderBy(payments.createdAt);
  return { ...invoice, payments: rows };
};

describe("paying an invoice in demo mode", () => {
  it("charges the open balance fixed by the server; the test card pays it once, through the webhook", async () => {
    const customer = await signedInUser("customer", "demo-payer");
    const invoice = await testOpenInvoice(customer.accountId!, 20_000);
    const checkoutId = await started(await payInvoice(customer, { invoiceId: invoice.id }, info));
    expect(await getOpenDemoCheckout(customer, checkoutId)).toMatchObject({ purpose: "invoice", amount: 20_000, currency: "usd", invoiceNumber: invoice.number, open: true });

    expect(await payDemoCheckout(customer, { checkoutId, cardNumber: DEMO_CARD_SUCCEEDS })).toEqual({ status: "paid", redirect: `/dashboard/invoices/${invoice.id}?checkout=success` });
    expect(await invoiceState(invoice.id)).toEqual({ status: "paid", amountPaid: 20_000, payments: [{ amount: 20_000, status: "succeeded", provider: "demo" }] });
    // A second submit of the same page (another tab) charges nothing more.
    expect(await payDemoCheckout(customer, { checkoutId, cardNumber: DEMO_CARD_SUCCEEDS })).toEqual({ status: "closed" });
    expect(await payInvoice(customer, { invoiceId: invoice.id }, info)).toEqual({ status: "not_payable" });
    expect((await invoiceState(invoice.id)).payments).toHaveLength(1);
  });

  it("a declined card leaves the invoice open with the failed attempt listed, and the page payable again", async () => {
    const customer = await signedInUser("customer", "declined");
    const invoice = await testOpenInvoice(customer.accountId!, 5_000);
    const checkoutId = await started(await payInvoice(customer, { invoiceId: invoice.id }, info));
    expect(await payDemoCheckout(customer, { checkoutId, cardNumber: DEMO_CARD_DECLINED })).toEqual({ status: "declined" });
    expect(await invoiceState(invoice.id)).toEqual({ status: "open", amountPaid: 0, payments: [{ amount: 5_000, status: "failed", provider: "demo" }] });
    expect(await payDemoCheckout(customer, { checkoutId, cardNumber: DEMO_CARD_SUCCEEDS })).toMatchObject({ status: "paid" });
    expect((await invoiceState(invoice.id)).status).toBe("paid");
  });

  it("another customer can neither start paying the invoice nor use its checkout", async () => {
    const owner = await signedInUser("customer", "owner");
    const intruder = await signedInUser("customer", "intruder");
    const invoice = await testOpenInvoice(owner.accountId!);
    expect(await payInvoice(intruder, { invoiceId: invoice.id }, info)).toEqual({ status: "not_found" });
    const checkoutId = await started(await payInvoice(owner, { invoiceId: invoice.id }, info));
    expect(await getOpenDemoCheckout(intruder, checkoutId)).toBeNull();
    expect(await payDemoCheckout(intruder, { checkoutId, cardNumber: DEMO_CARD_SUCCEEDS })).toEqual({ status: "not_found" });
    expect(await invoiceState(invoice.id)).toMatchObject({ status: "open", payments: [] });
  });

  it("refuses staff, a draft and a void invoice", async () => {
    const admin = await signedInUser("admin");
    const customer = await signedInUser("customer", "drafts");
    const invoice = await testOpenInvoice(customer.accountId!);
    await expect(payInvoice(admin, { invoiceId: invoice.id }, info)).rejects.toMatchObject({ code: "forbidden" });
    await db().update(invoices).set({ status: "draft", sentAt: null }).where(eq(invoices.id, invoice.id));
    expect(await payInvoice(customer, { invoiceId: invoice.id }, info)).toEqual({ status: "not_found" });
    // Voided before it was ever sent: still the staff's alone.
    await db().update(invoices).set({ status: "void" }).where(eq(invoices.id, invoice.id));
    expect(await payInvoice(customer, { invoiceId: invoice.id }, info)).toEqual({ status: "not_found" });
    await db().update(invoices).set({ sentAt: new Date() }).where(eq(invoices.id, invoice.id));
    expect(await payInvoice(customer, { invoiceId: invoice.id }, info)).toEqual({ status: "not_payable" });
    expect(await db().select().from(demoCheckoutSessions).where(eq(demoCheckoutSessions.invoiceId, invoice.id))).toEqual([]);
  });
});

describe("a subscription in demo mode", () => {
  const current = async (accountId: string) => {
    const rows = await db().select().from(subscriptions).where(eq(subscriptions.accountId, accountId));
    expect(rows).toHaveLength(1);
    return rows[0]!;
  };

  it("subscribes, upgrades with proration, cancels at period end and reactivates — each state written by the webhook", async () => {
    const customer = await signedInUser("customer", "subscriber");
    const starter = await testPlan({ name: "Starter", monthlyPrice: 2900 });
    const professional = await testPlan({ name: "Professional", monthlyPrice: 9900 });

    const checkoutId = await started(await startSubscriptionCheckout(customer, { planId: starter.id }, info));
    expect(await db().select().from(subscriptions).where(eq(subscriptions.accountId, customer.accountId!))).toEqual([]);
    expect(await payDemoCheckout(customer, { checkoutId, cardNumber: DEMO_CARD_SUCCEEDS })).toEqual({ status: "paid", redirect: "/dashboard/billing?checkout=success" });
    const subscribed = await current(customer.accountId!);
    expect(subscribed).toMatchObject({ planId: starter.id, status: "active", cancelAtPeriodEnd: false });
    const firstInvoice = await db().select({ kind: invoices.kind, status: invoices.status, total: invoices.total }).from(invoices).where(eq(invoices.accountId, customer.accountId!));
    expect(firstInvoice).toEqual([{ kind: "subscription", status: "paid", total: 2900 }]);
    expect(await startSubscriptionCheckout(customer, { planId: professional.id }, info)).toEqual({ status: "already_subscribed" });

    const preview = await previewPlanChange(customer, { planId: professional.id });
    expect(preview).toMatchObject({ status: "ok", currency: "usd" });
    // A month's difference is 70.00; about a whole month is left, so close to all of it.
    const amountDue = (preview as { amountDue: number }).amountDue;
    expect(amountDue).toBeGreaterThan(6500);
    expect(amountDue).toBeLessThanOrEqual(7000);
    expect(await previewPlanChange(customer, { planId: starter.id })).toEqual({ status: "same_plan" });

    expect(await changePlan(customer, { planId: professional.id }, info)).toEqual({ status: "ok" });
    expect(await current(customer.accountId!)).toMatchObject({ planId: professional.id, status: "active" });
    const proration = await db().select({ total: invoices.total, status: invoices.status }).from(invoices).where(and(eq(invoices.accountId, customer.accountId!), eq(invoices.total, amountDue)));
    expect(proration).toEqual([{ total: amountDue, status: "paid" }]);

    expect(await cancelSubscription(customer, { reason: "Moving to another provider" }, info)).toEqual({ status: "ok" });
    expect(await current(customer.accountId!)).toMatchObject({ cancelAtPeriodEnd: true, cancelReason: "Moving to another provider", status: "active" });
    expect(await cancelSubscription(customer, { reason: "" }, info)).toEqual({ status: "already_canceling" });

    expect(await reactivateSubscription(customer, info)).toEqual({ status: "ok" });
    expect(await current(customer.accountId!)).toMatchObject({ cancelAtPeriodEnd: false, cancelReason: null });
    expect(await reactivateSubscription(customer, info)).toEqual({ status: "not_canceling" });
  });

  it("a past-due customer fixes their payment on the demo checkout: a decline keeps it past due, the test card settles it", async () => {
    const customer = await signedInUser("customer", "past-due");
    const plan = await testPlan({ name: "Starter", monthlyPrice: 2900 });
    const checkoutId = await started(await startSubscriptionCheckout(customer, { planId: plan.id }, info));
    await payDemoCheckout(customer, { checkoutId, cardNumber: DEMO_CARD_SUCCEEDS });
    expect(await fixPayment(customer, info)).toEqual({ status: "not_past_due" });

    // The subscription's invoice is charged by the provider: neither a one-off payment nor a staff step touches it.
    const [subscriptionInvoice] = await db().select({ id: invoices.id }).from(invoices).where(eq(invoices.accountId, customer.accountId!));
    await db().update(invoices).set({ status: "open", amountPaid: 0 }).where(eq(invoices.id, subscriptionInvoice!.id));
    expect(await payInvoice(customer, { invoiceId: subscriptionInvoice!.id }, info)).toEqual({ status: "not_payable" });
    const admin = await signedInUser("admin");
    await expect(voidInvoice(admin, { invoiceId: subscriptionInvoice!.id }, info)).rejects.toMatchObject({ code: "bad_request" });
    await db().update(invoices).set({ status: "paid", amountPaid: 2900 }).where(eq(invoices.id, subscriptionInvoice!.id));

    const row = await current(customer.accountId!);
    const pastDue = subscriptionObject({ id: row.stripeSubscriptionId, customerId: "ignored-for-a-known-subscription", accountId: customer.accountId!, planId: plan.id, priceId: plan.stripePriceId!, status: "past_due", periodStart: row.currentPeriodStart, periodEnd: row.currentPeriodEnd, cancelAtPeriodEnd: false, cancelReason: null, canceledAt: null });
    const payload = JSON.stringify(demoEvent("customer.subscription.updated", pastDue));
    expect((await POST(new Request("http://localhost/api/stripe/webhook", { method: "POST", headers: { "stripe-signature": signStripePayload(payload) }, body: payload }))).status).toBe(200);
    expect((await current(customer.accountId!)).status).toBe("past_due");

    const fixId = await started(await fixPayment(customer, info));
    expect(await getOpenDemoCheckout(customer, fixId)).toMatchObject({ purpose: "fix_payment", amount: 2900 });
    expect(await payDemoCheckout(customer, { checkoutId: fixId, cardNumber: DEMO_CARD_DECLINED })).toEqual({ status: "declined" });
    expect((await current(customer.accountId!)).status).toBe("past_due");
    expect(await payDemoCheckout(customer, { checkoutId: fixId, cardNumber: DEMO_CARD_SUCCEEDS })).toMatchObject({ status: "paid" });
    expect((await current(customer.accountId!)).status).toBe("active");
  });

  it("at the end of a period, renews with a paid invoice for the next month, or ends a subscription set to cancel", async () => {
    const plan = await testPlan({ name: "Starter", monthlyPrice: 2900 });
    const subscribe = async (label: string) => {
      const customer = await signedInUser("customer", label);
      await payDemoCheckout(customer, { checkoutId: await started(await startSubscriptionCheckout(customer, { planId: plan.id }, info)), cardNumber: DEMO_CARD_SUCCEEDS });
      return customer;
    };
    const renewing = await subscribe("renewing");
    const leaving = await subscribe("leaving");
    await cancelSubscription(leaving, { reason: "" }, info);
    // Whole seconds, as Stripe counts time.
    const ended = new Date(Math.floor(Date.now() / 1000 - 60) * 1000);
    for (const customer of [renewing, leaving]) await db().update(subscriptions).set({ currentPeriodEnd: ended }).where(eq(subscriptions.accountId, customer.accountId!));

    const outcome = await renewDemoSubscriptions();
    expect(outcome.renewed).toBeGreaterThanOrEqual(1);
    expect(outcome.ended).toBeGreaterThanOrEqual(1);
    const renewed = await current(renewing.accountId!);
    expect(renewed).toMatchObject({ status: "active", currentPeriodStart: ended });
    expect(renewed.currentPeriodEnd.getTime()).toBeGreaterThan(Date.now() + 27 * 24 * 3600_000);
    const paid = await db().select({ total: invoices.total, status: invoices.status }).from(invoices).where(eq(invoices.accountId, renewing.accountId!));
    expect(paid).toEqual([{ total: 2900, status: "paid" }, { total: 2900, status: "paid" }]);
    expect(await current(leaving.accountId!)).toMatchObject({ status: "canceled" });
    // Run again: nothing is due any more, and nothing is applied twice.
    await renewDemoSubscriptions();
    expect(await db().select().from(invoices).where(eq(invoices.accountId, renewing.accountId!))).toHaveLength(2);
  });
});
