import path from "node:path";
import { closeDb, migrateDb } from "@/db";
import { printDemoLogins, seedDemoData } from "@/db/seed";
import { appUrl } from "@/lib/env";
import { localAuthSecret } from "../scripts/local-auth-secret.mjs";

// The same secret `npm start` uses for this data folder: the demo admin's two-factor key is sealed with it.
process.env.AUTH_SECRET ??= localAuthSecret(path.resolve(process.env.DATA_DIR ?? ".data"));
await migrateDb();
await seedDemoData();
await closeDb();
printDemoLogins(appUrl());
