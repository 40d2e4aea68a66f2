import { describe, expect, it } from "vitest";
import de from "@/lib/i18n/messages/de.json";
import en from "@/lib/i18n/messages/en.json";
import { createInvoiceSchema, recordPaymentSchema } from "./invoices";

const accountId = "5f0c7a4e-3b7e-4b59-9c1a-2f3d4e5f6a7b";

type Form = Record<string, string | string[] | undefined>;
const invoiceForm = (overrides: Form = {}): Form => ({
  accountId,
  projectId: "",
  currency: "eur",
  taxRate: "19",
  issueDate: "2026-11-01",
  dueDate: "2026-11-15",
  notes: "",
  description: ["Design", "Hosting"],
  quantity: ["2", "1"],
  unitAmount: ["100.00", "25.50"],
  ...overrides,
});
const paymentForm = (overrides: Form = {}): Form => ({ invoiceId: accountId, currency: "eur", amount: "12.50", method: "bank_transfer", paidOn: "2026-11-20", note: "", ...overrides });

/** A full key ("adminInvoices.validation.x") as lib/action.ts looks it up. */
const textOf = (messages: unknown, key: string) => key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);

/** Each field's message key; every one must have its text in English and German. */
function errorsOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  const errors: Record<string, string> = {};
  // The first message of a field is the one shown, as in lib/action.ts.
  for (const issue of result.error?.issues ?? []) errors[issue.path.join(".")] ??= issue.message;
  for (const key of Object.values(errors)) for (const messages of [en, de]) expect(textOf(messages, key), key).toEqual(expect.any(String));
  return errors;
}

describe("the staff invoice form", () => {
  it("says what is wrong with each field, next to it", () => {
    expect(errorsOf(createInvoiceSchema.safeParse(invoiceForm({ accountId: "", taxRate: "100.5", dueDate: "2026-10-31", notes: "x".repeat(2001) })))).toEqual({
      accountId: "adminInvoices.validation.customerRequired",
      taxRate: "adminInvoices.validation.taxRateInvalid",
      notes: "adminInvoices.validation.notesTooLong",
    });
    expect(errorsOf(createInvoiceSchema.safeParse(invoiceForm({ dueDate: "2026-10-31" })))).toEqual({ dueDate: "adminInvoices.validation.dueBeforeIssue" });
    expect(errorsOf(createInvoiceSchema.safeParse(invoiceForm({ issueDate: "", currency: "xyz" })))).toMatchObject({
      issueDate: "adminInvoices.validation.issueDateRequired",
      currency: "adminInvoices.validation.currencyInvalid",
    });
    expect(errorsOf(createInvoiceSchema.safeParse(invoiceForm({ taxRate: "7.125" })))).toEqual({ taxRate: "adminInvoices.validation.taxRateInvalid" });
    expect(createInvoiceSchema.parse(invoiceForm({ taxRate: "7,25" })).taxRate).toBe(725);
  });

  it("reports each line's mistakes on that line's own field", () => {
    const lines = { description: ["", "x".repeat(301), "Hosting"], quantity: ["0", "10001", "1"], unitAmount: ["12.505", "abc", "10000000.01"] };
    expect(errorsOf(createInvoiceSchema.safeParse(invoiceForm(lines)))).toEqual({
      "items.0.description": "adminInvoices.validation.descriptionRequired",
      "items.0.quantity": "adminInvoices.validation.quantityInvalid",
      "items.0.unitAmount": "adminInvoices.validation.unitAmountInvalid",
      "items.1.description": "adminInvoices.validation.descriptionTooLong",
      "items.1.quantity": "adminInvoices.validation.quantityInvalid",
      "items.1.unitAmount": "adminInvoices.validation.unitAmountInvalid",
      "items.2.unitAmount": "adminInvoices.validation.unitAmountTooLarge",
    });
    expect(createInvoiceSchema.parse(invoiceForm({ description: "Support", quantity: "10000", unitAmount: "0.50" })).items).toEqual([{ description: "Support", quantity: 10_000, unitAmount: 50 }]);
  });

  it("limits the lines and the total", () => {
    const many = (count: number, value: string) => Array.from({ length: count }, () => value);
    expect(errorsOf(createInvoiceSchema.safeParse(invoiceForm({ description: many(51, "Line"), quantity: many(51, "1"), unitAmount: many(51, "1.00") })))).toEqual({
      items: "adminInvoices.validation.tooManyItems",
    });
    expect(errorsOf(createInvoiceSchema.safeParse(invoiceForm({ description: many(2, "Line"), quantity: many(2, "10000"), unitAmount: many(2, "600.00") })))).toEqual({
      items: "adminInvoices.validation.totalTooLarge",
    });
  });
});

describe("the offline payment form", () => {
  it("says what is wrong with each field", () => {
    expect(errorsOf(recordPaymentSchema.safeParse(paymentForm({ method: "crypto", paidOn: "", note: "x".repeat(2001) })))).toEqual({
      method: "adminInvoices.validation.methodInvalid",
      paidOn: "adminInvoices.validation.paidOnRequired",
      note: "adminInvoices.validation.noteTooLong",
    });
    for (const amount of ["0", "-5", "12.505", "", "twelve"]) expect(errorsOf(recordPaymentSchema.safeParse(paymentForm({ amount })))).toEqual({ amount: "adminInvoices.validation.amountInvalid" });
    expect(errorsOf(recordPaymentSchema.safeParse(paymentForm({ paidOn: "2026-02-30" })))).toEqual({ paidOn: "adminInvoices.validation.dateInvalid" });
    expect(recordPaymentSchema.parse(paymentForm({ amount: "1234,5" })).amount).toBe(123_450);
  });
});
