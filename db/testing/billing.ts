import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { nextInvoiceNumber } from "@/db/queries/invoice-numbers";
import { customerAccounts, invoiceItems, invoices, plans } from "@/db/schema";

/** Test data for billing: rows as the services would leave them, without going through staff screens. */

export async function testPlan(overrides: Partial<typeof plans.$inferInsert> = {}) {
  const key = overrides.key ?? `plan-${randomUUID().slice(0, 8)}`;
  const [plan] = await getDb()
    .insert(plans)
    .values({ key, name: `Plan ${key}`, monthlyPrice: 2900, currency: "usd", includedMinutes: 300, maxAgents: 1, recordingRetentionDays: 30, stripePriceId: `price_test_${key}`, features: ["Calls"], ...overrides })
    .returning();
  return plan!;
}

/** Links the account to a provider customer id of its own, as its first checkout does. */
export async function withStripeCustomer(accountId: string): Promise<string> {
  const customerId = `cus_test_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  await getDb().update(customerAccounts).set({ stripeCustomerId: customerId }).where(eq(customerAccounts.id, accountId));
  return customerId;
}

/** An open (sent) project invoice of the account: one line of `total` minor units, no tax. */
export async function testOpenInvoice(accountId: string, total = 12_500, currency = "usd") {
  const db = getDb();
  return db.transaction(async (tx) => {
    const number = await nextInvoiceNumber(new Date().getUTCFullYear(), tx as never);
    const [invoice] = await tx
      .insert(invoices)
      .values({ accountId, kind: "project", number, status: "open", currency, subtotal: total, total, issueDate: "2026-11-01", dueDate: "2026-12-01", sentAt: new Date() })
      .returning();
    await tx.insert(invoiceItems).values({ invoiceId: invoice!.id, position: 0, description: "Design work", quantity: 1, unitAmount: total, amount: total });
    return invoice!;
  });
}
