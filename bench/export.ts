// `npm run bench:export`: the data export of the heavy customer of `npm run seed:scale` (1,000,000
// calls), in this process through the route's own code (exportUserData, then the web stream the
// route answers with), read to the end as a client would. Prints the time, the ZIP's size and the
// process's memory growth while exporting: RSS and V8 heap, peak minus start, sampled every 20 ms.
// DATABASE_URL names that PostgreSQL database; the export writes one audit row and resets its own
// rate limit. Flags: --out=FILE keeps the ZIP (default: counted and dropped); --live also forces a
// full GC each second and prints the peak of what stays reachable.
import fs from "node:fs";
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db";
import { heavyLogin } from "@/db/demo";
import { getAccountMembership } from "@/db/queries/accounts";
import { resetRateLimit } from "@/db/queries/rate-limits";
import { getUserByEmail } from "@/db/queries/users";
import { calls } from "@/db/schema";
import { toWebStream } from "@/lib/export/archive";
import { exportRateLimit, exportUserData } from "@/lib/export/service";

const TARGET_MB = 64;
const out = process.argv.slice(2).find((a) => a.startsWith("--out="))?.split("=")[1];

function fail(message: string): never {
  console.error(`\nbench:export: ${message}`);
  process.exit(1);
}

if (!process.env.DATABASE_URL) fail("set DATABASE_URL to the PostgreSQL database `npm run seed:scale` filled.");
const db = getDb();
const owner = await getUserByEmail(heavyLogin.email, db);
if (!owner) fail(`no ${heavyLogin.email} in this database: run \`npm run seed:scale\` first.`);
const membership = (await getAccountMembership(owner.id, db))!;
const callCount = await db.$count(calls, eq(calls.accountId, membership.accountId));
await resetRateLimit([exportRateLimit(owner.id).key], db);

const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const start = process.memoryUsage();
let peak = { rss: start.rss, heapUsed: start.heapUsed };
const sample = setInterval(() => {
  const now = process.memoryUsage();
  peak = { rss: Math.max(peak.rss, now.rss), heapUsed: Math.max(peak.heapUsed, now.heapUsed) };
}, 20);

// With --live, a full GC every second shows what stays reachable (the rest is garbage not yet collected).
let livePeak = start.heapUsed;
const live = process.argv.includes("--live") && gc
  ? setInterval(() => {
      gc!();
      livePeak = Math.max(livePeak, process.memoryUsage().heapUsed);
    }, 1000)
  : null;

const began = performance.now();
const { body } = await exportUserData({ id: owner.id, role: "customer", accountId: membership.accountId, accountRole: membership.role, twoFactorEnabled: false }, { ip: null, userAgent: "bench:export" });
const file = out ? fs.createWriteStream(out) : null;
let bytes = 0;
let firstByteMs = 0;
const reader = toWebStream(body).getReader();
for (let next = await reader.read(); !next.done; next = await reader.read()) {
  const chunk = next.value;
  if (bytes === 0) firstByteMs = performance.now() - began;
  bytes += chunk.byteLength;
  if (file && !file.write(chunk)) await new Promise<void>((resolve) => file.once("drain", () => resolve()));
}
const seconds = (performance.now() - began) / 1000;
clearInterval(sample);
if (live) clearInterval(live);
file?.end();
await closeDb();

const mb = (value: number) => (value / 1024 / 1024).toFixed(1);
const rssGrowth = peak.rss - start.rss;
const heapGrowth = peak.heapUsed - start.heapUsed;
console.log(`\nExport of ${heavyLogin.email} (${callCount.toLocaleString("en")} calls)${gc ? "" : " (run with --expose-gc for a steadier start)"}`);
console.log("| measure | value |");
console.log("|---|--:|");
console.log(`| ZIP size | ${mb(bytes)} MB |`);
console.log(`| time to first byte | ${firstByteMs.toFixed(0)} ms |`);
console.log(`| total time | ${seconds.toFixed(1)} s |`);
console.log(`| RSS growth (peak − start) | ${mb(rssGrowth)} MB |`);
console.log(`| heap growth (peak − start) | ${mb(heapGrowth)} MB |`);
if (live) console.log(`| live heap growth (after a full GC each second) | ${mb(livePeak - start.heapUsed)} MB |`);
console.log(Math.max(rssGrowth, heapGrowth) < TARGET_MB * 1024 * 1024 ? `\nWithin the ${TARGET_MB} MB target.` : `\nAbove the ${TARGET_MB} MB target.`);
process.exit(0);
