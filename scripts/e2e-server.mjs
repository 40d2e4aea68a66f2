// The server Playwright tests against: a clean database with the suite's own accounts
// (e2e/fixtures.ts), the production build, and a real SMTP server that writes what it receives to
// mailbox.jsonl for the tests to read.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

const port = process.env.E2E_PORT ?? "3100";
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 2526);
const dataDir = path.resolve(".data/e2e");
const mailbox = path.join(dataDir, "mailbox.jsonl");

fs.rmSync(dataDir, { recursive: true, force: true });
fs.mkdirSync(dataDir, { recursive: true });
fs.writeFileSync(mailbox, "");

const env = {
  ...process.env,
  NODE_ENV: "production",
  DATA_DIR: dataDir,
  PORT: port,
  AUTH_URL: `http://127.0.0.1:${port}`,
  AUTH_TRUST_HOST: "true",
  AUTH_SECRET: "e2e-secret-not-for-production-0123456789abcdef",
  // Demo payment mode; e2e/stripe.ts signs the events it sends with the same secret.
  STRIPE_WEBHOOK_SECRET: "whsec_e2e_not_for_production",
  SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  // The test browser plays the proxy in front of the app: each test context sends its own
  // x-forwarded-for, so one test's sign-in attempts never count against another's address.
  TRUSTED_PROXY_HOPS: "1",
  // The webhook test registers a receiver it starts on 127.0.0.1 (loopback only; see README).
  WEBHOOK_ALLOW_PRIVATE_TARGETS: "true",
  NEXT_TELEMETRY_DISABLED: "1",
};

if (env.DATABASE_URL) {
  const reset = spawnSync(process.execPath, ["scripts/reset-db.mjs"], { stdio: "inherit", env });
  if (reset.status !== 0) process.exit(1);
}
const fixtures = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "e2e/fixtures.ts"], { stdio: "inherit", env });
if (fixtures.status !== 0) process.exit(1);

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  async onData(stream, _session, callback) {
    try {
      const mail = await simpleParser(stream);
      const to = [mail.to].flat().flatMap((address) => address?.value ?? []).map((a) => a.address);
      fs.appendFileSync(mailbox, `${JSON.stringify({ to, subject: mail.subject, text: mail.text, html: mail.html })}\n`);
      callback();
    } catch (error) {
      callback(error);
    }
  },
});
smtp.listen(smtpPort, "127.0.0.1");

/**
 * On PostgreSQL the app connects through this relay, so a test can take the database away
 * (by creating the `database-down` file) and bring it back, as an outage would.
 */
function startDatabaseRelay(databaseUrl) {
  const target = new URL(databaseUrl);
  const downFlag = path.join(dataDir, "database-down");
  const sockets = new Set();
  const relay = net.createServer((client) => {
    if (fs.existsSync(downFlag)) return client.destroy();
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  setInterval(() => {
    if (fs.existsSync(downFlag)) for (const socket of sockets) socket.destroy();
  }, 100).unref();
  const relayPort = Number(process.env.E2E_DB_RELAY_PORT ?? 5439);
  relay.listen(relayPort, "127.0.0.1");
  const relayed = new URL(databaseUrl);
  relayed.hostname = "127.0.0.1";
  relayed.port = String(relayPort);
  return relayed.toString();
}
if (env.DATABASE_URL) env.DATABASE_URL = startDatabaseRelay(env.DATABASE_URL);

const server = spawn(process.execPath, ["scripts/server.mjs"], { stdio: "inherit", env: { ...env, HOST: "127.0.0.1" } });
const stop = () => {
  server.kill("SIGTERM");
  smtp.close();
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
server.on("exit", (code) => process.exit(code ?? 0));
