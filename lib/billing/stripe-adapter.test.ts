import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { CheckoutRequest, SubscriptionRef, TargetPlan } from "./adapter";
import { createStripeAdapter } from "./stripe-adapter";

/** What the SDK sent: method, path, the form-encoded body decoded, and the headers we care about. */
type Received = { method: string; path: string; form: URLSearchParams; authorization?: string; idempotencyKey?: string };

/** A local stand-in for api.stripe.com that records each request and answers with a minimal object. */
let server: Server;
let received: Received[] = [];
const answers: Record<string, (form: URLSearchParams) => object> = {
  "POST /v1/customers": () => ({ id: "cus_stub_1", object: "customer" }),
  "POST /v1/checkout/sessions": (form) => ({ id: "cs_stub_1", object: "checkout.session", url: `https://checkout.stripe.test/c/${form.get("mode")}` }),
  "GET /v1/subscriptions/sub_stub_1": () => ({ id: "sub_stub_1", object: "subscription", items: { object: "list", data: [{ id: "si_stub_1", object: "subscription_item" }] } }),
  "POST /v1/invoices/create_preview": () => ({ id: "upcoming", object: "invoice", amount_due: 4567, currency: "usd" }),
  "POST /v1/subscriptions/sub_stub_1": () => ({ id: "sub_stub_1", object: "subscription" }),
  "DELETE /v1/subscriptions/sub_stub_1": () => ({ id: "sub_stub_1", object: "subscription", status: "canceled" }),
  "POST /v1/billing_portal/sessions": () => ({ id: "bps_stub_1", object: "billing_portal.session", url: "https://billing.stripe.test/p/session" }),
};

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const [path, query] = (request.url ?? "").split("?");
    const form = new URLSearchParams(request.method === "GET" ? (query ?? "") : await bodyOf(request));
    received.push({ method: request.method!, path: path!, form, authorization: request.headers.authorization, idempotencyKey: request.headers["idempotency-key"] as string | undefined });
    if (form.get("customer") === "cus_unknown" || path === "/v1/subscriptions/sub_gone") {
      response.writeHead(400, { "content-type": "application/json", "request-id": "req_stub" });
      response.end(JSON.stringify({ error: { type: "invalid_request_error", code: "resource_missing", message: "No such customer: 'cus_unknown'" } }));
      return;
    }
    const answer = answers[`${request.method} ${path}`];
    response.writeHead(answer ? 200 : 404, { "content-type": "application/json", "request-id": "req_stub" });
    response.end(JSON.stringify(answer ? answer(form) : { error: { type: "invalid_request_error", message: `no stub for ${request.method} ${path}` } }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  received = [];
});

function adapter() {
  const { port } = server.address() as AddressInfo;
  return createStripeAdapter(new Stripe("sk_test_stub", { host: "127.0.0.1", port, protocol: "http", maxNetworkRetries: 0 }));
}

const checkout = (changes: Partial<CheckoutRequest>): CheckoutRequest => ({
  purpose: "invoice",
  accountId: "acc-1",
  userId: "user-1",
  customerId: "cus_stub_1",
  amount: 12_500,
  currency: "eur",
  description: "Invoice INV-2026-0042",
  invoiceId: "inv-1",
  plan: null,
  stripeInvoiceId: null,
  successUrl: "https://app.test/dashboard/invoices/inv-1?checkout=success",
  cancelUrl: "https://app.test/dashboard/invoices/inv-1?checkout=cancelled",
  ...changes,
});

const professional: TargetPlan = { id: "plan-pro", key: "professional", monthlyPrice: 9900, currency: "usd", stripePriceId: "price_pro" };
const subscription: SubscriptionRef = {
  stripeSubscriptionId: "sub_stub_1",
  customerId: "cus_stub_1",
  accountId: "acc-1",
  status: "active",
  cancelAtPeriodEnd: false,
  currentPeriodStart: new Date("2026-11-01T00:00:00Z"),
  currentPeriodEnd: new Date("2026-12-01T00:00:00Z"),
  plan: { id: "plan-starter", key: "starter", monthlyPrice: 2900, currency: "usd", stripePriceId: "price_starter" },
};

describe("the Stripe adapter's requests", () => {
  it("creates the customer once per account, with the secret key and an idempotency key", async () => {
    expect(await adapter().createCustomer({ id: "acc-1", name: "Acme", email: "billing@acme.test" })).toBe("cus_stub_1");
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request).toMatchObject({ method: "POST", path: "/v1/customers", authorization: "Bearer sk_test_stub", idempotencyKey: "customer-acc-1" });
    expect(Object.fromEntries(request!.form)).toMatchObject({ name: "Acme", email: "billing@acme.test", "metadata[accountId]": "acc-1" });
  });

  it("opens a payment-mode Checkout for an invoice with the server's amount, currency and customer", async () => {
    expect(await adapter().startCheckout(checkout({}))).toEqual({ url: "https://checkout.stripe.test/c/payment" });
    const form = Object.fromEntries(received[0]!.form);
    expect(received[0]).toMatchObject({ method: "POST", path: "/v1/checkout/sessions" });
    expect(form).toMatchObject({
      mode: "payment",
      "allowed_payment_method_types[0]": "card",
      customer: "cus_stub_1",
      "line_items[0][price_data][unit_amount]": "12500",
      "line_items[0][price_data][currency]": "eur",
      "line_items[0][quantity]": "1",
      "metadata[invoiceId]": "inv-1",
      "payment_intent_data[metadata][invoiceId]": "inv-1",
      success_url: "https://app.test/dashboard/invoices/inv-1?checkout=success",
    });
  });

  it("opens a subscription-mode Checkout on the plan's Stripe price", async () => {
    await adapter().startCheckout(checkout({ purpose: "subscription", invoiceId: null, plan: { id: "plan-pro", name: "Professional", stripePriceId: "price_pro" } }));
    expect(Object.fromEntries(received[0]!.form)).toMatchObject({ mode: "subscription", "line_items[0][price]": "price_pro", "subscription_data[metadata][planId]": "plan-pro", "metadata[accountId]": "acc-1" });
    expect(received[0]!.form.has("line_items[0][price_data][unit_amount]")).toBe(false);
  });

  it("previews and applies a plan change with proration on the subscription's item", async () => {
    expect(await adapter().previewPlanChange(subscription, professional)).toEqual({ amountDue: 4567, currency: "usd" });
    expect(received.map((request) => `${request.method} ${request.path}`)).toEqual(["GET /v1/subscriptions/sub_stub_1", "POST /v1/invoices/create_preview"]);
    expect(Object.fromEntries(received[1]!.form)).toMatchObject({
      customer: "cus_stub_1",
      subscription: "sub_stub_1",
      "subscription_details[items][0][id]": "si_stub_1",
      "subscription_details[items][0][price]": "price_pro",
      "subscription_details[proration_behavior]": "always_invoice",
    });

    received = [];
    await adapter().changePlan(subscription, professional);
    expect(received.map((request) => `${request.method} ${request.path}`)).toEqual(["GET /v1/subscriptions/sub_stub_1", "POST /v1/subscriptions/sub_stub_1"]);
    expect(Object.fromEntries(received[1]!.form)).toMatchObject({ "items[0][id]": "si_stub_1", "items[0][price]": "price_pro", proration_behavior: "always_invoice", payment_behavior: "pending_if_incomplete" });
  });

  it("sets and clears cancel at period end, passing the customer's reason", async () => {
    await adapter().setCancelAtPeriodEnd(subscription, true, "Too expensive");
    await adapter().setCancelAtPeriodEnd(subscription, false, null);
    expect(received.map((request) => Object.fromEntries(request.form))).toEqual([
      { cancel_at_period_end: "true", "cancellation_details[comment]": "Too expensive" },
      { cancel_at_period_end: "false" },
    ]);
  });

  it("sends a past-due customer to the customer portal", async () => {
    expect(await adapter().fixPayment(checkout({ purpose: "fix_payment", successUrl: "https://app.test/dashboard/billing" }))).toEqual({ url: "https://billing.stripe.test/p/session" });
    expect(received[0]).toMatchObject({ method: "POST", path: "/v1/billing_portal/sessions" });
    expect(Object.fromEntries(received[0]!.form)).toEqual({ customer: "cus_stub_1", return_url: "https://app.test/dashboard/billing" });
  });

  it("refuses to subscribe to a plan without a Stripe price before calling Stripe", async () => {
    await expect(adapter().changePlan(subscription, { ...professional, stripePriceId: null })).rejects.toThrow(/no Stripe price/);
    await expect(adapter().previewPlanChange(subscription, { ...professional, stripePriceId: null })).rejects.toThrow(/no Stripe price/);
    expect(received).toEqual([]);
  });

  it("turns Stripe's refusal into a message for the customer, never its details", async () => {
    const failing = adapter();
    const refusal = await failing.fixPayment(checkout({ customerId: "cus_unknown" })).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: "unavailable" });
  });

  it("cancels a closing account's subscription now, and counts one Stripe no longer knows as cancelled", async () => {
    await adapter().cancelNow(subscription);
    expect(received.map(({ method, path, idempotencyKey }) => ({ method, path, idempotencyKey }))).toEqual([
      { method: "DELETE", path: "/v1/subscriptions/sub_stub_1", idempotencyKey: "cancel-sub_stub_1" },
    ]);
    await expect(adapter().cancelNow({ ...subscription, stripeSubscriptionId: "sub_gone" })).resolves.toBeUndefined();
  });
});
