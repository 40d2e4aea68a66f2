import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import { overdueColumn, wasSent } from "./invoices";
import { invoices } from "@/db/schema";

/** The account's subscription and project invoices together, newest first; drafts are staff's alone. */
export async function listBillingHistory(accountId: string, today: string, limit = 50, db: Database = getDb()) {
  return db
    .select({
      id: invoices.id,
      number: invoices.number,
      kind: invoices.kind,
      status: invoices.status,
      issueDate: invoices.issueDate,
      overdue: overdueColumn(today),
      total: invoices.total,
      currency: invoices.currency,
    })
    .from(invoices)
    .where(and(eq(invoices.accountId, accountId), wasSent))
    .orderBy(desc(invoices.issueDate), desc(invoices.createdAt))
    .limit(limit);
}

/** The open project invoice that has waited longest (earliest due), the one "Pay oldest open invoice" pays. */
export async function getOldestOpenInvoice(accountId: string, db: Database = getDb()) {
  const [row] = await db
    .select({ id: invoices.id, number: invoices.number })
    .from(invoices)
    .where(and(eq(invoices.accountId, accountId), eq(invoices.kind, "project"), eq(invoices.status, "open")))
    .orderBy(asc(invoices.dueDate), asc(invoices.issueDate), asc(invoices.number))
    .limit(1);
  return row ?? null;
}
