import { randomUUID } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { adminGetInvoice, getAmountsDueForAccount, getInvoiceForAccount, listInvoicesForAccount } from "@/db/queries/invoices";
import { createAuthSession, getActiveSessionUser, type SessionUser } from "@/db/queries/sessions";
import { inTransaction } from "@/db/queries/transaction";
import { createUser, updateUserSettings } from "@/db/queries/users";
import { auditLog, emailOutbox, invoiceNumberCounters, notifications, payments } from "@/db/schema";
import { setupTestDatabase, signedInUser, uniqueEmail, uniqueIp } from "@/db/testing";
import { todayIn } from "@/lib/projects/dates";
import { createProject } from "@/lib/projects/service";
import { createInvoice, markInvoiceUncollectible, recordOfflinePayment, sendInvoice, updateDraftInvoice, voidInvoice, type InvoiceInput } from "./invoices";
import { recordFailedPayment } from "./payments";

const db = setupTestDatabase();
const info = () => ({ ip: uniqueIp(), userAgent: "vitest" });
const today = "2026-11-26";

function draftFor(customer: SessionUser, change: Partial<InvoiceInput> = {}): InvoiceInput {
  return {
    accountId: customer.accountId!,
    projectId: null,
    currency: "eur",
    taxRate: 1900,
    issueDate: "2026-11-01",
    dueDate: "2026-11-15",
    notes: "Thank you",
    items: [
      { description: "Design", quantity: 2, unitAmount: 10_000 },
      { description: "Hosting", quantity: 1, unitAmount: 2_550 },
    ],
    ...change,
  };
}

async function lastNumberOf(year: number): Promise<number> {
  const [row] = await db().select({ lastNumber: invoiceNumberCounters.lastNumber }).from(invoiceNumberCounters).where(eq(invoiceNumberCounters.year, year));
  return row?.lastNumber ?? 0;
}

const numberOf = (year: number, sequence: number) => `INV-${year}-${String(sequence).padStart(4, "0")}`;

async function auditOf(invoiceId: string) {
  return db()
    .select({ action: auditLog.action, actorId: auditLog.actorId })
    .from(auditLog)
    .where(sql`${auditLog.metadata}->>'invoiceId' = ${invoiceId}`)
    .orderBy(asc(auditLog.createdAt), asc(auditLog.id));
}

async function notificationsOf(userId: string) {
  return db().select({ type: notifications.type, params: notifications.params, link: notifications.link }).from(notifications).where(eq(notifications.userId, userId)).orderBy(asc(notifications.createdAt));
}

describe("invoice numbers", () => {
  it("20 invoices created at once get 20 distinct, consecutive numbers of their year", async () => {
    const [staff, customer] = await Promise.all([signedInUser("admin"), signedInUser("customer")]);
    // A far year, so other test files sharing a PostgreSQL database do not take numbers from it meanwhile.
    const year = 2090 + Math.floor(Math.random() * 10);
    const start = await lastNumberOf(year);
    const created = await Promise.all(Array.from({ length: 20 }, () => createInvoice(staff, draftFor(customer, { issueDate: `${year}-03-01`, dueDate: `${year}-03-31` }), info())));
    const numbers = created.map((invoice) => invoice.number).sort();
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, index) => numberOf(year, start + index + 1)));
  });

  it("a creation that fails gives its number back: the next one has no gap", async () => {
    const [staff, customer, other] = await Promise.all([signedInUser("admin"), signedInUser("customer"), signedInUser("customer")]);
    const year = 2080 + Math.floor(Math.random() * 10);
    const start = await lastNumberOf(year);
    const dates = { issueDate: `${year}-01-10`, dueDate: `${year}-01-20` };
    const foreign = await createProject(staff, { accountId: other.accountId!, name: "Other's project", description: "", status: "planned", startDate: null, dueDate: null }, info());
    await expect(createInvoice(staff, draftFor(customer, { ...dates, projectId: foreign.id }), info())).rejects.toMatchObject({ code: "not_found" });
    expect((await createInvoice(staff, draftFor(customer, dates), info())).number).toBe(numberOf(year, start + 1));
  });
});

describe("staff invoice services", () => {
  it("create a draft with totals from its lines, visible to staff but never to the customer", async () => {
    const [staff, customer] = await Promise.all([signedInUser("admin"), signedInUser("customer")]);
    const invoice = await createInvoice(staff, draftFor(customer), info());
    const seen = await adminGetInvoice(invoice.id, today);
    expect(seen).toMatchObject({ status: "draft", subtotal: 22_550, tax: 4_285, total: 26_835, amountPaid: 0, currency: "eur", taxRate: 1900 });
    expect(seen?.items.map((item) => [item.description, item.amount])).toEqual([
      ["Design", 20_000],
      ["Hosting", 2_550],
    ]);
    expect(await getInvoiceForAccount(customer.accountId!, invoice.id, today)).toBeNull();
    expect(await listInvoicesForAccount(customer.accountId!, {}, today)).toEqual([]);
    expect(await auditOf(invoice.id)).toEqual([{ action: "admin.invoice_created", actorId: staff.id }]);
  });

  it("refuse a project of another customer's account", async () => {
    const [staff, customer, other] = await Promise.all([signedInUser("admin"), signedInUser("customer"), signedInUser("customer")]);
    const own = await createProject(staff, { accountId: customer.accountId!, name: "Own", description: "", status: "planned", startDate: null, dueDate: null }, info());
    const foreign = await createProject(staff, { accountId: other.accountId!, name: "Foreign", description: "", status: "planned", startDate: null, dueDate: null }, info());
    await expect(createInvoice(staff, draftFor(customer, { projectId: foreign.id }), info())).rejects.toMatchObject({ code: "not_found" });
    const invoice = await createInvoice(staff, draftFor(customer, { projectId: own.id }), info());
    await expect(updateDraftInvoice(staff, { ...draftFor(customer, { projectId: foreign.id }), invoiceId: invoice.id }, info())).rejects.toMatchObject({ code: "not_found" });
    expect((await adminGetInvoice(invoice.id, today))?.projectId).toBe(own.id);
  });

  it("edit a draft, but not a sent invoice's amounts", async () => {
    const [staff, customer] = await Promise.all([signedInUser("admin"), signedInUser("customer")]);
    const invoice = await createInvoice(staff, draftFor(customer), info());
    const edited = { ...draftFor(customer, { taxRate: 0, items: [{ description: "Only line", quantity: 3, unitAmount: 1_000 }] }), invoiceId: invoice.id };
    expect(await updateDraftInvoice(staff, edited, info())).toEqual({ status: "ok" });
    expect(await adminGetInvoice(invoice.id, today)).toMatchObject({ subtotal: 3_000, tax: 0, total: 3_000, items: [{ description: "Only line", quantity: 3, amount: 3_000 }] });

    expect(await sendInvoice(staff, { invoiceId: invoice.id }, info())).toEqual({ status: "ok" });
    expect(await updateDraftInvoice(staff, { ...edited, items: [{ description: "Sneaky", quantity: 1, unitAmount: 99_999 }] }, info())).toEqual({ status: "not_draft" });
    expect(await adminGetInvoice(invoice.id, today)).toMatchObject({ status: "open", total: 3_000, items: [{ description: "Only line" }] });
    expect(await sendInvoice(staff, { invoiceId: invoice.id }, info())).toEqual({ status: "not_draft" });
    expect((await auditOf(invoice.id)).map((row) => row.action)).toEqual(["admin.invoice_created", "admin.invoice_updated", "admin.invoice_sent"]);
  });

  it("sending tells every member of the account in-app and by email, with the invoice's page", async () => {
    const [staff, customer] = await Promise.all([signedInUser("admin"), signedInUser("customer")]);
    const invoice = await createInvoice(staff, draftFor(customer), info());
    await sendInvoice(staff, { invoiceId: invoice.id }, info());
    expect(await notificationsOf(customer.id)).toEqual([{ type: "invoice.issued", params: { number: invoice.number, amount: "€268.35", dueDate: "2026-11-15" }, link: `/dashboard/invoices/${invoice.id}` }]);
    const mails = await db().select({ text: emailOutbox.textBody }).from(emailOutbox).where(eq(emailOutbox.toAddress, customer.email));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain(`/dashboard/invoices/${invoice.id}`);
    // The day is stored as such and written out for the reader: in their language's format by default.
    expect(mails[0]!.text?.replace(/\s+/g, " ")).toContain("due by Nov 15, 2026");
    const seen = await getInvoiceForAccount(customer.accountId!, invoice.id, today);
    expect(seen).toMatchObject({ status: "open", overdue: true, number: invoice.number });
    expect(await getAmountsDueForAccount(customer.accountId!, today)).toEqual([{ currency: "eur", count: 1, due: 26_835, overdue: 26_835, overdueCount: 1 }]);
    expect(await getAmountsDueForAccount(customer.accountId!, "2026-11-10")).toEqual([{ currency: "eur", count: 1, due: 26_835, overdue: 0, overdueCount: 0 }]);
    expect((await listInvoicesForAccount(customer.accountId!, { status: "overdue" }, today)).map((row) => row.id)).toEqual([invoice.id]);
    expect(await listInvoicesForAccount(customer.accountId!, { status: "overdue" }, "2026-11-10")).toEqual([]);
    expect(await listInvoicesForAccount(customer.accountId!, { from: "2026-11-02" }, today)).toEqual([]);
  });

  it("record offline payments: a part keeps it open, the rest pays it; more than the balance is refused", async () => {
    const [staff, customer] = await Promise.all([signedInUser("admin"), signedInUser("customer")]);
    const invoice = await createInvoice(staff, draftFor(customer), info());
    const payment = { invoiceId: invoice.id, currency: "eur", method: "bank_transfer" as const, paidOn: "2026-11-18", note: "Ref 42" };
    expect(await recordOfflinePayment(staff, { ...payment, amount: 1_000 }, info())).toEqual({ status: "not_open" });
    await sendInvoice(staff, { invoiceId: invoice.id }, info());
    expect(await recordOfflinePayment(staff, { ...payment, amount: 26_836 }, info())).toEqual({ status: "exceeds_balance" });
    expect(await recordOfflinePayment(staff, { ...payment, amount: 6_835 }, info())).toEqual({ status: "partially_paid", balance: 20_000 });
    expect(await getInvoiceForAccount(customer.accountId!, invoice.id, today)).toMatchObject({ status: "open", amountPaid: 6_835 });
    expect(await recordOfflinePayment(staff, { ...payment, amount: 20_000, method: "cash", paidOn: "2026-11-20" }, info())).toEqual({ status: "paid", balance: 0 });
    const seen = await getInvoiceForAccount(customer.accountId!, invoice.id, today);
    expect(seen).toMatchObject({ status: "paid", overdue: false, amountPaid: 26_835, paidAt: new Date("2026-11-20T12:00:00Z") });
    expect(seen?.payments.map((row) => [row.amount, row.method, row.provider, row.status])).toEqual([
      [6_835, "bank_transfer", "offline", "succeeded"],
      [20_000, "cash", "offline", "succeeded"],
    ]);
    const recorded = await db().select({ recordedById: payments.recordedById }).from(payments).where(eq(payments.invoiceId, invoice.id));
    expect(recorded.every((row) => row.recordedById === staff.id)).toBe(true);
    expect((await notificationsOf(customer.id)).map((row) => row.type)).toEqual(["invoice.issued", "invoice.paid"]);
    expect(await recordOfflinePayment(staff, { ...payment, amount: 1 }, info())).toEqual({ status: "not_open" });
    expect(await voidInvoice(staff, { invoiceId: invoice.id }, info())).toEqual({ status: "not_voidable" });
    expect(await markInvoiceUncollectible(staff, { invoiceId: invoice.id }, info())).toEqual({ status: "not_open" });
    expect((await auditOf(invoice.id)).map((row) => row.action)).toEqual(["admin.invoice_created", "admin.invoice_sent", "admin.invoice_payment_recorded", "admin.invoice_payment_recorded"]);
  });

  it("refuse an offline payment dated after today in the recording staff member's time zone", async () => {
    const [staff, customer] = await Promise.all([signedInUser("admin"), signedInUser("customer")]);
    const invoice = await createInvoice(staff, draftFor(customer), info());
    await sendInvoice(staff, { invoiceId: invoice.id }, info());
    // Kiritimati (UTC+14) is always a day or two ahead of Pago Pago (UTC-11).
    const payment = { invoiceId: invoice.id, currency: "eur", amount: 1_000, method: "cash" as const, paidOn: todayIn("Pacific/Kiritimati"), note: "" };
    expect(await recordOfflinePayment({ ...staff, timeZone: "Pacific/Pago_Pago" }, payment, info())).toEqual({ status: "future_date" });
    expect(await recordOfflinePayment({ ...staff, timeZone: "Pacific/Kiritimati" }, payment, info())).toEqual({ status: "partially_paid", balance: 25_835 });
  });

  it("tell members and the other staff of a payment in each one's language, but not the staff member who recorded it", async () => {
    const [staff, colleague, customer] = await Promise.all([signedInUser("admin"), signedInUser("admin", "colleague"), signedInUser("customer")]);
    for (const user of [colleague, customer]) await updateUserSettings(user.id, { theme: "auto", locale: "de", timeZone: "Europe/Berlin" });
    const invoice = await createInvoice(staff, draftFor(customer), info());
    await sendInvoice(staff, { invoiceId: invoice.id }, info());
    await inTransaction((tx) =>
      recordFailedPayment({ invoiceId: invoice.id, amount: 26_835, method: "card", provider: "demo", providerReference: `pi_${randomUUID()}`, failureMessage: "Declined", occurredAt: new Date() }, tx),
    );
    await recordOfflinePayment(staff, { invoiceId: invoice.id, currency: "eur", amount: 26_835, method: "bank_transfer", paidOn: "2026-11-20", note: "" }, info());
    const german = "268,35\u00a0€";
    expect((await notificationsOf(customer.id)).slice(1)).toEqual([
      { type: "payment.failed", params: { number: invoice.number, amount: german, reason: "Declined" }, link: `/dashboard/invoices/${invoice.id}` },
      { type: "invoice.paid", params: { number: invoice.number, amount: german }, link: `/dashboard/invoices/${invoice.id}` },
    ]);
    // Every active staff member is told of every payment: only this invoice's notices are this test's.
    const aboutThisInvoice = (rows: Awaited<ReturnType<typeof notificationsOf>>) => rows.filter((row) => row.link === `/admin/invoices/${invoice.id}`);
    expect(aboutThisInvoice(await notificationsOf(colleague.id))).toEqual([
      { type: "staff.paymentReceived", params: { customer: expect.any(String), number: invoice.number, amount: german }, link: `/admin/invoices/${invoice.id}` },
    ]);
    expect(aboutThisInvoice(await notificationsOf(staff.id))).toEqual([]);
  });

  it("void a draft quietly and an open invoice with a notice; mark an open one uncollectible", async () => {
    const [staff, customer] = await Promise.all([signedInUser("admin"), signedInUser("customer")]);
    const draft = await createInvoice(staff, draftFor(customer), info());
    expect(await voidInvoice(staff, { invoiceId: draft.id }, info())).toEqual({ status: "ok" });
    expect(await notificationsOf(customer.id)).toEqual([]);
    expect(await sendInvoice(staff, { invoiceId: draft.id }, info())).toEqual({ status: "not_draft" });

    const sent = await createInvoice(staff, draftFor(customer), info());
    await sendInvoice(staff, { invoiceId: sent.id }, info());
    expect(await voidInvoice(staff, { invoiceId: sent.id }, info())).toEqual({ status: "ok" });
    expect((await notificationsOf(customer.id)).map((row) => row.type)).toEqual(["invoice.issued", "invoice.voided"]);
    expect(await markInvoiceUncollectible(staff, { invoiceId: sent.id }, info())).toEqual({ status: "not_open" });

    const unpaid = await createInvoice(staff, draftFor(customer), info());
    expect(await markInvoiceUncollectible(staff, { invoiceId: unpaid.id }, info())).toEqual({ status: "not_open" });
    await sendInvoice(staff, { invoiceId: unpaid.id }, info());
    expect(await markInvoiceUncollectible(staff, { invoiceId: unpaid.id }, info())).toEqual({ status: "ok" });
    expect(await getInvoiceForAccount(customer.accountId!, unpaid.id, today)).toMatchObject({ status: "uncollectible", overdue: false });
    expect(await getAmountsDueForAccount(customer.accountId!, today)).toEqual([]);
    expect((await auditOf(unpaid.id)).map((row) => row.action)).toEqual(["admin.invoice_created", "admin.invoice_sent", "admin.invoice_marked_uncollectible"]);
    // The voided draft is still listed for staff: numbers are never given back once used.
    expect(await adminGetInvoice(draft.id, today)).toMatchObject({ status: "void", number: draft.number });
  });

  it("refuse customers and staff without two-factor, and write nothing", async () => {
    const [staff, customer] = await Promise.all([signedInUser("admin"), signedInUser("customer")]);
    const plain = await createUser({ email: uniqueEmail("no2fa"), name: "Nina No2fa", passwordHash: "x", role: "admin", locale: "en" });
    const no2fa = (await getActiveSessionUser((await createAuthSession({ userId: plain.id, ip: null, userAgent: null }))!))!;
    const invoice = await createInvoice(staff, draftFor(customer), info());
    await sendInvoice(staff, { invoiceId: invoice.id }, info());
    const before = { invoice: await adminGetInvoice(invoice.id, today), audit: await auditOf(invoice.id) };
    const attempts = (actor: SessionUser) => [
      () => createInvoice(actor, draftFor(customer), info()),
      () => updateDraftInvoice(actor, { ...draftFor(customer), invoiceId: invoice.id }, info()),
      () => sendInvoice(actor, { invoiceId: invoice.id }, info()),
      () => voidInvoice(actor, { invoiceId: invoice.id }, info()),
      () => recordOfflinePayment(actor, { invoiceId: invoice.id, currency: "eur", amount: 26_835, method: "cash", paidOn: today, note: "" }, info()),
      () => markInvoiceUncollectible(actor, { invoiceId: invoice.id }, info()),
    ];
    for (const [actor, code] of [
      [customer, "forbidden"],
      [no2fa, "two_factor_required"],
    ] as const) {
      for (const attempt of attempts(actor)) await expect(attempt()).rejects.toMatchObject({ code });
    }
    expect({ invoice: await adminGetInvoice(invoice.id, today), audit: await auditOf(invoice.id) }).toEqual(before);
  });

  it("answer not_found for an invoice that does not exist", async () => {
    const staff = await signedInUser("admin");
    const missing = "00000000-0000-4000-8000-000000000000";
    await expect(sendInvoice(staff, { invoiceId: missing }, info())).rejects.toMatchObject({ code: "not_found" });
    await expect(voidInvoice(staff, { invoiceId: missing }, info())).rejects.toMatchObject({ code: "not_found" });
  });

  it("a customer never reads another account's invoice", async () => {
    const [staff, owner, intruder] = await Promise.all([signedInUser("admin"), signedInUser("customer"), signedInUser("customer")]);
    const invoice = await createInvoice(staff, draftFor(owner), info());
    await sendInvoice(staff, { invoiceId: invoice.id }, info());
    expect(await getInvoiceForAccount(owner.accountId!, invoice.id, today)).not.toBeNull();
    expect(await getInvoiceForAccount(intruder.accountId!, invoice.id, today)).toBeNull();
    expect(await listInvoicesForAccount(intruder.accountId!, {}, today)).toEqual([]);
  });
});
