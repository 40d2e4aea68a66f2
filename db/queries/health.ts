import "server-only";
import { sql } from "drizzle-orm";
import { getDb, type Database } from "@/db";

/** One round trip to the database; throws when it does not answer. */
export async function pingDatabase(db: Database = getDb()): Promise<void> {
  await db.execute(sql`select 1`);
}
