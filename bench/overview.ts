// `npm run bench:overview`: for the heavy customer of `npm run seed:scale` (1,000,000 calls), the server
// time of the overview `/dashboard` (an HTTP GET with the owner's session against the production build,
// until the body is complete) and the SQL statements one request runs, counted on the wire: the server
// talks to PostgreSQL through a relay in this process that counts every statement the app's pool sends
// (Query and Execute messages). The job queue's own connections (application_name clientdesk-jobs)
// are counted apart, so its polling never lands in a request's count. Also prints the time of the
// overview's data function alone (`getOverview`, in this process).
// DATABASE_URL names that PostgreSQL database; nothing is written to it but a sign-in (the subscription
// the data function is also timed with is rolled back).
// Flags: --runs=N (default 30), --warmup=N (default 5), --port=N (default 3310), --sql (print one request's statements).
import fs from "node:fs";
import net from "node:net";
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db";
import { heavyLogin } from "@/db/demo";
import { getAccountMembership } from "@/db/queries/accounts";
import { getUserByEmail } from "@/db/queries/users";
import { plans, subscriptions, userSettings } from "@/db/schema";
import { getOverview } from "@/lib/overview/service";
import { signInHeavyCustomer, startProductionServer, stopServer } from "./production-server";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => Number(args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const runs = option("runs", 30);
const warmup = option("warmup", 5);
const TARGET_MS = 60;
const TARGET_STATEMENTS = 15;

function fail(message: string): never {
  console.error(`\nbench:overview: ${message}`);
  process.exit(1);
}

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) fail("set DATABASE_URL to the PostgreSQL database `npm run seed:scale` filled.");
if (!fs.existsSync(".next/BUILD_ID")) fail("no production build (.next/BUILD_ID is missing). Run `npx next build` first.");

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function time(work: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let run = 0; run < warmup + runs; run++) {
    const started = performance.now();
    await work();
    if (run >= warmup) samples.push(performance.now() - started);
  }
  return samples;
}

// ---- the data function alone, in this process ----
const db = getDb();
const owner = await getUserByEmail(heavyLogin.email, db);
if (!owner) fail(`no ${heavyLogin.email} in this database: run \`npm run seed:scale\` first.`);
const accountId = (await getAccountMembership(owner.id, db))!.accountId;
const [settings] = await db.select({ timeZone: userSettings.timeZone, density: userSettings.dashboardDensity }).from(userSettings).where(eq(userSettings.userId, owner.id));
const reader = { id: owner.id, accountId, timeZone: settings?.timeZone ?? "UTC", dashboardDensity: settings?.density ?? "default" } as const;
const overview = await getOverview(reader);
const dataTimes = await time(() => getOverview(reader));
// The heavy customer has no subscription, so the usage sum above did not run: time it once more with
// a current one (periods start and end mid-hour, as Stripe's do), inserted in a transaction that is rolled back.
let subscribedTimes: number[] = [];
let subscribedMinutes = 0;
class RolledBack extends Error {}
await db
  .transaction(async (tx) => {
    const [plan] = await tx
      .insert(plans)
      .values({ key: `bench-${Date.now()}`, name: "Bench", monthlyPrice: 9900, currency: "usd", includedMinutes: 100_000, maxAgents: 5, recordingRetentionDays: 30, features: [] })
      .returning({ id: plans.id });
    const start = new Date(Date.now() - 12 * 86_400_000 - 17 * 60_000 - 7_000);
    await tx.insert(subscriptions).values({ accountId, planId: plan!.id, stripeSubscriptionId: `sub_bench_${Date.now()}`, status: "active", currentPeriodStart: start, currentPeriodEnd: new Date(start.getTime() + 30 * 86_400_000), stripeEventCreatedAt: start });
    subscribedMinutes = (await getOverview(reader, new Date(), tx)).usage?.minutes ?? 0;
    subscribedTimes = await time(() => getOverview(reader, new Date(), tx));
    throw new RolledBack();
  })
  .catch((error: unknown) => {
    if (!(error instanceof RolledBack)) throw error;
  });
await closeDb();

// ---- a relay that counts the statements on the wire ----
/**
 * Follows the client side of the PostgreSQL wire protocol across TCP chunks: startup messages
 * (int32 length, int32 code) until the real one, then 1 type byte + int32 length per message.
 */
function clientMessageParser(onMessage: (type: string, body: Buffer) => void) {
  let startup = true;
  let header = Buffer.alloc(0);
  let type = "";
  let remaining = 0;
  let body: Buffer[] = [];
  let broken = false;
  return (chunk: Buffer) => {
    let i = 0;
    while (i < chunk.length && !broken) {
      if (remaining > 0) {
        const n = Math.min(remaining, chunk.length - i);
        body.push(chunk.subarray(i, i + n));
        remaining -= n;
        i += n;
        if (remaining === 0) onMessage(type, Buffer.concat(body));
        continue;
      }
      const need = startup ? 8 : 5;
      const n = Math.min(need - header.length, chunk.length - i);
      header = Buffer.concat([header, chunk.subarray(i, i + n)]);
      i += n;
      if (header.length < need) break;
      if (startup) {
        // SSLRequest and GSSENCRequest (80877103/4) are followed by another startup message.
        const code = header.readInt32BE(4);
        startup = code === 80877103 || code === 80877104;
        remaining = header.readInt32BE(0) - 8;
        type = startup ? "negotiate" : "startup";
      } else {
        type = String.fromCharCode(header[0]!);
        remaining = header.readInt32BE(1) - 4;
      }
      header = Buffer.alloc(0);
      body = [];
      if (remaining < 0) broken = true;
      if (remaining === 0) onMessage(type, Buffer.alloc(0));
    }
  };
}

const stats = { app: 0, jobs: 0, capture: null as string[] | null };
const sockets = new Set<net.Socket>();
const target = new URL(databaseUrl);
const relay = net.createServer((client) => {
  const upstream = net.connect(Number(target.port || 5432), target.hostname);
  for (const socket of [client, upstream]) {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {
      client.destroy();
      upstream.destroy();
    });
  }
  let jobs = false;
  const prepared = new Map<string, string>();
  const portals = new Map<string, string>();
  const cstrings = (buffer: Buffer) => buffer.toString("utf8").split("\0");
  client.on(
    "data",
    clientMessageParser((type, body) => {
      if (type === "startup") {
        const pairs = cstrings(body);
        jobs = pairs[pairs.indexOf("application_name") + 1] === "clientdesk-jobs";
      }
      if (type === "P") {
        const [name, text] = cstrings(body);
        prepared.set(name!, text!);
      }
      if (type === "B") {
        const [portal, name] = cstrings(body);
        portals.set(portal!, prepared.get(name!) ?? `(prepared ${name})`);
      }
      if (type !== "E" && type !== "Q") return;
      if (jobs) return void stats.jobs++;
      stats.app++;
      stats.capture?.push(type === "Q" ? cstrings(body)[0]! : (portals.get(cstrings(body)[0]!) ?? "(unknown portal)"));
    }),
  );
  client.pipe(upstream).pipe(client);
});
const relayUrl = await new Promise<string>((resolve) =>
  relay.listen(0, "127.0.0.1", () => {
    const url = new URL(databaseUrl);
    url.hostname = "127.0.0.1";
    url.port = String((relay.address() as net.AddressInfo).port);
    resolve(url.toString());
  }),
);

// ---- the production server, its database reached through the relay ----
const base = await startProductionServer({ name: "bench-overview", port: option("port", 3310), env: { DATABASE_URL: relayUrl }, fail });
const cookie = await signInHeavyCustomer(base, fail);

async function get(page: string): Promise<void> {
  const response = await fetch(`${base}${page}`, { headers: { cookie, accept: "text/html" }, redirect: "manual" });
  const html = await response.text();
  // A redirect or someone else's page would make the numbers meaningless.
  if (response.status !== 200 || !html.includes(heavyLogin.email)) fail(`GET ${page} answered ${response.status} without the heavy customer's page`);
}

// Next loads and compiles a route's modules on its first requests: warm the routes up first.
for (let i = 0; i < 30; i++) await Promise.all([get("/dashboard"), get("/dashboard/profile")]);

// Statements: sequential requests, so what the app sent meanwhile is theirs. The session's
// last-seen write happens at most once a minute and is included when it falls in the window.
const counted = 50;
const before = stats.app;
const jobsBefore = stats.jobs;
for (let i = 0; i < counted; i++) await get("/dashboard");
const perRequest = (stats.app - before) / counted;
const jobStatements = stats.jobs - jobsBefore;
stats.capture = [];
await get("/dashboard");
const oneRequest = stats.capture;
stats.capture = null;

const pageTimes = await time(() => get("/dashboard"));
const profileTimes = await time(() => get("/dashboard/profile"));
stopServer();
relay.close();
for (const socket of sockets) socket.destroy();

const ms = (values: number[], p: number) => percentile(values, p).toFixed(1);
console.log(`\n/dashboard of ${heavyLogin.email}: ${overview.callStats.total.toLocaleString("en")} calls, density ${reader.dashboardDensity}; ${runs} runs after ${warmup} warm-up runs; milliseconds\n`);
console.log("| what | median | p95 |");
console.log("|---|--:|--:|");
console.log(`| /dashboard, whole request (server time until the body is complete) | ${ms(pageTimes, 50)} | ${ms(pageTimes, 95)} |`);
console.log(`| getOverview alone (the page's data, in this process) | ${ms(dataTimes, 50)} | ${ms(dataTimes, 95)} |`);
if (subscribedTimes.length) console.log(`| getOverview alone, with a current subscription (usage: ${subscribedMinutes.toLocaleString("en")} minutes this period) | ${ms(subscribedTimes, 50)} | ${ms(subscribedTimes, 95)} |`);
console.log(`| for comparison: /dashboard/profile | ${ms(profileTimes, 50)} | ${ms(profileTimes, 95)} |`);
console.log(`\nSQL statements per /dashboard request (session, layout and page), on the wire: ${perRequest.toFixed(2)} (mean of ${counted}); one request: ${oneRequest.length}`);
console.log(`(the job queue's own connections sent ${jobStatements} statements meanwhile; not counted above)`);
if (args.includes("--sql")) for (const [index, text] of oneRequest.entries()) console.log(`\n-- ${index + 1}\n${text.replace(/\s+/g, " ").trim()}`);
const misses = [
  ...(percentile(pageTimes, 50) > TARGET_MS ? [`median ${ms(pageTimes, 50)} ms > ${TARGET_MS} ms`] : []),
  ...(oneRequest.length > TARGET_STATEMENTS ? [`${oneRequest.length} statements > ${TARGET_STATEMENTS}`] : []),
];
console.log(misses.length ? `\nMissed: ${misses.join("; ")}` : `\nWithin the targets: median ≤ ${TARGET_MS} ms and ≤ ${TARGET_STATEMENTS} statements.`);
process.exit(0);
