import { expect, test, type Browser } from "@playwright/test";
import messages from "@/lib/i18n/messages/en.json" with { type: "json" };
import { callAction, describeAnswer, findServerAction } from "./security/actions";
import { expectNoCrossUserAccess, twoCustomers, type OwnedResource } from "./security/cross-user";
import { staffCreatesInvoice, uniqueLine } from "./invoices";

/** An invoice staff sent to the owner: only the owner's account sees, downloads and pays it. */
const invoicesFor = (browser: Browser): OwnedResource => ({
  name: "invoices",
  async create(owner) {
    const secret = uniqueLine("Secret retainer");
    const { id } = await staffCreatesInvoice(browser, { customerEmail: owner.email, lines: [{ description: secret, quantity: "1", unitAmount: "1234.56" }] });
    return { id, canaries: [secret, "1,234.56"] };
  },
  pages: (id) => [`/dashboard/invoices/${id}`],
  lists: ["/dashboard/invoices", "/dashboard/invoices?status=open"],
  routes: (id) => [`/api/invoices/${id}/pdf`],
  actions: [{ name: "payInvoiceAction", fields: (id) => ({ invoiceId: id }), refusal: messages.invoices.pay.notFound }],
  async ownerView(owner, id) {
    const page = await owner.context.request.get(`/dashboard/invoices/${id}`);
    const pdf = await owner.context.request.get(`/api/invoices/${id}/pdf`);
    return { status: page.status(), shown: (await page.text()).includes("Secret retainer"), pdf: pdf.status(), type: pdf.headers()["content-type"] };
  },
});

/** A demo checkout the owner opened to pay an invoice: only its owner sees or pays it. */
const demoCheckoutsFor = (browser: Browser): OwnedResource => ({
  name: "demo checkouts",
  async create(owner) {
    const { id: invoiceId, number } = await staffCreatesInvoice(browser, { customerEmail: owner.email, lines: [{ description: uniqueLine("Checkout work"), quantity: "1", unitAmount: "4321.09" }] });
    const answer = await callAction(owner.context.request, findServerAction("payInvoiceAction"), { fields: { invoiceId } });
    const id = /\/dashboard\/billing\/checkout\/([0-9a-f-]{36})/.exec(answer.redirect ?? "")?.[1];
    expect(id, describeAnswer(answer)).toBeTruthy();
    return { id: id!, canaries: [number, "4,321.09"] };
  },
  pages: (id) => [`/dashboard/billing/checkout/${id}`],
  actions: [
    {
      name: "payDemoCheckoutAction",
      fields: (id) => ({ checkoutId: id, cardNumber: "4242 4242 4242 4242", expiry: "12 / 39", cvc: "123", cardholder: "Intruder" }),
      refusal: messages.checkout.not_found,
    },
  ],
  async ownerView(owner, id) {
    const page = await owner.context.request.get(`/dashboard/billing/checkout/${id}`);
    const html = await page.text();
    return { status: page.status(), open: html.includes("Pay $4,321.09") };
  },
});

test("a customer can neither open nor pay another customer's demo checkout", async ({ browser }) => {
  test.setTimeout(120_000);
  const customers = await twoCustomers(browser);
  await expectNoCrossUserAccess(demoCheckoutsFor(browser), customers);
  await customers.owner.context.close();
  await customers.intruder.context.close();
});

test("a customer can neither see, download nor pay another customer's invoice, nor find it in their list", async ({ browser }) => {
  test.setTimeout(120_000);
  const customers = await twoCustomers(browser);
  await expectNoCrossUserAccess(invoicesFor(browser), customers);
  await customers.owner.context.close();
  await customers.intruder.context.close();
});

test("a draft is invisible to its own customer: no page, no PDF, no payment, not in the list", async ({ browser }) => {
  const { owner, intruder } = await twoCustomers(browser);
  const secret = uniqueLine("Unsent draft");
  const { id, number } = await staffCreatesInvoice(browser, { customerEmail: owner.email, send: false, lines: [{ description: secret, quantity: "1", unitAmount: "99.00" }] });
  const request = owner.context.request;
  const page = await request.get(`/dashboard/invoices/${id}`);
  expect(page.status()).toBe(404);
  expect(await page.text()).not.toContain(secret);
  const pdf = await request.get(`/api/invoices/${id}/pdf`);
  expect(pdf.status()).toBe(404);
  expect(pdf.headers()["content-type"]).toContain("application/json");
  const list = await (await request.get("/dashboard/invoices")).text();
  for (const hidden of [id, number, secret]) expect(list).not.toContain(hidden);
  const answer = await callAction(request, findServerAction("payInvoiceAction"), { fields: { invoiceId: id } });
  expect(answer.state?.ok === false && answer.state.message === messages.invoices.pay.notFound, describeAnswer(answer)).toBe(true);
  await owner.context.close();
  await intruder.context.close();
});
