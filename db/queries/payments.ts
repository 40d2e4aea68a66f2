import "server-only";
import { and, eq, sql } from "drizzle-orm";
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

const paymentColumns = {
  id: invoices.id,
  accountId: invoices.accountId,
  number: invoices.number,
  kind: invoices.kind,
  status: invoices.status,
  sentAt: invoices.sentAt,
  currency: invoices.currency,
  total: invoices.total,
  amountPaid: invoices.amountPaid,
  dueDate: invoices.dueDate,
};

/** What paying an invoice needs to know of it: whose it is, its state and its balance. */
export async function getInvoiceForPayment(invoiceId: string, db: Database = getDb()) {
  const [row] = await db.select(paymentColumns).from(invoices).where(eq(invoices.id, invoiceId));
  return row ?? null;
}

/** The invoice row a payment is applied to, locked until the transaction ends. */
export async function lockInvoiceForPayment(invoiceId: string, db: Database = getDb()) {
  const [row] = await db
    .select(paymentColumns)
    .from(invoices)
    .where(eq(invoices.id, invoiceId))
    .for("update");
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
    .where(and(eq(invoices.id, invoiceId)));
}
