import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { invoices } from "@/db/schema";
import { setupTestDatabase, signedInUser } from "@/db/testing";
import type { InvoiceKind, InvoiceStatus } from "@/lib/constants";
import { getOldestOpenInvoice, listBillingHistory } from "./billing-history";
import { getAmountsDueForAccount } from "./invoices";

const db = setupTestDatabase();
const today = "2026-06-15";

async function invoice(accountId: string, fields: { status: InvoiceStatus; kind?: InvoiceKind; currency?: string; total: number; amountPaid?: number; issueDate: string; dueDate: string }) {
  const number = `TEST-${randomUUID().slice(0, 8)}`;
  const [row] = await db()
    .insert(invoices)
    .values({ accountId, number, kind: "project", currency: "usd", subtotal: fields.total, amountPaid: 0, sentAt: fields.status === "draft" ? null : new Date(), ...fields })
    .returning({ id: invoices.id, number: invoices.number });
  return row!;
}

describe("the account's billing reads", () => {
  it("sum what is still due on open invoices per currency, count the overdue ones and find the one due first", async () => {
    const [customer, other] = await Promise.all([signedInUser("customer", "history"), signedInUser("customer", "history-other")]);
    const accountId = customer.accountId!;
    const oldest = await invoice(accountId, { status: "open", total: 10_000, amountPaid: 2_500, issueDate: "2026-06-01", dueDate: "2026-06-20" });
    // Due earlier, but a subscription invoice is the provider's to charge: "Pay oldest" never offers it.
    await invoice(accountId, { status: "open", kind: "subscription", total: 2_900, issueDate: "2026-05-01", dueDate: "2026-05-15" });
    await invoice(accountId, { status: "open", currency: "eur", total: 5_000, issueDate: "2026-06-10", dueDate: "2026-06-24" });
    await invoice(accountId, { status: "paid", total: 99_900, amountPaid: 99_900, issueDate: "2026-04-01", dueDate: "2026-04-15" });
    await invoice(accountId, { status: "draft", total: 12_345, issueDate: "2026-06-14", dueDate: "2026-06-28" });
    const othersOwn = await invoice(other.accountId!, { status: "open", total: 77_700, issueDate: "2026-01-01", dueDate: "2026-01-15" });

    expect(await getAmountsDueForAccount(accountId, today)).toEqual([
      { currency: "eur", count: 1, due: 5_000, overdue: 0, overdueCount: 0 },
      { currency: "usd", count: 2, due: 7_500 + 2_900, overdue: 2_900, overdueCount: 1 },
    ]);
    expect(await getOldestOpenInvoice(accountId)).toEqual(oldest);
    // Another account's older invoice is theirs alone.
    expect(await getOldestOpenInvoice(other.accountId!)).toEqual(othersOwn);
  });

  it("list subscription and project invoices together, newest first, without drafts or another account's", async () => {
    const [customer, other] = await Promise.all([signedInUser("customer", "history"), signedInUser("customer", "history-other")]);
    const accountId = customer.accountId!;
    const project = await invoice(accountId, { status: "open", total: 10_000, issueDate: "2026-06-01", dueDate: "2026-06-20" });
    const subscription = await invoice(accountId, { status: "paid", kind: "subscription", total: 2_900, amountPaid: 2_900, issueDate: "2026-06-05", dueDate: "2026-06-05" });
    await invoice(accountId, { status: "draft", total: 1, issueDate: "2026-06-10", dueDate: "2026-06-10" });
    await invoice(other.accountId!, { status: "open", total: 1, issueDate: "2026-06-11", dueDate: "2026-06-11" });
    const history = await listBillingHistory(accountId, today);
    expect(history.map((row) => [row.number, row.kind, row.status])).toEqual([
      [subscription.number, "subscription", "paid"],
      [project.number, "project", "open"],
    ]);
    expect(await getAmountsDueForAccount(customer.accountId!, today)).toEqual([{ currency: "usd", count: 1, due: 10_000, overdue: 0, overdueCount: 0 }]);
  });
});
