// Creates the end-to-end suite's own accounts in the freshly reset database (never the demo seed).
import { closeDb, migrateDb } from "@/db";
import { createUser } from "@/db/queries/users";
import { hashPassword } from "@/lib/passwords";
import { e2ePassword, e2eUsers, tableUsers } from "./users";

await migrateDb();
const passwordHash = await hashPassword(e2ePassword);
const verified = new Date();
for (const user of Object.values(e2eUsers)) {
  await createUser({ email: user.email, name: user.name, role: user.role, passwordHash, emailVerifiedAt: verified, locale: "en", timeZone: "Europe/Berlin" });
}
for (const user of tableUsers) {
  await createUser({ email: user.email, name: user.name, passwordHash, emailVerifiedAt: user.verified ? verified : null, locale: "en" });
}
await closeDb();
