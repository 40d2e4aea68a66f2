import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import type { InvoiceDetail } from "@/db/queries/invoices";
import { renderInvoicePdf } from "./invoice";

const invoice: InvoiceDetail = {
  id: "6f1c1a52-3a59-4c1e-9a43-0d6ab1d0b7a1",
  accountId: "0b0d8f40-41c6-4f0e-8a0f-6c2a2b6c2f11",
  number: "INV-2026-0042",
  kind: "project",
  status: "open",
  overdue: false,
  currency: "eur",
  taxRate: 1900,
  subtotal: 22_550,
  tax: 4_285,
  total: 26_835,
  amountPaid: 0,
  issueDate: "2026-11-01",
  dueDate: "2026-11-15",
  projectId: null,
  projectName: "Website relaunch",
  notes: "Bank: DE00 1234",
  sentAt: new Date("2026-11-01T09:00:00Z"),
  paidAt: null,
  voidedAt: null,
  createdAt: new Date("2026-11-01T08:00:00Z"),
  customerName: "Northwind Dental",
  billingAddress: "Hafenstraße 1\n20457 Hamburg",
  taxId: "DE999999999",
  billingEmail: "billing@northwind.test",
  items: [
    { id: "a", description: "Design", quantity: 2, unitAmount: 10_000, amount: 20_000 },
    { id: "b", description: "Hosting", quantity: 1, unitAmount: 2_550, amount: 2_550 },
  ],
  payments: [],
};

async function textOf(pdf: Buffer): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages = await Promise.all(Array.from({ length: document.numPages }, async (_, index) => (await document.getPage(index + 1)).getTextContent()));
  await document.destroy();
  return pages.flatMap((page) => page.items.map((item) => ("str" in item ? item.str : ""))).join(" ");
}

describe("the invoice PDF", () => {
  it("is a PDF holding the number, the customer, the lines, the total and no stamp while open and not yet due", async () => {
    const pdf = await renderInvoicePdf(invoice, { locale: "en", timeZone: "Europe/Berlin", dateFormat: "locale", timeFormat: "locale" });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = await textOf(pdf);
    for (const expected of ["INV-2026-0042", "Northwind Dental", "Design", "Hosting", "€268.35", "Tax (19%)", "€42.85", "Balance due", "Clientdesk Services Ltd.", "Nov 15, 2026"]) expect(text).toContain(expected);
    for (const stamp of ["PAID", "OVERDUE", "VOID"]) expect(text).not.toContain(stamp);
  });

  it("carries the stamp of its status and the payment date, in the reader's language", async () => {
    const paid = { ...invoice, status: "paid" as const, amountPaid: 26_835, paidAt: new Date("2026-11-20T23:30:00Z") };
    const english = await textOf(await renderInvoicePdf(paid, { locale: "en", timeZone: "Europe/Berlin", dateFormat: "locale", timeFormat: "locale" }));
    expect(english).toContain("PAID");
    // 23:30 UTC is already the next day in Berlin.
    expect(english).toContain("Nov 21, 2026");
    const german = await textOf(await renderInvoicePdf(paid, { locale: "de", timeZone: "Europe/Berlin", dateFormat: "locale", timeFormat: "locale" }));
    for (const expected of ["BEZAHLT", "268,35", "Hafenstraße", "21.11.2026"]) expect(german).toContain(expected);
    expect(await textOf(await renderInvoicePdf({ ...invoice, overdue: true }, { locale: "en", timeZone: "UTC", dateFormat: "locale", timeFormat: "locale" }))).toContain("OVERDUE");
    expect(await textOf(await renderInvoicePdf({ ...invoice, status: "void" }, { locale: "en", timeZone: "UTC", dateFormat: "locale", timeFormat: "locale" }))).toContain("VOID");
    expect(await textOf(await renderInvoicePdf({ ...invoice, status: "uncollectible" }, { locale: "en", timeZone: "UTC", dateFormat: "locale", timeFormat: "locale" }))).toContain("UNCOLLECTIBLE");
  });

  it("writes its days and the payment date in the reader's chosen format, the payment on its day in the reader's zone", async () => {
    const paid = { ...invoice, status: "paid" as const, amountPaid: 26_835, paidAt: new Date("2026-11-20T03:30:00Z") };
    const losAngeles = await textOf(await renderInvoicePdf(paid, { locale: "en", timeZone: "America/Los_Angeles", dateFormat: "dmy", timeFormat: "h12" }));
    // 03:30 UTC on 20 November is still the evening of the 19th in Los Angeles.
    for (const expected of ["01/11/2026", "15/11/2026", "19/11/2026"]) expect(losAngeles).toContain(expected);
    expect(losAngeles).not.toContain("20/11/2026");
    const tokyo = await textOf(await renderInvoicePdf(paid, { locale: "de", timeZone: "Asia/Tokyo", dateFormat: "ymd", timeFormat: "h24" }));
    for (const expected of ["2026-11-01", "2026-11-15", "2026-11-20"]) expect(tokyo).toContain(expected);
  });

  it("is written in Urdu for an Urdu reader, with the Latin names and amounts intact", async () => {
    const paid = { ...invoice, status: "paid" as const, amountPaid: 26_835, paidAt: new Date("2026-11-20T23:30:00Z") };
    const text = await textOf(await renderInvoicePdf(paid, { locale: "ur", timeZone: "Asia/Karachi", dateFormat: "locale", timeFormat: "locale" }));
    // The extractor returns Urdu word by word, in the order they are drawn (right to left).
    for (const expected of ["انوائس", "بنام", "شدہ", "ٹیکس", "نومبر", "INV-2026-0042", "Clientdesk Services Ltd.", "Northwind Dental", "Hafenstraße", "€268.35"]) expect(text).toContain(expected);
    expect(text).not.toMatch(/[\u200e\u200f]/);
  });
});
