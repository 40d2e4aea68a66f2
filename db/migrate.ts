import { closeDb, migrateDb } from "@/db";

await migrateDb();
await closeDb();
console.log("Migrations applied.");
