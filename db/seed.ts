import { count } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import { users } from "@/db/schema";
import { createUser, getUserByEmail } from "@/db/queries/users";
import { hashPassword } from "@/lib/passwords";

export const demoPassword = "clientdesk-demo";
export const demoLogins = [
  { role: "customer", email: "customer@clientdesk.test" },
  { role: "admin", email: "admin@clientdesk.test" },
] as const;

const moreCustomers = [
  "Amara Okafor", "Ben Hoffmann", "Chiara Rossi", "Daniel Kim", "Elena Petrova", "Farid Haddad",
  "Grace Liu", "Hannah Schmidt", "Ivan Novak", "Julia Costa", "Kenji Watanabe", "Lena Fischer",
  "Mateo García", "Nora Jensen", "Oliver Brown", "Priya Nair", "Quentin Moreau", "Rosa Martínez",
  "Samuel Adeyemi", "Tara Walsh", "Umar Siddiqui", "Valentina Bianchi", "William Chen", "Yara Haddad",
];

export async function isDatabaseEmpty(db: Database = getDb()): Promise<boolean> {
  const [row] = await db.select({ value: count() }).from(users);
  return (row?.value ?? 0) === 0;
}

/** Demo accounts and a few more customers; safe to run twice. */
export async function seedDemoData(db: Database = getDb()): Promise<void> {
  if (await getUserByEmail(demoLogins[0].email, db)) return;
  // One hash for every demo account keeps seeding fast; they share the demo password anyway.
  const passwordHash = await hashPassword(demoPassword);
  const verified = new Date();
  await createUser({ email: "customer@clientdesk.test", name: "Casey Customer", passwordHash, emailVerifiedAt: verified, locale: "en", timeZone: "Europe/Berlin" }, db);
  await createUser({ email: "admin@clientdesk.test", name: "Alex Admin", passwordHash, role: "admin", emailVerifiedAt: verified, locale: "en", timeZone: "Europe/Berlin" }, db);
  for (const [index, name] of moreCustomers.entries()) {
    const email = `${name.toLowerCase().normalize("NFD").replace(/[^a-z ]/g, "").replace(/ /g, ".")}@example.com`;
    await createUser({ email, name, passwordHash, emailVerifiedAt: index % 5 === 4 ? null : verified, locale: index % 3 === 0 ? "de" : "en" }, db);
  }
}

export function printDemoLogins(url: string): void {
  console.log(
    [
      "",
      `  Clientdesk is ready at ${url}`,
      "  Demo logins (password: clientdesk-demo):",
      ...demoLogins.map((login) => `    ${login.role.padEnd(8)} ${login.email}`),
      "",
    ].join("\n"),
  );
}
