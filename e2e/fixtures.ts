// Prepares the freshly reset database: the end-to-end suite's own accounts, which the tests use,
// and the demo data `npm start` gives a newcomer, so the demo's own sign-ins are tested as they use them.
import { closeDb, getDb, migrateDb } from "@/db";
import { getAccountMembership } from "@/db/queries/accounts";
import { projectMilestones, projects } from "@/db/schema";
import { createUser } from "@/db/queries/users";
import { seedDemoData, seedFailedEmail } from "@/db/seed";
import { hashPassword } from "@/lib/passwords";
import { enableTwoFactorWithSecret } from "@/lib/two-factor/service";
import { seedE2eCalls } from "./calls-fixtures";
import { bouncedAddresses, e2eAdminTotpSecret, e2eCalendarCustomer, e2ePassword, e2eStaffWithoutTwoFactor, e2eUsers, tableUsers } from "./users";

await migrateDb();
const passwordHash = await hashPassword(e2ePassword);
const verified = new Date();
for (const user of Object.values(e2eUsers)) {
  const created = await createUser({ email: user.email, name: user.name, role: user.role, passwordHash, emailVerifiedAt: verified, locale: "en", timeZone: "Europe/Berlin" });
  if (user.role === "admin") await enableTwoFactorWithSecret(created.id, e2eAdminTotpSecret);
}
await createUser({ ...e2eStaffWithoutTwoFactor, passwordHash, emailVerifiedAt: verified, locale: "en" });
for (const user of tableUsers) {
  await createUser({ email: user.email, name: user.name, passwordHash, emailVerifiedAt: user.verified ? verified : null, locale: "en" });
}
for (const address of Object.values(bouncedAddresses)) await seedFailedEmail(address);
{
  const user = await createUser({ email: e2eCalendarCustomer.email, name: e2eCalendarCustomer.name, passwordHash, emailVerifiedAt: verified, locale: "en" });
  const accountId = (await getAccountMembership(user.id))!.accountId;
  const day = (inDays: number) => new Date(Date.now() + inDays * 86_400_000).toISOString().slice(0, 10);
  const [project] = await getDb().insert(projects).values({ accountId, name: e2eCalendarCustomer.project, status: "in_progress", dueDate: day(60) }).returning({ id: projects.id });
  await getDb()
    .insert(projectMilestones)
    .values(e2eCalendarCustomer.milestones.map((milestone) => ({ projectId: project!.id, title: milestone.title, dueDate: day(milestone.inDays), completedAt: milestone.done ? verified : null })));
}
await seedE2eCalls(passwordHash, verified);
await seedDemoData();
await closeDb();
