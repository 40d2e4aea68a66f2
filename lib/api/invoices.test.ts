import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getInvoiceRoute } from "@/app/api/v1/invoices/[id]/route";
import { GET as getPdfRoute } from "@/app/api/v1/invoices/[id]/pdf/route";
import { POST as payRoute } from "@/app/api/v1/invoices/[id]/pay/route";
import { GET as listRoute } from "@/app/api/v1/invoices/route";
import type { SessionUser } from "@/db/queries/sessions";
import { listInvoicesForAccount, type CustomerInvoiceFilters } from "@/db/queries/invoices";
import { demoCheckoutSessions, invoices, payments } from "@/db/schema";
import { setupTestDatabase, signedInUser } from "@/db/testing";
import { callApi, testApiToken } from "@/db/testing/api";
import { testOpenInvoice } from "@/db/testing/billing";
import { customerInvoiceFilters } from "@/lib/constants";
import { todayIn } from "@/lib/projects/dates";
import { invoiceEndpoints } from "./endpoints/invoices";

const db = setupTestDatabase();

const list = (token: string, query: Record<string, string> = {}) => callApi(listRoute, invoiceEndpoints.list, { token, query });
const get = (token: string, id: string) => callApi(getInvoiceRoute, invoiceEndpoints.get, { token, params: { id } });
const pdf = (token: string, id: string) => callApi(getPdfRoute, invoiceEndpoints.pdf, { token, params: { id } });
const pay = (token: string, id: string, key?: string) => callApi(payRoute, invoiceEndpoints.pay, { token, params: { id }, headers: key ? { "idempotency-key": key } : {} });

const checkoutsOf = (invoiceId: string) => db().select().from(demoCheckoutSessions).where(eq(demoCheckoutSessions.invoiceId, invoiceId));

/** An invoice of the account issued on `issueDate`, with `changes` applied as staff and payments would leave it. */
async function invoiceOn(accountId: string, issueDate: string, changes: Partial<typeof invoices.$inferInsert> = {}) {
  const invoice = await testOpenInvoice(accountId, 10_000);
  await db()
    .update(invoices)
    .set({ issueDate, dueDate: issueDate, ...changes })
    .where(eq(invoices.id, invoice.id));
  return invoice;
}

let customer: SessionUser;
let other: SessionUser;
let token: string;
let otherToken: string;
let today: string;

beforeAll(async () => {
  customer = await signedInUser("customer", "api-invoices");
  other = await signedInUser("customer", "api-invoices-other");
  token = await testApiToken(customer, ["invoices:write"]);
  otherToken = await testApiToken(other, ["invoices:write"]);
  today = todayIn(customer.timeZone);
  // Open and overdue, open and not yet due, paid, void, uncollectible, two on the same day, and a draft.
  await invoiceOn(customer.accountId!, "2026-01-05");
  await invoiceOn(customer.accountId!, "2099-01-05");
  await invoiceOn(customer.accountId!, "2026-03-01", { status: "paid", amountPaid: 10_000, paidAt: new Date("2026-03-02T10:00:00Z") });
  await invoiceOn(customer.accountId!, "2026-03-01", { status: "void", voidedAt: new Date() });
  await invoiceOn(customer.accountId!, "2026-02-10", { status: "uncollectible" });
  await invoiceOn(customer.accountId!, "2026-04-01", { status: "draft", sentAt: null });
  await invoiceOn(other.accountId!, "2026-02-01");
});

describe("GET /api/v1/invoices", () => {
  it("lists what the invoices page lists, for every status filter and the issue-day range, drafts never", async () => {
    const cases: CustomerInvoiceFilters[] = [{}, ...customerInvoiceFilters.map((status) => ({ status })), { from: "2026-02-01", to: "2026-03-01" }, { status: "open", from: "2026-06-01" }];
    for (const filters of cases) {
      const { status, json } = await list(token, { ...filters });
      expect(status).toBe(200);
      const page = await listInvoicesForAccount(customer.accountId!, filters, today);
      expect(json.data.map((invoice: { id: string }) => invoice.id)).toEqual(page.map((row) => row.id));
      expect(json.nextCursor).toBeNull();
    }
    const all = (await list(token)).json.data;
    expect(all).toHaveLength(5);
    expect(all.find((invoice: { issueDate: string }) => invoice.issueDate === "2026-01-05")).toMatchObject({ status: "open", overdue: true, total: 10_000, amountDue: 10_000, currency: "usd" });
    expect(all.find((invoice: { status: string }) => invoice.status === "paid")).toMatchObject({ amountPaid: 10_000, amountDue: 0 });
    expect((await list(token, { status: "overdue" })).json.data).toHaveLength(1);
  });

  it("pages with a cursor through the same rows in the same order, ties on the day broken by id", async () => {
    const everything = (await listInvoicesForAccount(customer.accountId!, {}, today)).map((row) => row.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: Record<string, string> = cursor ? { limit: "2", cursor } : { limit: "2" };
      const { status, json } = await list(token, query);
      expect(status).toBe(200);
      expect(json.data.length).toBeLessThanOrEqual(2);
      seen.push(...json.data.map((invoice: { id: string }) => invoice.id));
      cursor = json.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual(everything);
    expect(pages).toBe(3);
  });

  it("refuses a made-up cursor, an unknown status and a bad day with 400 and the field", async () => {
    expect((await list(token, { cursor: "bm90LWEtY3Vyc29y" })).json.error).toMatchObject({ code: "bad_request", fields: { cursor: expect.any(String) } });
    expect((await list(token, { status: "draft" })).json.error.fields).toHaveProperty("status");
    expect((await list(token, { from: "2026-13-40" })).json.error.fields).toHaveProperty("from");
    expect((await list(token, { limit: "1000" })).status).toBe(400);
  });

  it("lists none of another customer's invoices, and needs the invoices scope", async () => {
    const { json } = await list(otherToken);
    expect(json.data).toHaveLength(1);
    expect(json.data[0].issueDate).toBe("2026-02-01");
    const callsOnly = await testApiToken(customer, ["calls:read", "subscription:write"]);
    const refused = await list(callsOnly);
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe("insufficient_scope");
  });
});

describe("GET /api/v1/invoices/{id}", () => {
  it("answers the invoice page's lines, totals, tax and payments, but not staff's payment notes", async () => {
    const invoice = await invoiceOn(customer.accountId!, "2026-05-01", { taxRate: 1900, subtotal: 10_000, tax: 1_900, total: 11_900, amountPaid: 4_000, notes: "Thanks!" });
    await db().insert(payments).values([
      { invoiceId: invoice.id, accountId: customer.accountId!, amount: 4_000, currency: "usd", status: "succeeded", method: "bank_transfer", provider: "offline", note: "Staff only: paid late", occurredAt: new Date("2026-05-03T09:00:00Z") },
      { invoiceId: invoice.id, accountId: customer.accountId!, amount: 7_900, currency: "usd", status: "failed", method: "card", provider: "demo", cardBrand: "visa", cardLast4: "0002", failureMessage: "Your card was declined.", occurredAt: new Date("2026-05-04T09:00:00Z") },
    ]);
    const { status, json, response } = await get(token, invoice.id);
    expect(status).toBe(200);
    expect(json).toMatchObject({
      id: invoice.id,
      number: invoice.number,
      status: "open",
      kind: "project",
      taxRate: 1900,
      subtotal: 10_000,
      tax: 1_900,
      total: 11_900,
      amountPaid: 4_000,
      amountDue: 7_900,
      notes: "Thanks!",
      payable: true,
      project: null,
      items: [{ description: "Design work", quantity: 1, unitAmount: 10_000, amount: 10_000 }],
      payments: [
        { amount: 4_000, status: "succeeded", method: "bank_transfer", occurredAt: "2026-05-03T09:00:00.000Z" },
        { amount: 7_900, status: "failed", method: "card", cardBrand: "visa", cardLast4: "0002", failureMessage: "Your card was declined." },
      ],
    });
    expect(JSON.stringify(json)).not.toContain("Staff only");
    const etag = response.headers.get("etag");
    expect(etag).toBeTruthy();
    expect((await callApi(getInvoiceRoute, invoiceEndpoints.get, { token, params: { id: invoice.id }, headers: { "if-none-match": etag! } })).status).toBe(304);
  });

  it("answers 404 without data for another customer's invoice, a draft, an unknown and a malformed id", async () => {
    const foreign = await invoiceOn(other.accountId!, "2026-05-01");
    const draft = await invoiceOn(customer.accountId!, "2026-05-01", { status: "draft", sentAt: null });
    for (const id of [foreign.id, draft.id, "00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      const { status, json } = await get(token, id);
      expect(status).toBe(404);
      expect(json).toEqual({ error: { code: "not_found", message: "There is no such invoice.", fields: {} } });
    }
  });
});

describe("GET /api/v1/invoices/{id}/pdf", () => {
  it("is the invoice page's PDF download; another customer's invoice and a draft are 404", async () => {
    const invoice = await invoiceOn(customer.accountId!, "2026-06-01");
    const { status, response } = await pdf(token, invoice.id);
    expect(status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${invoice.number}.pdf"`);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("ratelimit-limit")).toBeTruthy();
    expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");

    const foreign = await invoiceOn(other.accountId!, "2026-06-01");
    const draft = await invoiceOn(customer.accountId!, "2026-06-01", { status: "draft", sentAt: null });
    for (const id of [foreign.id, draft.id, "nope"]) {
      const refused = await pdf(token, id);
      expect(refused.status).toBe(404);
      expect(refused.response.headers.get("content-type")).toMatch(/^application\/json/);
    }
  });
});

describe("POST /api/v1/invoices/{id}/pay", () => {
  it("starts the Pay button's checkout once per Idempotency-Key and answers the same each time", async () => {
    const invoice = await invoiceOn(customer.accountId!, "2026-07-01");
    const first = await pay(token, invoice.id, "pay-once");
    expect(first.status).toBe(201);
    expect(first.json.invoiceId).toBe(invoice.id);
    expect(first.json.checkoutUrl).toMatch(/^https?:\/\/[^/]+\/dashboard\/billing\/checkout\/[0-9a-f-]{36}$/);
    const again = await pay(token, invoice.id, "pay-once");
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(again.response.headers.get("idempotent-replayed")).toBe("true");
    const checkouts = await checkoutsOf(invoice.id);
    expect(checkouts).toHaveLength(1);
    expect(checkouts[0]).toMatchObject({ purpose: "invoice", amount: 10_000, userId: customer.id });
    expect(first.json.checkoutUrl.endsWith(checkouts[0]!.id)).toBe(true);

    // The same key for another request is refused, and starts nothing.
    const otherInvoice = await invoiceOn(customer.accountId!, "2026-07-02");
    const reused = await pay(token, otherInvoice.id, "pay-once");
    expect(reused.status).toBe(422);
    expect(reused.json.error.code).toBe("idempotency_key_reused");
    expect(await checkoutsOf(otherInvoice.id)).toEqual([]);
  });

  it("refuses a paid, a void and a subscription invoice with 409 invoice_not_payable, as the service does", async () => {
    const paid = await invoiceOn(customer.accountId!, "2026-07-03", { status: "paid", amountPaid: 10_000 });
    const voided = await invoiceOn(customer.accountId!, "2026-07-03", { status: "void" });
    const subscription = await invoiceOn(customer.accountId!, "2026-07-03", { kind: "subscription" });
    for (const invoice of [paid, voided, subscription]) {
      const { status, json } = await pay(token, invoice.id);
      expect(status).toBe(409);
      expect(json.error.code).toBe("invoice_not_payable");
      expect(await checkoutsOf(invoice.id)).toEqual([]);
    }
    expect((await get(token, subscription.id)).json.payable).toBe(false);
  });

  it("answers 404 to another customer's invoice and a draft, and starts no checkout", async () => {
    const foreign = await invoiceOn(other.accountId!, "2026-07-04");
    const draft = await invoiceOn(customer.accountId!, "2026-07-04", { status: "draft", sentAt: null });
    for (const id of [foreign.id, draft.id]) {
      const { status, json } = await pay(token, id, `pay-${id}`);
      expect(status).toBe(404);
      expect(json.error.code).toBe("not_found");
      expect(await checkoutsOf(id)).toEqual([]);
    }
    expect((await pay(token, "nope")).status).toBe(404);
  });

  it("needs invoices:write: a read token is refused and starts nothing", async () => {
    const invoice = await invoiceOn(customer.accountId!, "2026-07-05");
    const readOnly = await testApiToken(customer, ["invoices:read"]);
    expect((await get(readOnly, invoice.id)).status).toBe(200);
    const { status, json } = await pay(readOnly, invoice.id);
    expect(status).toBe(403);
    expect(json.error.code).toBe("insufficient_scope");
    expect(await checkoutsOf(invoice.id)).toEqual([]);
  });
});
