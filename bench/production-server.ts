// The production build as the benchmarks measure it: started on a free port against a database,
// stopped with its process group when the bench exits, and a signed-in session of the heavy customer.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { chromium } from "@playwright/test";
import { heavyLogin } from "@/db/demo";

let server: ChildProcess | undefined;
/** Stops the server (also done when the bench exits). */
export const stopServer = () => {
  if (server?.pid) try { process.kill(-server.pid, "SIGTERM"); } catch {} // its process group: start.mjs and the server it spawns
  server = undefined;
};
process.on("exit", stopServer);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(130));

function freePort(preferred: number): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | null>((resolve) => {
      const probe = net.createServer().once("error", () => resolve(null));
      probe.listen(port, "127.0.0.1", () => {
        const bound = (probe.address() as net.AddressInfo).port;
        probe.close(() => resolve(bound));
      });
    });
  return tryListen(preferred).then((port) => port ?? tryListen(0).then((any) => any!));
}

/** Serves the existing build (no rebuild) with its log under `.data/<name>/server.log`; resolves to its base URL once healthy. */
export async function startProductionServer(options: { name: string; port: number; env?: Record<string, string>; fail: (message: string) => never }): Promise<string> {
  const { fail } = options;
  if (!fs.existsSync(".next/BUILD_ID")) fail("no production build (.next/BUILD_ID is missing). Run `npx next build` first.");
  const port = await freePort(options.port);
  const dataDir = path.resolve(".data", options.name);
  fs.mkdirSync(dataDir, { recursive: true });
  const log = fs.openSync(path.join(dataDir, "server.log"), "w");
  const env = {
    ...process.env,
    SKIP_BUILD: "1",
    PORT: String(port),
    HOST: "127.0.0.1",
    AUTH_URL: `http://127.0.0.1:${port}`,
    AUTH_SECRET: "bench-secret-not-for-production-0123456789abcdef",
    DATA_DIR: dataDir,
    ...options.env,
  };
  server = spawn(process.execPath, ["scripts/start.mjs"], { env, stdio: ["ignore", log, log], detached: true });
  const base = `http://127.0.0.1:${port}`;
  for (const started = Date.now(); Date.now() - started < 60_000; await new Promise((r) => setTimeout(r, 250))) {
    if (server.exitCode !== null) fail(`the server exited during start-up; see ${dataDir}/server.log`);
    if (await fetch(`${base}/api/health`).then((r) => r.status === 200, () => false)) return base;
  }
  return fail(`the server did not answer on /api/health within 60 s; see ${dataDir}/server.log`);
}

/** Signs the heavy customer in through the form, as a person would, and returns the session's Cookie header. */
export async function signInHeavyCustomer(base: string, fail: (message: string) => never): Promise<string> {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/sign-in`);
    await page.getByLabel("Email", { exact: true }).fill(heavyLogin.email);
    await page.getByLabel("Password", { exact: true }).fill(heavyLogin.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL((url) => url.pathname !== "/sign-in", { timeout: 20_000 }).catch(() => fail(`signing in as ${heavyLogin.email} did not leave /sign-in`));
    return (await context.cookies(base)).map((c) => `${c.name}=${c.value}`).join("; ");
  } finally {
    await browser.close();
  }
}
