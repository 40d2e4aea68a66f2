import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import { invoices, payments } from "@/db/schema";
import type { PaymentMethod, PaymentProvider, PaymentStatus } from "@/lib/constants";

export type NewPayment = {
  invoiceId: string;
  accountId: string;
  amount: number;
  currency: string;
  status: PaymentStatus;
  method: PaymentMethod;
  provider: PaymentProvider;
  providerReference: string | null;
  cardBrand?: string | null;
  cardLast4?: string | null;
  failureMessage?: string | null;
  note?: string | null;
  recordedById?: string | null;
  occurredAt: Date;
};

/** Inserts the payment unless one with the same provider reference and status exists; null then. */
export async function insertPaymentOnce(payment: NewPayment, db: Database = getDb()): Promise<{ id: string } | null> {
  const [row] = await db.insert(payments).values(payment).onConflictDoNothing().returning({ id: payments.id });
  return row ?? null;
}

export async function addToAmountPaid(invoiceId: string, amount: number, markPaidAt: Date | null, db: Database = getDb()): Promise<void> {
  await db
    .update(invoices)
    .set({
      amountPaid: sql`${invoices.amountPaid} + ${amount}`,
      ...(markPaidAt ? { status: "paid" as const, paidAt: markPaidAt } : {}),
      updatedAt: new Date(),
    })
    .where(eq(invoices.id, invoiceId));
}
