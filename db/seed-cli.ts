import { closeDb, migrateDb } from "@/db";
import { printDemoLogins, seedDemoData } from "@/db/seed";

await migrateDb();
await seedDemoData();
await closeDb();
printDemoLogins(process.env.AUTH_URL ?? "http://localhost:3000");
