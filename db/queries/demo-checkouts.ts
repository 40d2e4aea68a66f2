import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import { demoCheckoutSessions, invoices, plans } from "@/db/schema";
import type { CheckoutPurpose } from "@/lib/constants";

export type NewDemoCheckout = {
  accountId: string;
  userId: string;
  purpose: CheckoutPurpose;
  invoiceId: string | null;
  planId: string | null;
  amount: number;
  currency: string;
  expiresAt: Date;
};

export async function insertDemoCheckout(checkout: NewDemoCheckout, db: Database = getDb()): Promise<string> {
  const [row] = await db.insert(demoCheckoutSessions).values(checkout).returning({ id: demoCheckoutSessions.id });
  return row!.id;
}

/** One of the user's own demo checkouts with what it pays for; another user's id finds nothing. */
export async function getDemoCheckout(userId: string, checkoutId: string, db: Database = getDb()) {
  const [row] = await db
    .select({
      id: demoCheckoutSessions.id,
      accountId: demoCheckoutSessions.accountId,
      purpose: demoCheckoutSessions.purpose,
      amount: demoCheckoutSessions.amount,
      currency: demoCheckoutSessions.currency,
      status: demoCheckoutSessions.status,
      expiresAt: demoCheckoutSessions.expiresAt,
      invoiceId: demoCheckoutSessions.invoiceId,
      invoiceNumber: invoices.number,
      invoiceStripeId: invoices.stripeInvoiceId,
      planId: demoCheckoutSessions.planId,
      planName: plans.name,
    })
    .from(demoCheckoutSessions)
    .leftJoin(invoices, eq(invoices.id, demoCheckoutSessions.invoiceId))
    .leftJoin(plans, eq(plans.id, demoCheckoutSessions.planId))
    .where(and(eq(demoCheckoutSessions.userId, userId), eq(demoCheckoutSessions.id, checkoutId)));
  return row ?? null;
}

export type DemoCheckout = NonNullable<Awaited<ReturnType<typeof getDemoCheckout>>>;

/** Closes an open checkout; false when it was already closed (a second submit changes nothing). */
export async function closeDemoCheckout(checkoutId: string, status: "complete" | "expired", db: Database = getDb()): Promise<boolean> {
  const rows = await db
    .update(demoCheckoutSessions)
    .set({ status, completedAt: status === "complete" ? sql`now()` : null })
    .where(and(eq(demoCheckoutSessions.id, checkoutId), eq(demoCheckoutSessions.status, "open")))
    .returning({ id: demoCheckoutSessions.id });
  return rows.length === 1;
}
