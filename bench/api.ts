// `npm run bench:api`: for the heavy customer of `npm run seed:scale` (1,000,000 calls), the server time
// of the JSON API's main reads (an HTTP GET with a personal access token against the production build,
// until the body is complete): the dashboard, the call list's first page, a deep page reached through
// `nextCursor`, a filtered page, a search, the statistics, one call, and the invoices.
// DATABASE_URL names that PostgreSQL database; the only writes are a token (revoked at the end), its
// last use, and its rate-limit counter. Flags: --runs=N (default 30), --warmup=N (default 5), --port=N (default 3311).
import fs from "node:fs";
import { closeDb, getDb } from "@/db";
import { heavyLogin } from "@/db/demo";
import { getAccountMembership } from "@/db/queries/accounts";
import { getUserByEmail } from "@/db/queries/users";
import { issueApiToken, revokeApiToken } from "@/lib/api/tokens";
import { apiScopes } from "@/lib/constants";
import { startProductionServer, stopServer } from "./production-server";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => Number(args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const runs = option("runs", 30);
const warmup = option("warmup", 5);
const TARGET_MS = 50;

function fail(message: string): never {
  console.error(`\nbench:api: ${message}`);
  stopServer();
  process.exit(1);
}

if (!process.env.DATABASE_URL) fail("set DATABASE_URL to the PostgreSQL database `npm run seed:scale` filled.");
if (!fs.existsSync(".next/BUILD_ID")) fail("no production build (.next/BUILD_ID is missing). Run `npx next build` first.");

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const db = getDb();
const owner = await getUserByEmail(heavyLogin.email, db);
if (!owner) fail(`no ${heavyLogin.email} in this database: run \`npm run seed:scale\` first.`);
const accountId = (await getAccountMembership(owner.id, db))!.accountId;
const actor = { id: owner.id, role: "customer" as const, accountId, twoFactorEnabled: false };
const info = { ip: null, userAgent: "bench:api" };
// One token per case: each stays far below the per-token rate limit.
const tokens: { id: string; token: string }[] = [];
async function newToken(): Promise<string> {
  const issued = await issueApiToken(actor, { name: "bench:api", scopes: [...apiScopes], expiresAt: new Date(Date.now() + 3_600_000) }, info, db);
  if (issued.status !== "ok") fail(`no token: ${issued.status} (revoke some of the heavy customer's tokens)`);
  tokens.push({ id: issued.row.id, token: issued.token });
  return issued.token;
}

const base = await startProductionServer({ name: "bench-api", port: option("port", 3311), fail });

async function getJson(path: string, token: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${base}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
  const text = await response.text();
  if (response.status !== 200) fail(`GET ${path} answered ${response.status}: ${text.slice(0, 200)}`);
  return JSON.parse(text) as Record<string, unknown>;
}

// The deep page: follow nextCursor 200 pages of 25 (call 5,001 on).
const walker = await newToken();
let cursor: string | null = null;
let firstCallId = "";
for (let page = 0; page < 200; page++) {
  const body = await getJson(`/calls?limit=25${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, walker);
  if (page === 0) firstCallId = ((body.data as { id: string }[])[0]!).id;
  cursor = body.nextCursor as string | null;
  if (!cursor) fail("the heavy customer has fewer than 5,000 calls");
}

const cases: { name: string; path: string }[] = [
  { name: "dashboard", path: "/dashboard" },
  { name: "calls, first page", path: "/calls?limit=25" },
  { name: "calls, page 201 (cursor)", path: `/calls?limit=25&cursor=${encodeURIComponent(cursor!)}` },
  { name: "calls, missed inbound", path: "/calls?limit=25&status=missed&direction=inbound" },
  { name: "calls, search", path: "/calls?limit=25&q=invoice" },
  { name: "calls, statistics", path: "/calls/stats" },
  { name: "one call", path: `/calls/${firstCallId}` },
  { name: "invoices", path: "/invoices?limit=25" },
];

console.log(`bench:api — ${heavyLogin.email}, ${runs} runs after ${warmup} warm-up, server time until the body is complete`);
console.log(`${"case".padEnd(28)} ${"median".padStart(9)} ${"p95".padStart(9)}`);
let over = 0;
for (const entry of cases) {
  const token = await newToken();
  const samples: number[] = [];
  for (let run = 0; run < warmup + runs; run++) {
    const started = performance.now();
    await getJson(entry.path, token);
    if (run >= warmup) samples.push(performance.now() - started);
  }
  const median = percentile(samples, 50);
  const p95 = percentile(samples, 95);
  if (median > TARGET_MS || p95 > TARGET_MS) over++;
  console.log(`${entry.name.padEnd(28)} ${`${median.toFixed(1)} ms`.padStart(9)} ${`${p95.toFixed(1)} ms`.padStart(9)}`);
}
console.log(over === 0 ? `every case within ${TARGET_MS} ms at median and p95` : `${over} case(s) over ${TARGET_MS} ms`);

for (const { id } of tokens) await revokeApiToken(actor, id, info, db);
await closeDb();
stopServer();
