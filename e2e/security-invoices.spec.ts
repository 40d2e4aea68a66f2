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
