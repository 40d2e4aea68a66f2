// `npm run bench:auth`: how long a sign-up and a password-reset request take for an email that has an
// account and for one that has none. They should take the same time, or the answer time tells an
// attacker which emails are registered. Runs on a fresh in-memory PGlite, or on BENCH_DATABASE_URL
// (its name must have "bench" as one of its parts; nothing is wiped, the users it adds stay).
// Flags: --runs=N (default 30 per case), --warmup=N (default 5).
import { closeDb, createPglite, migrateDb, openPglite, openPostgres, setConnection } from "@/db";
import { createUser } from "@/db/queries/users";
import { registerUser, requestPasswordReset } from "@/lib/auth/service";
import { isDatabaseNamedFor } from "@/scripts/test-database.mjs";

process.env.AUTH_SECRET ??= "bench-only-secret-not-for-production-0123456789";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => Number(args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const runs = option("runs", 30);
const warmup = option("warmup", 5);
const password = "correct horse battery";
const tag = Date.now().toString(36);
let counter = 0;
const newEmail = (label: string) => `${label}-${tag}-${counter++}@bench.clientdesk.test`;

const url = process.env.BENCH_DATABASE_URL;
if (url) {
  if (!isDatabaseNamedFor(url, "bench")) {
    console.error(`bench:auth: BENCH_DATABASE_URL must name a database with "bench" as one of its parts.`);
    process.exit(1);
  }
  setConnection(openPostgres(url));
} else {
  setConnection(openPglite(createPglite()));
}
await migrateDb();

// The per-account limits (3 sign-ups, 5 reset requests an hour) would refuse a repeated email, so
// each run uses an account of its own, and no address: the per-address limits do not apply.
const info = { ip: null, userAgent: "bench" };
async function knownEmail() {
  const email = newEmail("known");
  await createUser({ email, name: "Bench User", passwordHash: "x", locale: "en", emailVerifiedAt: new Date() });
  return email;
}

type Case = { operation: string; email: "known" | "unknown"; run: (email: string) => Promise<unknown> };
const signUp = (email: string) => registerUser({ name: "Bench User", email, password, locale: "en" }, info);
const reset = (email: string) => requestPasswordReset({ email }, info);
const cases: Case[] = [
  { operation: "registerUser", email: "known", run: signUp },
  { operation: "registerUser", email: "unknown", run: signUp },
  { operation: "requestPasswordReset", email: "known", run: reset },
  { operation: "requestPasswordReset", email: "unknown", run: reset },
];

async function measure(each: Case, email: string): Promise<number> {
  const started = performance.now();
  const result = (await each.run(email)) as { status: string };
  const elapsed = performance.now() - started;
  if (result.status !== "ok") throw new Error(`${each.operation} (${each.email}) answered ${result.status}`);
  return elapsed;
}

const timings = new Map<Case, number[]>(cases.map((each) => [each, []]));
for (let round = 0; round < warmup + runs; round++) {
  // Every round runs each case once, in a random order, with its accounts created beforehand:
  // a slow moment of the machine, or the work of setting up, falls on no case more than another.
  const emails = new Map<Case, string>();
  for (const each of cases) emails.set(each, each.email === "known" ? await knownEmail() : newEmail("unknown"));
  const order = cases.map((each) => ({ each, key: Math.random() })).sort((a, b) => a.key - b.key);
  for (const { each } of order) {
    const elapsed = await measure(each, emails.get(each)!);
    if (round >= warmup) timings.get(each)!.push(elapsed);
  }
}
await closeDb();

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const rows = cases.map((each) => {
  const values = timings.get(each)!;
  return { operation: each.operation, email: each.email, median: percentile(values, 50), p90: percentile(values, 90) };
});
const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(10);
console.log(`auth timing on ${url ? "PostgreSQL (BENCH_DATABASE_URL)" : "PGlite (in memory)"}, ${runs} runs per case after ${warmup} warm-up rounds\n`);
console.log(`${"operation".padEnd(22)}${"email".padEnd(9)}${"median".padStart(10)}${"p90".padStart(10)}`);
for (const row of rows) console.log(`${row.operation.padEnd(22)}${row.email.padEnd(9)}${ms(row.median)}${ms(row.p90)}`);
console.log("");
for (const operation of ["registerUser", "requestPasswordReset"]) {
  const [known, unknown] = ["known", "unknown"].map((email) => rows.find((row) => row.operation === operation && row.email === email)!);
  console.log(`${operation}: unknown − known median ${(unknown!.median - known!.median).toFixed(1)} ms`);
}
