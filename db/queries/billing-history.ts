import "server-only";
import { and, asc, desc, eq, ne } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import { invoices } from "@/db/schema";

/** The account's subscription and project invoices together, newest first; drafts are staff's alone. */
export async function listBillingHistory(accountId: string, limit = 50, db: Database = getDb()) {
  return db
    .select({
      id: invoices.id,
      number: invoices.number,
      kind: invoices.kind,
      status: invoices.status,
      issueDate: invoices.issueDate,
      dueDate: invoices.dueDate,
      total: invoices.total,
      currency: invoices.currency,
    })
    .from(invoices)
    .where(and(eq(invoices.accountId, accountId), ne(invoices.status, "draft")))
    .orderBy(desc(invoices.issueDate), desc(invoices.createdAt))
    .limit(limit);
}

/**
 * The account's open invoices per currency: how many, the amount still due and how many are past
 * their due date on `today` (the reader's calendar day).
 */

/** The open invoice that has waited longest (earliest due), the one "Pay oldest open invoice" pays. */
export async function getOldestOpenInvoice(accountId: string, db: Database = getDb()) {
  const [row] = await db
    .select({ id: invoices.id, number: invoices.number })
    .from(invoices)
    .where(and(eq(invoices.accountId, accountId), eq(invoices.status, "open")))
    .orderBy(asc(invoices.dueDate), asc(invoices.issueDate), asc(invoices.number))
    .limit(1);
  return row ?? null;
}
