import { getDb, isEmbeddedDb, migrateDb } from "@/db";
import { isDatabaseEmpty, printDemoLogins, seedDemoData } from "@/db/seed";

/** Start-up: apply migrations; an empty embedded database gets the demo data. */
export async function prepareDatabase(url: string): Promise<void> {
  await migrateDb();
  if (!isEmbeddedDb()) {
    console.log(`\n  Clientdesk is ready at ${url}\n`);
    return;
  }
  if (await isDatabaseEmpty(getDb())) await seedDemoData();
  printDemoLogins(url);
}
