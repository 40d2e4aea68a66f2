// `npm run bench:calls`: for the heavy customer of `npm run seed:scale` (1,000,000 calls), the time of
// the call history's SQL alone (the query functions, in this process) and of the whole page (an HTTP
// GET of /dashboard/calls against the production build, until the body is complete), for each filter,
// a deep page, search, each sort and the statistics: median and p95 over repeated runs.
// DATABASE_URL names that PostgreSQL database; nothing is written to it but a sign-in.
// Flags: --runs=N (default 30), --warmup=N (default 5), --no-page (SQL only), --port=N (default 3300).
import { asc, desc, eq, sql } from "drizzle-orm";
import { closeDb, getDb } from "@/db";
import { heavyLogin } from "@/db/demo";
import { getAccountMembership } from "@/db/queries/accounts";
import { getCallStatistics, listCallAgentsForAccount, listCallsForAccount, type CallListQuery } from "@/db/queries/calls";
import { getUserByEmail } from "@/db/queries/users";
import { agentAssignments, calls, userSettings } from "@/db/schema";
import { signInHeavyCustomer, startProductionServer, stopServer } from "./production-server";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => Number(args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const runs = option("runs", 30);
const warmup = option("warmup", 5);
const withPage = !args.includes("--no-page");
const TARGET_MS = 50;

function fail(message: string): never {
  console.error(`\nbench:calls: ${message}`);
  process.exit(1);
}

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) fail("set DATABASE_URL to the PostgreSQL database `npm run seed:scale` filled.");
const db = getDb();
const owner = await getUserByEmail(heavyLogin.email, db);
if (!owner) fail(`no ${heavyLogin.email} in this database: run \`npm run seed:scale\` first.`);
const accountId = (await getAccountMembership(owner.id, db))!.accountId;
const [settings] = await db.select({ timeZone: userSettings.timeZone }).from(userSettings).where(eq(userSettings.userId, owner.id));
const timeZone = settings?.timeZone ?? "UTC";
const [{ total }] = (await db.execute(sql`select count(*)::int as total from ${calls} where ${calls.accountId} = ${accountId}`)) as unknown as [{ total: number }];
const [agent] = await db.select({ id: agentAssignments.agentId }).from(agentAssignments).where(eq(agentAssignments.accountId, accountId)).orderBy(asc(agentAssignments.createdAt)).limit(1);

// The row 5,000 pages down the default list (newest first): its cursor jumps there, as `next` would.
const deepOffset = 5000 * 25;
const [deep] = await db
  .select({ id: calls.id, startedAt: sql<string>`to_char(${calls.startedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` })
  .from(calls)
  .where(eq(calls.accountId, accountId))
  .orderBy(desc(calls.startedAt), desc(calls.id))
  .offset(deepOffset)
  .limit(1);
if (!deep) fail(`the heavy customer has ${total} calls, fewer than ${deepOffset}.`);
// The history's cursor format: base64url of [sort, value, id].
const deepCursor = Buffer.from(JSON.stringify(["startedAt", deep.startedAt, deep.id])).toString("base64url");

// A caller who rang a few times, and a word from about one summary in twelve.
const [caller] = (await db.execute(sql`select from_number as number from ${calls} where ${calls.accountId} = ${accountId} and ${calls.direction} = 'inbound' order by ${calls.startedAt} desc limit 1`)) as unknown as [{ number: string }];
const numberFragment = caller!.number.slice(-7);
const monthAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const range = { from: monthAgo(60), to: monthAgo(31) };

type Case = { name: string; query: Omit<CallListQuery, "timeZone">; params: Record<string, string> };
const newest = { sort: "startedAt", order: "desc" } as const;
const cases: Case[] = [
  { name: "no filter, page 1", query: newest, params: {} },
  { name: "status = missed", query: { ...newest, status: "missed" }, params: { status: "missed" } },
  { name: "direction = outbound", query: { ...newest, direction: "outbound" }, params: { direction: "outbound" } },
  { name: "agent", query: { ...newest, agentId: agent!.id }, params: { agent: agent!.id } },
  { name: "date range (30 days)", query: { ...newest, ...range }, params: range },
  { name: "all filters", query: { ...newest, status: "completed", direction: "inbound", agentId: agent!.id, ...range }, params: { status: "completed", direction: "inbound", agent: agent!.id, ...range } },
  { name: "deep page (page 5,001 by cursor)", query: { ...newest, cursor: deepCursor }, params: { after: deepCursor } },
  { name: `search number "${numberFragment}"`, query: { ...newest, search: numberFragment }, params: { q: numberFragment } },
  { name: 'search summary "refund"', query: { ...newest, search: "refund" }, params: { q: "refund" } },
  // The hard kind: a common word's trigrams narrowed by a few digits leave thousands of rows to sort.
  { name: 'search "order 12"', query: { ...newest, search: "order 12" }, params: { q: "order 12" } },
  { name: "sort duration, longest first", query: { sort: "duration", order: "desc" }, params: { sort: "duration", order: "desc" } },
  { name: "sort satisfaction, lowest first", query: { sort: "satisfaction", order: "asc" }, params: { sort: "satisfaction", order: "asc" } },
  { name: "sort time, oldest first", query: { sort: "startedAt", order: "asc" }, params: { sort: "startedAt", order: "asc" } },
];

// The deep cursor must land deep: a cursor the history cannot read would silently give page 1.
const [first, jumped] = await Promise.all([listCallsForAccount(accountId, { ...newest, timeZone }, db), listCallsForAccount(accountId, { ...newest, timeZone, cursor: deepCursor }, db)]);
if (!jumped.rows[0] || jumped.rows[0].id === first.rows[0]?.id || jumped.rows[0].startedAt > new Date(deep.startedAt)) fail("the deep cursor did not move past page 1; has the history's cursor format changed?");

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

type Result = { name: string; rows: number; sql: number[]; page: number[] | null };
const results: Result[] = [];
for (const each of cases) {
  const page = await listCallsForAccount(accountId, { ...each.query, timeZone }, db);
  results.push({ name: each.name, rows: page.rows.length, sql: await time(() => listCallsForAccount(accountId, { ...each.query, timeZone }, db)), page: null });
}
const statistics: Result = { name: "statistics", rows: 0, sql: await time(() => getCallStatistics(accountId, timeZone, new Date(), db)), page: null };
results.push(statistics);
// The page also reads the agents its filter offers.
const agentOptions = await listCallAgentsForAccount(accountId, db);
results.push({ name: "the agent filter's options", rows: agentOptions.length, sql: await time(() => listCallAgentsForAccount(accountId, db)), page: null });

// ---- the whole page, against the production build ----
if (withPage) {
  const base = await startProductionServer({ name: "bench-calls", port: option("port", 3300), fail });
  const cookie = await signInHeavyCustomer(base, fail);
  const get = async (params: Record<string, string>, page = "/dashboard/calls") => {
    const url = `${page}?${new URLSearchParams(params)}`;
    const response = await fetch(`${base}${url}`, { headers: { cookie, accept: "text/html" }, redirect: "manual" });
    const html = await response.text();
    // A redirect or someone else's page would make the numbers meaningless.
    if (response.status !== 200 || !html.includes(heavyLogin.email)) fail(`GET ${url} answered ${response.status} without the heavy customer's page`);
  };
  // Next loads and compiles a route's modules on its first requests: warm the routes up well first.
  for (let i = 0; i < 50; i++) await Promise.all([get({}), get({}, "/dashboard/profile")]);
  for (const [index, each] of cases.entries()) results[index]!.page = await time(() => get(each.params));
  statistics.page = await time(() => get({}));
  statistics.name = "statistics (page: the history with its statistics)";
  // What any signed-in page costs here (session, layout, header), for comparison: no call queries.
  results.push({ name: "for comparison: /dashboard/profile", rows: 0, sql: [], page: await time(() => get({}, "/dashboard/profile")) });
  stopServer();
}
await closeDb();

const ms = (values: number[] | null, p: number) => (values?.length ? percentile(values, p).toFixed(1) : "–");
const misses = results.filter((r) => r.sql.length && (percentile(r.sql, 95) > TARGET_MS || (r.page && percentile(r.page, 95) > TARGET_MS)));
console.log(`\n${total.toLocaleString("en")} calls of ${heavyLogin.email} (${timeZone}); ${runs} runs per case after ${warmup} warm-up runs; milliseconds\n`);
console.log("| case | rows | SQL median | SQL p95 | page median | page p95 |");
console.log("|---|--:|--:|--:|--:|--:|");
for (const r of results) console.log(`| ${r.name} | ${r === statistics || !r.sql.length ? "–" : r.rows} | ${ms(r.sql, 50)} | ${ms(r.sql, 95)} | ${ms(r.page, 50)} | ${ms(r.page, 95)} |`);
console.log(misses.length ? `\nAbove ${TARGET_MS} ms at p95: ${misses.map((r) => r.name).join(", ")}` : `\nEvery case within ${TARGET_MS} ms at p95.`);
process.exit(0);
