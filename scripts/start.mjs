// `npm start`: builds, then serves the production build with scripts/server.mjs (`npm run dev`:
// the development server instead, no build). Without DATABASE_URL it runs on the embedded database
// in .data/, which migrates and seeds itself on first start.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { localAuthSecret } from "./local-auth-secret.mjs";

const dataDir = path.resolve(process.env.DATA_DIR ?? ".data");
fs.mkdirSync(dataDir, { recursive: true });

const port = process.env.PORT ?? "3000";
const host = process.env.HOST ?? "127.0.0.1";


const dev = process.argv.includes("--dev");

const env = {
  ...process.env,
  NODE_ENV: dev ? "development" : "production",
  DATA_DIR: dataDir,
  PORT: port,
  AUTH_URL: process.env.AUTH_URL ?? `http://localhost:${port}`,
  AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? "true",
  AUTH_SECRET: process.env.AUTH_SECRET ?? localAuthSecret(dataDir),
  NEXT_TELEMETRY_DISABLED: "1",
};

const nextBin = path.resolve("node_modules/next/dist/bin/next");
if (!dev && process.env.SKIP_BUILD !== "1") {
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, [path.resolve("scripts/server.mjs"), ...(dev ? ["--dev"] : [])], { stdio: "inherit", env: { ...env, HOST: host } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
