import { and, count, eq, inArray, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { emailOutbox, invoices, notifications, payments, processedStripeEvents, subscriptions } from "@/db/schema";
import { setupTestDatabase, signedInUser } from "@/db/testing";
import { testOpenInvoice, testPlan, withStripeCustomer } from "@/db/testing/billing";
import { POST } from "@/app/api/stripe/webhook/route";
import { runQueuedJobs } from "@/lib/jobs/testing";
import { demoEvent, subscriptionObject, type DemoSubscriptionState } from "./demo-events";
import { signStripePayload } from "./webhook";

const db = setupTestDatabase();

afterEach(async () => {
  await runQueuedJobs();
});

function post(payload: string, signature: string | null) {
  const headers = new Headers({ "content-type": "application/json" });
  if (signature) headers.set("stripe-signature", signature);
  return POST(new Request("http://localhost/api/stripe/webhook", { method: "POST", headers, body: payload }));
}

/** Delivers an event as Stripe does: the raw JSON, signed now with the webhook secret. */
function deliver(event: object) {
  const payload = JSON.stringify(event);
  return post(payload, signStripePayload(payload));
}

async function paidCustomer() {
  const user = await signedInUser("customer", "payer");
  const customerId = await withStripeCustomer(user.accountId!);
  const invoice = await testOpenInvoice(user.accountId!, 12_500);
  return { user, customerId, invoice };
}

function checkoutCompleted(invoice: { id: string; accountId: string; total: number }, customerId: string, paymentIntent = `pi_${invoice.id.slice(0, 8)}`) {
  return demoEvent("checkout.session.completed", {
    id: `cs_${invoice.id.slice(0, 8)}`,
    object: "checkout.session",
    mode: "payment",
    payment_status: "paid",
    customer: customerId,
    amount_total: invoice.total,
    currency: "usd",
    payment_intent: paymentIntent,
    metadata: { accountId: invoice.accountId, invoiceId: invoice.id },
  });
}

async function billingRows(invoiceId: string) {
  const [invoice] = await db().select({ status: invoices.status, amountPaid: invoices.amountPaid }).from(invoices).where(eq(invoices.id, invoiceId));
  const paid = await db().select({ amount: payments.amount, status: payments.status }).from(payments).where(eq(payments.invoiceId, invoiceId));
  return { invoice, payments: paid };
}

const eventCount = async () => (await db().select({ n: count() }).from(processedStripeEvents))[0]!.n;

describe("the Stripe webhook's signature check", () => {
  it("answers 400 and writes nothing for a missing, wrong, stale or tampered signature", async () => {
    const { customerId, invoice } = await paidCustomer();
    const event = checkoutCompleted(invoice, customerId);
    const payload = JSON.stringify(event);
    const before = await eventCount();
    const stale = signStripePayload(payload, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    const otherSecret = signStripePayload(payload, { secret: "whsec_someone_else" });
    const tampered = payload.replace(String(invoice.total), "1");
    for (const [body, signature] of [
      [payload, null],
      [payload, "t=1,v1=deadbeef"],
      [payload, otherSecret],
      [payload, stale],
      [tampered, signStripePayload(payload)],
    ] as const) {
      const response = await post(body, signature);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: "bad_request" } });
    }
    expect(await eventCount()).toBe(before);
    expect(await billingRows(invoice.id)).toEqual({ invoice: { status: "open", amountPaid: 0 }, payments: [] });
  });

  it("accepts a signature four minutes old (within the 300 s tolerance)", async () => {
    const { customerId, invoice } = await paidCustomer();
    const payload = JSON.stringify(checkoutCompleted(invoice, customerId));
    const response = await post(payload, signStripePayload(payload, { timestamp: Math.floor(Date.now() / 1000) - 240 }));
    expect(response.status).toBe(200);
    expect((await billingRows(invoice.id)).invoice).toEqual({ status: "paid", amountPaid: 12_500 });
  });

  it("answers 200 to an event it does not handle, and records nothing", async () => {
    const before = await eventCount();
    const response = await deliver(demoEvent("customer.created" as never, { id: "cus_unrelated", object: "customer" }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ received: true, outcome: "ignored" });
    expect(await eventCount()).toBe(before);
  });
});

describe("paying an invoice through the webhook", () => {
  it("applies the same event delivered ten times at once exactly once: one payment, one notification, one email", async () => {
    const { user, customerId, invoice } = await paidCustomer();
    const event = checkoutCompleted(invoice, customerId);
    const answers = await Promise.all(Array.from({ length: 10 }, () => deliver(event)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));
    const outcomes = await Promise.all(answers.map(async (answer) => ((await answer.json()) as { outcome: string }).outcome));
    expect(outcomes.filter((outcome) => outcome === "applied")).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === "duplicate")).toHaveLength(9);

    expect(await billingRows(invoice.id)).toEqual({ invoice: { status: "paid", amountPaid: 12_500 }, payments: [{ amount: 12_500, status: "succeeded" }] });
    const told = await db().select({ type: notifications.type }).from(notifications).where(and(eq(notifications.userId, user.id), eq(notifications.type, "invoice.paid")));
    expect(told).toHaveLength(1);
    const mails = await db().select({ subject: emailOutbox.subject }).from(emailOutbox).where(and(eq(emailOutbox.toAddress, user.email), eq(emailOutbox.template, "notification")));
    expect(mails).toEqual([{ subject: `Invoice ${invoice.number} is paid` }]);
  });

  it("records a second event about the same payment (another event id) once", async () => {
    const { customerId, invoice } = await paidCustomer();
    expect((await deliver(checkoutCompleted(invoice, customerId, `pi_same_${invoice.id}`))).status).toBe(200);
    expect((await deliver(checkoutCompleted(invoice, customerId, `pi_same_${invoice.id}`))).status).toBe(200);
    expect((await billingRows(invoice.id)).payments).toHaveLength(1);
  });

  it("never pays an invoice of another account, even when the event names it", async () => {
    const { invoice } = await paidCustomer();
    const intruder = await signedInUser("customer", "intruder");
    const intruderCustomer = await withStripeCustomer(intruder.accountId!);
    expect((await deliver(checkoutCompleted(invoice, intruderCustomer))).status).toBe(200);
    expect(await billingRows(invoice.id)).toEqual({ invoice: { status: "open", amountPaid: 0 }, payments: [] });
  });

  it("commits nothing when applying fails midway, and the redelivered event succeeds later", async () => {
    const { user, customerId, invoice } = await paidCustomer();
    const event = checkoutCompleted(invoice, customerId);
    // A real failure inside the transaction: the payment row is refused by the database.
    await db().execute(sql`create or replace function refuse_payments() returns trigger language plpgsql as $$ begin raise exception 'injected failure'; end $$`);
    await db().execute(sql`create trigger refuse_payments before insert on payments for each row when (new.invoice_id = ${sql.raw(`'${invoice.id}'`)}) execute function refuse_payments()`);
    try {
      const failed = await deliver(event);
      expect(failed.status).toBe(500);
      expect(await failed.text()).not.toContain("injected");
    } finally {
      await db().execute(sql`drop trigger refuse_payments on payments`);
    }
    expect(await db().select().from(processedStripeEvents).where(eq(processedStripeEvents.id, event.id))).toEqual([]);
    expect(await billingRows(invoice.id)).toEqual({ invoice: { status: "open", amountPaid: 0 }, payments: [] });
    expect(await db().select().from(notifications).where(eq(notifications.userId, user.id))).toEqual([]);

    const retried = await deliver(event);
    expect(retried.status).toBe(200);
    expect((await billingRows(invoice.id)).invoice).toEqual({ status: "paid", amountPaid: 12_500 });
  });

  it("lists a declined payment as failed and tells the customer why, leaving the invoice open", async () => {
    const { user, customerId, invoice } = await paidCustomer();
    const response = await deliver(
      demoEvent("payment_intent.payment_failed", {
        id: `pi_declined_${invoice.id}`,
        object: "payment_intent",
        amount: invoice.total,
        currency: "usd",
        customer: customerId,
        last_payment_error: { code: "card_declined", message: "Your card was declined." },
        metadata: { accountId: invoice.accountId, invoiceId: invoice.id },
      }),
    );
    expect(response.status).toBe(200);
    expect(await billingRows(invoice.id)).toEqual({ invoice: { status: "open", amountPaid: 0 }, payments: [{ amount: 12_500, status: "failed" }] });
    const [told] = await db().select({ type: notifications.type, params: notifications.params }).from(notifications).where(eq(notifications.userId, user.id));
    expect(told).toMatchObject({ type: "payment.failed", params: { number: invoice.number, reason: "Your card was declined." } });
  });
});

describe("subscription events", () => {
  async function subscribed() {
    const user = await signedInUser("customer", "subscriber");
    const customerId = await withStripeCustomer(user.accountId!);
    const [starter, professional] = [await testPlan({ name: "Starter" }), await testPlan({ name: "Professional", monthlyPrice: 9900 })];
    const state = (changes: Partial<DemoSubscriptionState> = {}): DemoSubscriptionState => ({
      id: `sub_${user.accountId!.replace(/-/g, "")}`,
      customerId,
      accountId: user.accountId!,
      planId: starter.id,
      priceId: starter.stripePriceId!,
      status: "active",
      periodStart: new Date("2026-11-01T00:00:00Z"),
      periodEnd: new Date("2026-12-01T00:00:00Z"),
      cancelAtPeriodEnd: false,
      cancelReason: null,
      canceledAt: null,
      ...changes,
    });
    return { user, starter, professional, state };
  }

  const rowOf = async (accountId: string) =>
    db().select({ planId: subscriptions.planId, status: subscriptions.status, cancelAtPeriodEnd: subscriptions.cancelAtPeriodEnd }).from(subscriptions).where(eq(subscriptions.accountId, accountId));

  it("keeps the newest state whatever order the events arrive in", async () => {
    const { user, starter, professional, state } = await subscribed();
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 10, minute));
    const created = demoEvent("customer.subscription.created", subscriptionObject(state()), { created: at(0) });
    const upgraded = demoEvent("customer.subscription.updated", subscriptionObject(state({ planId: professional.id, priceId: professional.stripePriceId! })), { created: at(5) });
    const canceling = demoEvent("customer.subscription.updated", subscriptionObject(state({ planId: professional.id, priceId: professional.stripePriceId!, cancelAtPeriodEnd: true })), { created: at(10) });
    for (const event of [canceling, created, upgraded]) expect((await deliver(event)).status).toBe(200);
    expect(await rowOf(user.accountId!)).toEqual([{ planId: professional.id, status: "active", cancelAtPeriodEnd: true }]);
    expect(starter.id).not.toBe(professional.id);
  });

  it("never brings a deleted subscription back with an older or simultaneous update", async () => {
    const { user, state } = await subscribed();
    const at = new Date(Date.UTC(2026, 10, 25, 11, 0));
    await deliver(demoEvent("customer.subscription.created", subscriptionObject(state()), { created: at }));
    await deliver(demoEvent("customer.subscription.deleted", subscriptionObject(state({ status: "canceled", canceledAt: at })), { created: at }));
    await deliver(demoEvent("customer.subscription.updated", subscriptionObject(state({ status: "past_due" })), { created: at }));
    expect(await rowOf(user.accountId!)).toEqual([expect.objectContaining({ status: "canceled" })]);
  });

  it("tells the customer when the subscription starts, changes plan, is set to end, becomes past due", async () => {
    const { user, professional, state } = await subscribed();
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 12, minute));
    await deliver(demoEvent("customer.subscription.created", subscriptionObject(state()), { created: at(0) }));
    await deliver(demoEvent("customer.subscription.updated", subscriptionObject(state({ planId: professional.id, priceId: professional.stripePriceId! })), { created: at(1) }));
    await deliver(demoEvent("customer.subscription.updated", subscriptionObject(state({ planId: professional.id, priceId: professional.stripePriceId!, cancelAtPeriodEnd: true })), { created: at(2) }));
    await deliver(demoEvent("customer.subscription.updated", subscriptionObject(state({ planId: professional.id, priceId: professional.stripePriceId!, status: "past_due" })), { created: at(3) }));
    const told = await db().select({ type: notifications.type }).from(notifications).where(and(eq(notifications.userId, user.id), inArray(notifications.category, ["billing"]))).orderBy(notifications.createdAt);
    expect(told.map((row) => row.type)).toEqual(["subscription.started", "subscription.planChanged", "subscription.cancelScheduled", "subscription.pastDue"]);
  });

  it("ignores a subscription of a customer it does not know", async () => {
    const { state } = await subscribed();
    const stranger = state().id.replace("sub_", "sub_stranger_");
    const response = await deliver(demoEvent("customer.subscription.created", subscriptionObject(state({ id: stranger, customerId: "cus_stranger" }))));
    expect(response.status).toBe(200);
    expect(await db().select().from(subscriptions).where(eq(subscriptions.stripeSubscriptionId, stranger))).toEqual([]);
  });

  it("of two events in the same second, the one that would take it back to incomplete loses", async () => {
    const { user, state } = await subscribed();
    const second = new Date(Date.UTC(2026, 10, 25, 13, 0));
    await deliver(demoEvent("customer.subscription.updated", subscriptionObject(state({ status: "active" })), { created: second }));
    await deliver(demoEvent("customer.subscription.created", subscriptionObject(state({ status: "incomplete" })), { created: second }));
    expect(await rowOf(user.accountId!)).toEqual([expect.objectContaining({ status: "active" })]);
  });

  it("records Stripe's proration invoice with its credit line, and a downgrade's negative total as paid without a payment", async () => {
    const { user, state } = await subscribed();
    await deliver(demoEvent("customer.subscription.created", subscriptionObject(state())));
    const proration = (id: string, lines: { description: string; amount: number }[]) => {
      const total = lines.reduce((sum, line) => sum + line.amount, 0);
      return {
        id,
        object: "invoice",
        customer: state().customerId,
        currency: "usd",
        status: "paid",
        billing_reason: "subscription_update",
        created: Math.floor(Date.now() / 1000),
        due_date: null,
        subtotal: total,
        total,
        total_taxes: [],
        amount_due: Math.max(0, total),
        amount_paid: Math.max(0, total),
        status_transitions: { paid_at: Math.floor(Date.now() / 1000) },
        parent: { type: "subscription_details", subscription_details: { subscription: state().id } },
        lines: { object: "list", data: lines.map((line, index) => ({ id: `il_${index}`, description: line.description, amount: line.amount, quantity: 1 })) },
      };
    };
    const upgrade = `in_up_${user.accountId!.replace(/-/g, "")}`;
    const downgrade = `in_down_${user.accountId!.replace(/-/g, "")}`;
    expect((await deliver(demoEvent("invoice.paid", proration(upgrade, [{ description: "Unused time on Starter", amount: -2_000 }, { description: "Remaining time on Professional", amount: 6_800 }])))).status).toBe(200);
    expect((await deliver(demoEvent("invoice.paid", proration(downgrade, [{ description: "Unused time on Professional", amount: -6_800 }, { description: "Remaining time on Starter", amount: 2_000 }])))).status).toBe(200);
    const copies = await db().select({ stripeInvoiceId: invoices.stripeInvoiceId, total: invoices.total, status: invoices.status, amountPaid: invoices.amountPaid }).from(invoices).where(eq(invoices.accountId, user.accountId!)).orderBy(invoices.createdAt);
    expect(copies).toEqual([
      { stripeInvoiceId: upgrade, total: 4_800, status: "paid", amountPaid: 4_800 },
      { stripeInvoiceId: downgrade, total: -4_800, status: "paid", amountPaid: 0 },
    ]);
  });
});
