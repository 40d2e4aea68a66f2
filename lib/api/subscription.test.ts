import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as stripeWebhook } from "@/app/api/stripe/webhook/route";
import { POST as cancelRoute } from "@/app/api/v1/subscription/cancel/route";
import { GET as previewRoute, POST as changeRoute } from "@/app/api/v1/subscription/change/route";
import { POST as fixPaymentRoute } from "@/app/api/v1/subscription/fix-payment/route";
import { GET as plansRoute } from "@/app/api/v1/plans/route";
import { POST as reactivateRoute } from "@/app/api/v1/subscription/reactivate/route";
import { GET as getRoute, POST as subscribeRoute } from "@/app/api/v1/subscription/route";
import { listPlans } from "@/db/queries/plans";
import { demoCheckoutSessions, subscriptions } from "@/db/schema";
import { setupTestDatabase, signedInUser } from "@/db/testing";
import { callApi, testApiToken } from "@/db/testing/api";
import { testPlan } from "@/db/testing/billing";
import { payDemoCheckout } from "@/lib/billing/demo-checkout";
import { useWebhookTransport } from "@/lib/billing/demo-delivery";
import { CANCEL_REASON_MAX, DEMO_CARD_SUCCEEDS } from "@/lib/constants";
import { runQueuedJobs } from "@/lib/jobs/testing";
import { subscriptionEndpoints } from "./endpoints/subscription";

const db = setupTestDatabase();

// No server runs here: demo mode's signed events go to the webhook route's handler directly.
beforeAll(() =>
  useWebhookTransport(async (payload, signature) => (await stripeWebhook(new Request("http://localhost/api/stripe/webhook", { method: "POST", headers: { "stripe-signature": signature }, body: payload }))).status),
);
afterAll(() => useWebhookTransport(null));
afterEach(async () => {
  await runQueuedJobs();
});

const getSubscription = (token: string) => callApi(getRoute, subscriptionEndpoints.get, { token });
const plans = (token: string) => callApi(plansRoute, subscriptionEndpoints.plans, { token });
const subscribe = (token: string, body: unknown, key?: string) => callApi(subscribeRoute, subscriptionEndpoints.subscribe, { token, body, headers: key ? { "idempotency-key": key } : {} });
const change = (token: string, body: unknown, key?: string) => callApi(changeRoute, subscriptionEndpoints.change, { token, body, headers: key ? { "idempotency-key": key } : {} });
const preview = (token: string, planId: string) => callApi(previewRoute, subscriptionEndpoints.previewChange, { token, query: { planId } });
const fixPayment = (token: string, key?: string) => callApi(fixPaymentRoute, subscriptionEndpoints.fixPayment, { token, headers: key ? { "idempotency-key": key } : {} });
const cancel = (token: string, body: unknown = {}) => callApi(cancelRoute, subscriptionEndpoints.cancel, { token, body });
const reactivate = (token: string) => callApi(reactivateRoute, subscriptionEndpoints.reactivate, { token });

const checkoutsOf = (accountId: string) => db().select().from(demoCheckoutSessions).where(and(eq(demoCheckoutSessions.accountId, accountId), eq(demoCheckoutSessions.purpose, "subscription")));
const subscriptionRows = (accountId: string) => db().select().from(subscriptions).where(eq(subscriptions.accountId, accountId));

describe("GET /api/v1/plans", () => {
  it("lists the plans on offer with their prices, in order, never an inactive one or a Stripe price", async () => {
    const offered = await testPlan({ name: "Offered", monthlyPrice: 4900, currency: "eur", features: ["Calls", "Recordings"] });
    const retired = await testPlan({ name: "Retired", active: false });
    const customer = await signedInUser("customer", "api-plans");
    const { status, json } = await plans(await testApiToken(customer, ["subscription:read"]));
    expect(status).toBe(200);
    expect(json.data.map((plan: { id: string }) => plan.id)).toEqual((await listPlans({ onlyActive: true })).map((plan) => plan.id));
    expect(json.data.find((plan: { id: string }) => plan.id === offered.id)).toEqual({
      id: offered.id,
      key: offered.key,
      name: "Offered",
      description: "",
      monthlyPrice: 4900,
      currency: "eur",
      features: ["Calls", "Recordings"],
      includedMinutes: 300,
      maxAgents: 1,
      recordingRetentionDays: 30,
    });
    expect(json.data.some((plan: { id: string }) => plan.id === retired.id)).toBe(false);
    expect(JSON.stringify(json)).not.toContain("price_test_");
  });
});

describe("the subscription through the API, in demo mode", () => {
  it("subscribes once per Idempotency-Key, then shows the plan, period, days left and usage the billing page shows", async () => {
    const customer = await signedInUser("customer", "api-subscriber");
    const token = await testApiToken(customer, ["subscription:write"]);
    const starter = await testPlan({ name: "Starter", monthlyPrice: 2900, includedMinutes: 500 });
    expect((await getSubscription(token)).json).toEqual({ subscription: null });

    const first = await subscribe(token, { planId: starter.id }, "subscribe-once");
    expect(first.status).toBe(201);
    expect(first.json.checkoutUrl).toMatch(/^https?:\/\/[^/]+\/dashboard\/billing\/checkout\/[0-9a-f-]{36}$/);
    const again = await subscribe(token, { planId: starter.id }, "subscribe-once");
    expect(again.json).toEqual(first.json);
    expect(again.response.headers.get("idempotent-replayed")).toBe("true");
    const checkouts = await checkoutsOf(customer.accountId!);
    expect(checkouts).toHaveLength(1);
    expect(checkouts[0]).toMatchObject({ planId: starter.id, amount: 2900 });
    // Starting a checkout subscribes no one: only the provider's confirmed payment does.
    expect(await subscriptionRows(customer.accountId!)).toEqual([]);
    const reused = await subscribe(token, { planId: randomUUID() }, "subscribe-once");
    expect(reused.status).toBe(422);
    expect(reused.json.error.code).toBe("idempotency_key_reused");
    expect(await checkoutsOf(customer.accountId!)).toHaveLength(1);

    expect(await payDemoCheckout(customer, { checkoutId: checkouts[0]!.id, cardNumber: DEMO_CARD_SUCCEEDS })).toMatchObject({ status: "paid" });
    const [row] = await subscriptionRows(customer.accountId!);
    const { status, json } = await getSubscription(token);
    expect(status).toBe(200);
    expect(json.subscription).toEqual({
      id: row!.id,
      status: "active",
      plan: { id: starter.id, key: starter.key, name: "Starter", monthlyPrice: 2900, currency: "usd", includedMinutes: 500, maxAgents: 1, recordingRetentionDays: 30 },
      currentPeriodStart: row!.currentPeriodStart.toISOString(),
      currentPeriodEnd: row!.currentPeriodEnd.toISOString(),
      daysRemaining: expect.any(Number),
      cancelAtPeriodEnd: false,
      usage: { calls: 0, minutes: 0, includedMinutes: 500, percent: 0 },
    });
    expect(json.subscription.daysRemaining).toBeGreaterThanOrEqual(27);
    expect(json.subscription.daysRemaining).toBeLessThanOrEqual(31);

    const refused = await subscribe(token, { planId: starter.id });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe("already_subscribed");
  });

  it("changes plan, cancels at the period's end and reactivates through the billing services, refusing what they refuse", async () => {
    const customer = await signedInUser("customer", "api-changer");
    const token = await testApiToken(customer, ["subscription:write"]);
    const starter = await testPlan({ name: "Starter", monthlyPrice: 2900 });
    const professional = await testPlan({ name: "Professional", monthlyPrice: 9900 });
    const euro = await testPlan({ name: "Euro", monthlyPrice: 2900, currency: "eur" });

    // Nothing to change before subscribing.
    for (const [call, code] of [
      [() => change(token, { planId: professional.id }), "no_subscription"],
      [() => cancel(token), "no_subscription"],
      [() => reactivate(token), "no_subscription"],
    ] as const) {
      const { status, json } = await call();
      expect(status).toBe(409);
      expect(json.error.code).toBe(code);
    }

    const checkout = await subscribe(token, { planId: starter.id });
    await payDemoCheckout(customer, { checkoutId: checkout.json.checkoutUrl.split("/").at(-1), cardNumber: DEMO_CARD_SUCCEEDS });

    expect((await change(token, { planId: starter.id })).json.error.code).toBe("same_plan");
    const otherCurrency = await change(token, { planId: euro.id });
    expect(otherCurrency.status).toBe(422);
    expect(otherCurrency.json.error).toMatchObject({ code: "plan_unavailable", fields: { planId: expect.any(String) } });
    const malformed = await change(token, { planId: "starter" });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.fields).toEqual({ planId: "This value is not valid." });

    const quote = await preview(token, professional.id);
    expect(quote.status).toBe(200);
    // A month's difference is 70.00; about a whole month is left, so close to all of it.
    expect(quote.json).toMatchObject({ currency: "usd", periodEnd: (await subscriptionRows(customer.accountId!))[0]!.currentPeriodEnd.toISOString() });
    expect(quote.json.amountDue).toBeGreaterThan(6500);
    expect(quote.json.amountDue).toBeLessThanOrEqual(7000);
    expect((await preview(token, starter.id)).json.error.code).toBe("same_plan");
    expect((await preview(token, "starter")).json.error.fields).toEqual({ planId: "This value is not valid." });

    const changed = await change(token, { planId: professional.id }, "upgrade");
    expect(changed.status).toBe(202);
    expect(changed.json.subscription).toMatchObject({ status: "active", plan: { id: professional.id, name: "Professional" } });
    expect(await change(token, { planId: professional.id }, "upgrade")).toMatchObject({ status: 202, json: changed.json });
    expect((await subscriptionRows(customer.accountId!)).map((row) => row.planId)).toEqual([professional.id]);

    const tooLong = await cancel(token, { reason: "x".repeat(CANCEL_REASON_MAX + 1) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.json.error.fields).toEqual({ reason: "Use at most 500 characters." });
    const cancelled = await cancel(token, { reason: "Moving to another provider" });
    expect(cancelled.status).toBe(202);
    expect(cancelled.json.subscription).toMatchObject({ status: "active", cancelAtPeriodEnd: true });
    expect((await subscriptionRows(customer.accountId!))[0]).toMatchObject({ cancelAtPeriodEnd: true, cancelReason: "Moving to another provider" });
    expect((await cancel(token)).json.error.code).toBe("already_canceling");

    const kept = await reactivate(token);
    expect(kept.status).toBe(202);
    expect(kept.json.subscription.cancelAtPeriodEnd).toBe(false);
    expect((await reactivate(token)).json.error.code).toBe("not_canceling");
  });

  it("sends a past-due customer to settle what is owed, once per Idempotency-Key; refuses when nothing is due", async () => {
    const customer = await signedInUser("customer", "api-past-due");
    const token = await testApiToken(customer, ["subscription:write"]);
    const plan = await testPlan({ name: "Starter", monthlyPrice: 2900 });
    expect((await fixPayment(token)).json.error.code).toBe("not_past_due");
    const checkout = await subscribe(token, { planId: plan.id });
    await payDemoCheckout(customer, { checkoutId: checkout.json.checkoutUrl.split("/").at(-1), cardNumber: DEMO_CARD_SUCCEEDS });
    const refused = await fixPayment(token);
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe("not_past_due");

    // As the provider's event would leave it.
    await db().update(subscriptions).set({ status: "past_due" }).where(eq(subscriptions.accountId, customer.accountId!));
    expect((await getSubscription(token)).json.subscription.status).toBe("past_due");
    const first = await fixPayment(token, "fix-once");
    expect(first.status).toBe(201);
    expect(first.json.checkoutUrl).toMatch(/^https?:\/\/[^/]+\/dashboard\/billing\/checkout\/[0-9a-f-]{36}$/);
    expect(await fixPayment(token, "fix-once")).toMatchObject({ status: 201, json: first.json });
    const fixes = await db().select().from(demoCheckoutSessions).where(and(eq(demoCheckoutSessions.accountId, customer.accountId!), eq(demoCheckoutSessions.purpose, "fix_payment")));
    expect(fixes).toHaveLength(1);
    expect(fixes[0]).toMatchObject({ amount: 2900 });
  });

  it("acts on the token's own account only, and a read token can look but not change", async () => {
    const subscriber = await signedInUser("customer", "api-sub-owner");
    const stranger = await signedInUser("customer", "api-sub-stranger");
    const plan = await testPlan({ name: "Starter", monthlyPrice: 2900 });
    const writer = await testApiToken(subscriber, ["subscription:write"]);
    const checkout = await subscribe(writer, { planId: plan.id });
    await payDemoCheckout(subscriber, { checkoutId: checkout.json.checkoutUrl.split("/").at(-1), cardNumber: DEMO_CARD_SUCCEEDS });

    const strangerToken = await testApiToken(stranger, ["subscription:write"]);
    expect((await getSubscription(strangerToken)).json).toEqual({ subscription: null });
    expect((await cancel(strangerToken)).json.error.code).toBe("no_subscription");
    expect((await subscriptionRows(subscriber.accountId!))[0]!.cancelAtPeriodEnd).toBe(false);

    const reader = await testApiToken(subscriber, ["subscription:read"]);
    expect((await getSubscription(reader)).json.subscription.plan.id).toBe(plan.id);
    expect((await preview(reader, randomUUID())).json.error.code).toBe("plan_unavailable");
    for (const refused of [await cancel(reader), await reactivate(reader), await change(reader, { planId: plan.id }), await subscribe(reader, { planId: plan.id }), await fixPayment(reader)]) {
      expect(refused.status).toBe(403);
      expect(refused.json.error.code).toBe("insufficient_scope");
    }
    const invoicesOnly = await testApiToken(subscriber, ["invoices:write"]);
    expect((await getSubscription(invoicesOnly)).status).toBe(403);
    expect((await plans(invoicesOnly)).status).toBe(403);
    expect((await subscriptionRows(subscriber.accountId!))[0]!.cancelAtPeriodEnd).toBe(false);
  });
});
