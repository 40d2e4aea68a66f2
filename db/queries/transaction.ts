import "server-only";
import { getDb, type Database } from "@/db";

/** What a service passes down so its queries run in the caller's transaction. */
export type { Database as Transaction };

/** Runs `work` in one transaction (a savepoint when `db` already is one), for services that write several tables. */
export function inTransaction<T>(work: (tx: Database) => Promise<T>, db: Database = getDb()): Promise<T> {
  return db.transaction((tx) => work(tx as unknown as Database));
}
