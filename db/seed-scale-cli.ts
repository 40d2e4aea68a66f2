// `npm run seed:scale`: a heavy customer ("Heavy Calls Ltd") with 1,000,000 calls over two years, for
// `npm run bench:calls`. PostgreSQL only (DATABASE_URL); safe to run again: a customer that already has
// the calls is kept, otherwise its calls are made afresh. Flags: --calls=N (default 1,000,000).
import { and, count, eq, sql } from "drizzle-orm";
import { closeDb, getDb, migrateDb } from "@/db";
import { getAccountMembership } from "@/db/queries/accounts";
import { createUser, getUserByEmail } from "@/db/queries/users";
import { activityEvents, agentAssignments, agents, callHourlyStats, calls, callPreferences } from "@/db/schema";
import { hashPassword } from "@/lib/passwords";
import { heavyLogin } from "./demo";
import { fillCallActivity, fillCallStats, insertScaleCalls } from "./seed-scale";

const total = Number(process.argv.find((arg) => arg.startsWith("--calls="))?.split("=")[1] ?? 1_000_000);
const BATCH = 50_000;
const DAYS = 730;

if (!process.env.DATABASE_URL) {
  console.error("seed:scale: set DATABASE_URL to a PostgreSQL database. The embedded database (PGlite) is not made for a million calls.");
  process.exit(1);
}
if (!Number.isSafeInteger(total) || total < 1) {
  console.error(`seed:scale: --calls must be a positive whole number, not ${total}`);
  process.exit(1);
}

const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
const db = getDb();
await migrateDb();

let owner = await getUserByEmail(heavyLogin.email, db);
if (!owner) {
  await createUser({ email: heavyLogin.email, name: "Hana Heavy", accountName: "Heavy Calls Ltd", passwordHash: await hashPassword(heavyLogin.password), emailVerifiedAt: new Date(), locale: "en", timeZone: "Europe/London" }, db);
  owner = (await getUserByEmail(heavyLogin.email, db))!;
}
const accountId = (await getAccountMembership(owner.id, db))!.accountId;

let agentIds = (await db.select({ id: agentAssignments.agentId }).from(agentAssignments).where(eq(agentAssignments.accountId, accountId))).map((row) => row.id);
if (agentIds.length === 0) {
  const since = new Date(Date.now() - (DAYS + 1) * 86_400_000).toISOString().slice(0, 10);
  const made = await db
    .insert(agents)
    .values([
      { name: "Harper Quinn", kind: "human", languages: ["en"], specialties: ["Orders", "Returns"], bio: "Heavy Calls' first line for orders." },
      { name: "Rowan Ellis", kind: "human", languages: ["en", "fr"], specialties: ["Billing"], bio: "Invoices and refunds." },
      { name: "Sam Okoro", kind: "human", languages: ["en"], specialties: ["Technical support"], bio: "Fixes what customers cannot." },
      { name: "Atlas", kind: "ai", languages: ["en", "de", "fr"], specialties: ["After-hours", "Tracking"], bio: "AI agent for tracking questions around the clock." },
      { name: "Iris", kind: "ai", languages: ["en"], specialties: ["Surveys"], bio: "AI agent for satisfaction surveys." },
    ])
    .returning({ id: agents.id });
  agentIds = made.map((row) => row.id);
  await db.insert(agentAssignments).values(agentIds.map((agentId, index) => ({ accountId, agentId, role: index === 0 ? ("primary" as const) : ("backup" as const), startsOn: since })));
  await db.insert(callPreferences).values({ accountId, recordingConsent: true, autoRecord: true }).onConflictDoNothing();
}

const [existing] = await db.select({ value: count() }).from(calls).where(eq(calls.accountId, accountId));
if (existing!.value === total) {
  console.log(`Heavy Calls Ltd already has ${total.toLocaleString("en")} calls.`);
} else {
  if (existing!.value > 0) {
    console.log(`Heavy Calls Ltd has ${existing!.value.toLocaleString("en")} calls, not ${total.toLocaleString("en")}: making them afresh.`);
    await db.delete(calls).where(eq(calls.accountId, accountId));
  }
  const until = new Date();
  until.setUTCHours(0, 0, 0, 0);
  for (let first = 1; first <= total; first += BATCH) {
    const last = Math.min(total, first + BATCH - 1);
    await insertScaleCalls({ accountId, agentIds, first, last, total, until, days: DAYS, currency: "gbp" }, db);
    console.log(`  ${last.toLocaleString("en").padStart(9)} calls  ${seconds()} s`);
  }
}
await fillCallStats(accountId, db);
const [rows] = await db.select({ value: count() }).from(callHourlyStats).where(eq(callHourlyStats.accountId, accountId));
console.log(`  hourly statistics filled: ${rows!.value.toLocaleString("en")} rows  ${seconds()} s`);
const [entries] = await db.select({ value: count() }).from(activityEvents).where(and(eq(activityEvents.accountId, accountId), eq(activityEvents.area, "calls")));
if (entries!.value !== total) {
  await fillCallActivity(accountId, db);
  console.log(`  timeline filled: ${total.toLocaleString("en")} call entries  ${seconds()} s`);
}
await db.execute(sql`analyze calls, call_hourly_stats, call_totals, activity_events`);
await closeDb();
console.log(
  [
    `\n  Heavy Calls Ltd: ${total.toLocaleString("en")} calls over ${DAYS} days, ready in ${seconds()} s.`,
    `  Sign in as ${heavyLogin.email} with the password ${heavyLogin.password}, or run npm run bench:calls.\n`,
  ].join("\n"),
);
