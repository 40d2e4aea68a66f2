import { randomUUID } from "node:crypto";
import { expect, type Browser, type Page } from "@playwright/test";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { signedInAs } from "./helpers";

export type InvoiceLine = { description: string; quantity: string; unitAmount: string };

/** A line description no other test uses, so lists and canaries find exactly this invoice. */
export function uniqueLine(label: string): string {
  return `${label} ${randomUUID().slice(0, 6)}`;
}

/** Staff write an invoice for the customer with `customerEmail` on the new-invoice page and send it unless asked not to; returns its id and number. */
export async function createInvoiceAsStaff(page: Page, input: { customerEmail: string; lines: InvoiceLine[]; taxRate?: string; send?: boolean }): Promise<{ id: string; number: string }> {
  await page.goto(`/admin/invoices/new?customer=${encodeURIComponent(input.customerEmail)}`);
  // The search found exactly this customer: it is chosen already.
  await expect(page.getByLabel("Customer", { exact: true }).locator("option:checked")).toContainText(input.customerEmail);
  await page.getByLabel("Tax rate (%)").fill(input.taxRate ?? "0");
  for (const [index, line] of input.lines.entries()) {
    const number = index + 1;
    if (index > 0) await page.getByRole("button", { name: "Add line" }).click();
    await page.getByLabel(`Description (line ${number})`).fill(line.description);
    await page.getByLabel(`Quantity (line ${number})`).fill(line.quantity);
    await page.getByLabel(`Unit price (line ${number})`).fill(line.unitAmount);
  }
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Draft created" })).toBeVisible();
  const id = /\/admin\/invoices\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  const number = /INV-\d{4}-\d{4,}/.exec((await page.getByRole("heading", { level: 1 }).textContent()) ?? "")![0];
  if (input.send !== false) {
    await page.getByRole("button", { name: "Send to customer" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Send invoice" }).click();
    await expect(page.getByTestId("form-message").filter({ hasText: "Invoice sent" })).toBeVisible();
    await expect(page.getByRole("main").getByText("Open", { exact: true })).toBeVisible();
  }
  return { id, number };
}

/** The same, from a staff browser of its own that is closed afterwards. */
export async function staffCreatesInvoice(browser: Browser, input: Parameters<typeof createInvoiceAsStaff>[1]) {
  const staff = await signedInAs(browser, "admin");
  const invoice = await createInvoiceAsStaff(await staff.newPage(), input);
  await staff.close();
  return invoice;
}

/** The text of every page of a PDF, as a reader would copy it. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages = await Promise.all(Array.from({ length: document.numPages }, async (_, index) => (await document.getPage(index + 1)).getTextContent()));
  await document.destroy();
  return pages.flatMap((page) => page.items.map((item) => ("str" in item ? item.str : ""))).join(" ");
}
