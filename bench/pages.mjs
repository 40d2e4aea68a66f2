// `npm run bench:pages`: server CPU, SQL statements, bytes and Lighthouse scores of a few pages,
// measured against the existing production build on a PostgreSQL database of its own.
// Flags: --quick (few requests, one run: for trying the script, not for numbers), --runs=N (default 3),
// --port=N (default 3200, else any free one), --no-lighthouse, --sql (print the statements one request
// runs). BENCH_DATABASE_URL picks the database; it is wiped, so "bench" must be part of its name.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import postgres from "postgres";
import { isDatabaseNamedFor } from "../scripts/test-database.mjs";

process.chdir(fileURLToPath(new URL("..", import.meta.url)));
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name, fallback) => Number(args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const quick = flag("quick");
const settings = {
  warmup: quick ? 10 : 150,
  sequential: quick ? 20 : 100,
  concurrent: quick ? 40 : 200,
  concurrency: 10,
  runs: option("runs", quick ? 1 : 3),
  lighthouseRuns: quick ? 1 : 3,
};
const databaseUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/clientdesk_bench";
const dataDir = path.resolve(".data/bench");
const password = "clientdesk-demo";
const logins = { customer: "customer@clientdesk.test", admin: "admin@clientdesk.test" };
const pages = [
  { path: "/dashboard", as: "customer" },
  { path: "/dashboard/settings", as: "customer" },
  { path: "/admin/users", as: "admin" },
];
const chromiumPath = "/usr/bin/chromium";
const chromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const clockTicks = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

const median = (values) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (value, digits = 1) => Number(value.toFixed(digits));

// ---- what is running, so every exit path can stop it ----
let server, relay, browser, lighthouseChrome, chromeTmp;
const serverLog = path.join(dataDir, "server.log");

/** The pids of a process and all its descendants, read afresh because start.mjs may spawn children. */
function processTree(pid) {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    try {
      for (const task of fs.readdirSync(`/proc/${pids[i]}/task`)) {
        const children = fs.readFileSync(`/proc/${pids[i]}/task/${task}/children`, "utf8").trim();
        if (children) pids.push(...children.split(" ").map(Number));
      }
    } catch {} // the process ended between reads
  }
  return pids;
}

/** utime+stime of the tree, in clock ticks; cutime+cstime keep a reaped child's time in the sum. */
function treeTicks(pid) {
  let ticks = 0;
  for (const p of processTree(pid)) {
    try {
      // Fields after the ")" that ends the command name: field 3 is at index 0, so 14-17 are 11-14.
      const stat = fs.readFileSync(`/proc/${p}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } catch {}
  }
  return ticks;
}

function stopEverything() {
  if (server?.pid) for (const pid of processTree(server.pid).reverse()) try { process.kill(pid, "SIGKILL"); } catch {}
  server = undefined;
  relay?.server.close();
  for (const socket of relay?.sockets ?? []) socket.destroy();
  relay = undefined;
  browser?.close().catch(() => {});
  browser = undefined;
  stopLighthouseChrome();
}

function stopLighthouseChrome() {
  try { lighthouseChrome?.kill(); } catch {}
  lighthouseChrome = undefined;
  if (chromeTmp) fs.rmSync(chromeTmp, { recursive: true, force: true });
  chromeTmp = undefined;
}
process.on("exit", stopEverything);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => { console.error(`\n${signal}: stopping the server.`); process.exit(130); });

/** SIGTERM first so the server closes its database connections; SIGKILL what is left after 5 s. */
async function stopServer() {
  if (!server?.pid) return;
  const pids = processTree(server.pid);
  for (const pid of pids) try { process.kill(pid, "SIGTERM"); } catch {}
  const alive = () => pids.filter((pid) => fs.existsSync(`/proc/${pid}`));
  for (const started = Date.now(); alive().length && Date.now() - started < 5000; ) await new Promise((r) => setTimeout(r, 100));
  stopEverything();
}

function fail(message) {
  console.error(`\nbench:pages: ${message}`);
  process.exit(1);
}

// ---- PostgreSQL: a dedicated database, and a relay that counts the statements the app sends ----
async function prepareDatabase() {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  if (!isDatabaseNamedFor(databaseUrl, "bench")) fail(`refusing to wipe database "${name}": its name must have "bench" as one of its parts (set BENCH_DATABASE_URL).`);
  const adminUrl = new URL(databaseUrl);
  adminUrl.pathname = "/postgres";
  const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
  const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
  if (!exists) await admin.unsafe(`create database "${name.replaceAll('"', '""')}"`);
  await admin.end();
  const db = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  await db.unsafe("drop schema if exists drizzle cascade; drop schema public cascade; create schema public;");
  await db.end();
  return name;
}

/**
 * Follows the client side of the PostgreSQL wire protocol across TCP chunks: a startup message
 * (int32 length, int32 code) until the real one, then 1 type byte + int32 length per message.
 * Bodies are only kept for the types in `keep`; the rest are skipped without copying.
 */
function clientMessageParser(onMessage, keep) {
  let startup = true;
  let header = Buffer.alloc(0);
  let type = "";
  let remaining = 0;
  let body = null;
  let broken = false;
  return (chunk) => {
    let i = 0;
    while (i < chunk.length && !broken) {
      if (remaining > 0) {
        const n = Math.min(remaining, chunk.length - i);
        body?.push(chunk.subarray(i, i + n));
        remaining -= n;
        i += n;
        if (remaining === 0) onMessage(type, body && Buffer.concat(body));
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
        type = "startup";
      } else {
        type = String.fromCharCode(header[0]);
        remaining = header.readInt32BE(1) - 4;
      }
      header = Buffer.alloc(0);
      if (remaining < 0) broken = true; // e.g. TLS after an 'S' answer: stop guessing
      body = keep.has(type) ? [] : null;
      if (remaining === 0) onMessage(type, body && Buffer.alloc(0));
    }
  };
}

function startRelay() {
  const target = new URL(databaseUrl);
  const stats = { statements: 0, capture: null };
  const sockets = new Set();
  const cstrings = (buffer) => buffer.toString("utf8").split("\0");
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => { client.destroy(); upstream.destroy(); });
    }
    // Named statements are parsed once per connection and later only bound: remember every Parse.
    const prepared = new Map();
    const portals = new Map();
    const parse = clientMessageParser((type, body) => {
      if (type === "E" || type === "Q") stats.statements++;
      if (type === "P") { const [name, text] = cstrings(body); prepared.set(name, text); }
      if (!stats.capture) return;
      if (type === "B") { const [portal, name] = cstrings(body); portals.set(portal, prepared.get(name) ?? `(prepared ${name})`); }
      if (type === "E") stats.capture.push(portals.get(cstrings(body)[0]) ?? "(unknown portal)");
      if (type === "Q") stats.capture.push(cstrings(body)[0]);
    }, new Set(["P", "B", "E", "Q"]));
    client.on("data", parse);
    client.pipe(upstream).pipe(client);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => {
    const url = new URL(databaseUrl);
    url.hostname = "127.0.0.1";
    url.port = String(server.address().port);
    resolve({ server, sockets, stats, url: url.toString() });
  }));
}

// ---- the server ----
function freePort(preferred) {
  const tryListen = (port) => new Promise((resolve) => {
    const probe = net.createServer().once("error", () => resolve(null));
    probe.listen(port, "127.0.0.1", () => { const { port: bound } = probe.address(); probe.close(() => resolve(bound)); });
  });
  return tryListen(preferred).then((port) => port ?? tryListen(0));
}

// The server and the seed share it: the demo admin's two-factor key is sealed with it.
const benchAuthSecret = "bench-secret-not-for-production-0123456789abcdef";

async function startServer(port, relayUrl) {
  const env = {
    ...process.env,
    SKIP_BUILD: "1",
    PORT: String(port),
    HOST: "127.0.0.1",
    AUTH_URL: `http://127.0.0.1:${port}`,
    AUTH_SECRET: benchAuthSecret,
    DATA_DIR: dataDir,
    DATABASE_URL: relayUrl,
  };
  const log = fs.openSync(serverLog, "w");
  // detached: Ctrl-C reaches only this script, which then stops the whole tree itself.
  server = spawn(process.execPath, ["scripts/start.mjs"], { env, stdio: ["ignore", log, log], detached: true });
  let exited = false;
  server.on("exit", () => { exited = true; });
  const base = `http://127.0.0.1:${port}`;
  for (const started = Date.now(); Date.now() - started < 60_000; await new Promise((r) => setTimeout(r, 250))) {
    if (exited) fail(`the server exited during start-up; its log (${serverLog}):\n${fs.readFileSync(serverLog, "utf8").slice(-3000)}`);
    const ok = await fetch(`${base}/api/health`).then((r) => r.status === 200, () => false);
    if (ok) return base;
  }
  fail(`the server did not answer 200 on /api/health within 60 s; see ${serverLog}`);
}

async function signIn(base, email) {
  browser ??= await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => url.pathname !== "/sign-in", { timeout: 20_000 }).catch(() => fail(`sign-in as ${email} did not leave /sign-in`));
  if (new URL(page.url()).pathname === "/sign-in/two-factor") {
    // Staff sign in with two-factor: the demo admin's current code, as `npm run demo:code` prints it.
    const code = /\d{6}/.exec(execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/demo-code.ts"], { encoding: "utf8" }))?.[0];
    if (!code) fail("npm run demo:code printed no code");
    await page.getByLabel("Authentication code", { exact: true }).fill(code);
    await page.getByRole("button", { name: "Verify", exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"), { timeout: 20_000 }).catch(() => fail(`the two-factor step for ${email} did not leave /sign-in`));
  }
  const cookies = await context.cookies(base);
  await context.close();
  return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

// ---- measuring ----
async function get(url, cookie, email) {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie, accept: "text/html" }, redirect: "manual" });
  const ttfb = performance.now() - started;
  const html = await response.text();
  // A redirect or the sign-in form means the cookie did not work: the numbers would be meaningless.
  if (response.status !== 200) fail(`GET ${url} answered ${response.status} ${response.headers.get("location") ?? ""}`);
  if (html.includes('name="callbackUrl"') || !html.includes(email)) fail(`GET ${url} did not render the signed-in page of ${email}`);
  return { ttfb, html, setCookie: response.headers.getSetCookie().map((c) => c.split("=")[0]) };
}

async function load(url, cookie, email, total, concurrency, onResult = () => {}) {
  let next = 0;
  const worker = async () => { while (next++ < total) onResult(await get(url, cookie, email)); };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** One run of a page: CPU per request at concurrency 1 and 10, SQL per request, TTFBs. */
async function measureRun(target, stats) {
  const { url, cookie, email, samples } = target;
  let ticks = treeTicks(server.pid);
  const statements = stats.statements;
  await load(url, cookie, email, settings.sequential, 1, (r) => samples.ttfb.push(r.ttfb));
  samples.cpu1.push(((treeTicks(server.pid) - ticks) * 1000) / clockTicks / settings.sequential);
  samples.sql.push((stats.statements - statements) / settings.sequential);
  ticks = treeTicks(server.pid);
  await load(url, cookie, email, settings.concurrent, settings.concurrency);
  samples.cpu10.push(((treeTicks(server.pid) - ticks) * 1000) / clockTicks / settings.concurrent);
}

/** What one response weighs, and which statements it ran (with --sql). */
async function describePage(base, target, stats) {
  const { html, setCookie } = await get(target.url, target.cookie, target.email);
  const scripts = new Map([...html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"[^>]*>/g)].map((m) => [m[1].replaceAll("&amp;", "&"), /\snomodule\b/i.test(m[0])]));
  const chunks = [];
  for (const [src, noModule] of scripts) {
    const response = await fetch(new URL(src, base));
    if (response.status !== 200) fail(`GET ${src} answered ${response.status}`);
    chunks.push({ src, noModule, gzip: gzipSync(Buffer.from(await response.arrayBuffer()), { level: 9 }).length });
  }
  // Browsers that run modules skip `nomodule` scripts (Next's polyfills): they are not in the sum.
  const gzipOf = (list) => list.reduce((sum, c) => sum + c.gzip, 0);
  let statementsOfOneRequest;
  if (flag("sql")) {
    stats.capture = [];
    await get(target.url, target.cookie, target.email);
    statementsOfOneRequest = stats.capture;
    stats.capture = null;
  }
  const { samples } = target;
  return {
    page: target.path,
    as: target.as,
    cpuMsPerRequest1: round(median(samples.cpu1), 2),
    cpuMsPerRequest10: round(median(samples.cpu10), 2),
    sqlPerRequest: round(median(samples.sql), 2),
    ttfbMs: round(median(samples.ttfb), 1),
    htmlBytes: Buffer.byteLength(html),
    jsGzipBytes: gzipOf(chunks.filter((c) => !c.noModule)),
    noModuleGzipBytes: gzipOf(chunks.filter((c) => c.noModule)),
    scripts: chunks.sort((a, b) => b.gzip - a.gzip),
    setCookieOnResponse: setCookie,
    statementsOfOneRequest,
    runs: { cpu1: samples.cpu1, cpu10: samples.cpu10, sql: samples.sql },
  };
}

async function lighthouseScores(base, pagePath, cookie) {
  const { default: lighthouse } = await import("lighthouse");
  const chromeLauncher = await import("chrome-launcher");
  const runs = [];
  for (let run = 0; run < settings.lighthouseRuns; run++) {
    // A fresh Chrome (new profile) per run: with disableStorageReset the cache would stay warm.
    // Its own TMPDIR, removed afterwards: a killed Chromium leaves its singleton-socket folder behind.
    chromeTmp = fs.mkdtempSync(path.join(os.tmpdir(), "bench-chrome-"));
    lighthouseChrome = await chromeLauncher.launch({
      chromePath: chromiumPath,
      chromeFlags: [...chromiumArgs, "--headless=new"],
      envVars: { ...process.env, TMPDIR: chromeTmp },
    });
    const result = await lighthouse(`${base}${pagePath}`, {
      port: lighthouseChrome.port,
      logLevel: "error",
      output: "json",
      onlyCategories: ["performance", "accessibility"],
      disableStorageReset: true,
      ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
    });
    stopLighthouseChrome();
    const { categories, audits, finalDisplayedUrl, runtimeError } = result.lhr;
    if (runtimeError) fail(`Lighthouse on ${pagePath}: ${runtimeError.message}`);
    if (new URL(finalDisplayedUrl).pathname !== pagePath) fail(`Lighthouse on ${pagePath} ended on ${finalDisplayedUrl}`);
    runs.push({
      performance: categories.performance.score * 100,
      accessibility: categories.accessibility.score * 100,
      lcpMs: audits["largest-contentful-paint"].numericValue,
      tbtMs: audits["total-blocking-time"].numericValue,
    });
  }
  const pick = (key) => round(median(runs.map((r) => r[key])), 0);
  return { page: pagePath, signedIn: Boolean(cookie), performance: pick("performance"), accessibility: pick("accessibility"), lcpMs: pick("lcpMs"), tbtMs: pick("tbtMs"), runs };
}

function table(headers, rows) {
  return [`| ${headers.join(" | ")} |`, `|${headers.map((_, i) => (i === 0 ? "---" : "--:")).join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

// ---- main ----
if (!fs.existsSync(".next/BUILD_ID")) fail("no production build (.next/BUILD_ID is missing). Run `npx next build` first.");
fs.mkdirSync(dataDir, { recursive: true });
const databaseName = await prepareDatabase();
relay = await startRelay();
const { stats } = relay;
// Asynchronous: the relay runs in this process, so a spawnSync would block it.
const seed = await new Promise((resolve) => {
  const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "db/seed-cli.ts"], {
    env: { ...process.env, DATABASE_URL: relay.url, DATA_DIR: dataDir, AUTH_SECRET: benchAuthSecret },
  });
  let output = "";
  child.stdout.on("data", (d) => { output += d; });
  child.stderr.on("data", (d) => { output += d; });
  child.on("exit", (code) => resolve({ code, output }));
});
if (seed.code !== 0) fail(`seeding ${databaseName} failed:\n${seed.output}`);
const port = await freePort(option("port", 3200));
const base = await startServer(port, relay.url);
console.log(`Server ${base} (pid ${server.pid}, tree ${processTree(server.pid).join(",")}) on ${databaseName}; ${JSON.stringify(settings)}`);

const cookies = { customer: await signIn(base, logins.customer), admin: await signIn(base, logins.admin) };
await browser.close();
browser = undefined;

const targets = pages.map((page) => ({
  ...page,
  url: `${base}${page.path}`,
  cookie: cookies[page.as],
  email: logins[page.as],
  samples: { cpu1: [], cpu10: [], sql: [], ttfb: [] },
}));
// The first ~100 requests of a route run noticeably slower (module loading, JIT), so warm up longer
// than that, and interleave the pages in every run so drift and background load hit them alike.
for (const target of targets) await load(target.url, target.cookie, target.email, settings.warmup, 2);
for (let run = 1; run <= settings.runs; run++) {
  for (const target of targets) await measureRun(target, stats);
  console.log(`  run ${run}/${settings.runs}: ${targets.map((t) => `${t.path} ${t.samples.cpu1.at(-1).toFixed(1)}/${t.samples.cpu10.at(-1).toFixed(1)} ms`).join(", ")}`);
}
const results = [];
for (const target of targets) results.push(await describePage(base, target, stats));
if (flag("sql")) {
  for (const r of results) console.log(`  ${r.page}: ${r.statementsOfOneRequest.length} statements\n${r.statementsOfOneRequest.map((text) => `      ${text.replace(/\s+/g, " ").slice(0, 160)}`).join("\n")}`);
}
const lighthouse = [];
if (!flag("no-lighthouse")) {
  lighthouse.push(await lighthouseScores(base, "/", null));
  lighthouse.push(await lighthouseScores(base, "/dashboard", cookies.customer));
}

const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).stdout.trim();
console.log(`\n## Pages (median of ${settings.runs} run(s); CPU = server process tree, utime+stime)\n`);
console.log(table(
  ["page", "CPU ms/req @1", `CPU ms/req @${settings.concurrency}`, "SQL/req", "TTFB ms", "HTML bytes", "JS gzip bytes"],
  results.map((r) => [`${r.page} (${r.as})`, r.cpuMsPerRequest1, r.cpuMsPerRequest10, r.sqlPerRequest, r.ttfbMs, r.htmlBytes, r.jsGzipBytes]),
));
if (lighthouse.length) {
  console.log(`\n## Lighthouse, mobile (median of ${settings.lighthouseRuns} run(s))\n`);
  console.log(table(
    ["page", "performance", "accessibility", "LCP ms", "TBT ms"],
    lighthouse.map((l) => [`${l.page} (${l.signedIn ? "customer" : "signed out"})`, l.performance, l.accessibility, l.lcpMs, l.tbtMs]),
  ));
}
const output = path.join(dataDir, "pages.json");
fs.writeFileSync(output, `${JSON.stringify({ date: new Date().toISOString(), commit, node: process.version, settings, pages: results, lighthouse }, null, 2)}\n`);
console.log(`\nWritten to ${path.relative(process.cwd(), output)}`);
await stopServer();
process.exit(0);
