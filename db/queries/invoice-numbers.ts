import "server-only";
import { sql } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import { invoiceNumberCounters } from "@/db/schema";

/**
 * The next invoice number of `year`, e.g. "INV-2026-0042". Call it in the transaction that inserts the
 * invoice: the counter row stays locked until it commits (a second creation waits), and a rollback
 * gives the number back, so numbers have neither duplicates nor gaps.
 */
export async function nextInvoiceNumber(year: number, db: Database = getDb()): Promise<string> {
  const [row] = await db
    .insert(invoiceNumberCounters)
    .values({ year, lastNumber: 1 })
    .onConflictDoUpdate({ target: invoiceNumberCounters.year, set: { lastNumber: sql`${invoiceNumberCounters.lastNumber} + 1` } })
    .returning({ lastNumber: invoiceNumberCounters.lastNumber });
  return `INV-${year}-${String(row!.lastNumber).padStart(4, "0")}`;
}
