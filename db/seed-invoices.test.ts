import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { invoices, payments } from "@/db/schema";
import { setupTestDatabase, signedInUser } from "@/db/testing";
import { invoiceStatuses } from "@/lib/constants";
import { seedDemoInvoices } from "./seed-invoices";

const db = setupTestDatabase();

describe("the demo invoices", () => {
  it("give a customer invoices in every status with a card and a bank transfer payment, once however often the seed runs", async () => {
    const [customer, other, staff] = await Promise.all([signedInUser("customer"), signedInUser("customer"), signedInUser("admin")]);
    for (let run = 0; run < 2; run++) await seedDemoInvoices({ accountId: customer.accountId!, staffId: staff.id, otherCustomerEmail: other.email }, db());
    const rows = await db().select({ id: invoices.id, status: invoices.status, total: invoices.total, amountPaid: invoices.amountPaid }).from(invoices).where(eq(invoices.accountId, customer.accountId!));
    expect(new Set(rows.map((row) => row.status))).toEqual(new Set(invoiceStatuses));
    expect(rows).toHaveLength(7);
    for (const row of rows.filter((invoice) => invoice.status === "paid")) expect(row.amountPaid).toBe(row.total);
    const paid = await db().select({ provider: payments.provider, method: payments.method, status: payments.status }).from(payments).where(eq(payments.accountId, customer.accountId!));
    expect(paid).toEqual(
      expect.arrayContaining([
        { provider: "demo", method: "card", status: "succeeded" },
        { provider: "demo", method: "card", status: "failed" },
        { provider: "offline", method: "bank_transfer", status: "succeeded" },
      ]),
    );
    expect(await db().select({ id: invoices.id }).from(invoices).where(eq(invoices.accountId, other.accountId!))).toHaveLength(2);
  });
});
