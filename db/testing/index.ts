import fs from "node:fs";
import { randomUUID } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, inject } from "vitest";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { Sql } from "postgres";
import { closeDb, createPglite, getDb, openPglite, openPostgres, setConnection, type Database } from "@/db";
import { getJobQueue } from "@/db/jobs";
import * as schema from "@/db/schema";
import { createAuthSession, getActiveSessionUser, type SessionUser } from "@/db/queries/sessions";
import { createUser } from "@/db/queries/users";
import { jobQueueList } from "@/lib/jobs/queues";
import { enableTwoFactorWithSecret } from "@/lib/two-factor/service";
import { generateTotpSecret } from "@/lib/two-factor/totp";

/**
 * Gives the test file its own migrated database (a PGlite copy, or the shared PostgreSQL of
 * DATABASE_URL) and makes it the app's database, so code under test runs as in production.
 */
export function setupTestDatabase(): () => Database {
  // On the shared PostgreSQL each file's jobs go to a queue schema of its own, so one file's
  // runQueuedJobs() never runs another's jobs.
  const jobSchema = `pgboss_test_${randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    const url = process.env.DATABASE_URL;
    if (url) {
      const conn = openPostgres(url, { jobSchema });
      conn.beforeClose.push(async () => {
        await conn.db.execute(sql.raw(`drop schema if exists ${jobSchema} cascade`));
      });
      setConnection(conn);
    } else {
      const snapshot = fs.readFileSync(inject("pgliteSnapshot"));
      setConnection(openPglite(createPglite(undefined, { loadDataDir: new Blob([snapshot]) })));
    }
    // Started now, as the server does at start-up: never first inside a test's transaction.
    await getJobQueue({ maintenance: false, queues: jobQueueList });
  });
  afterAll(async () => {
    await closeDb();
  });
  return getDb;
}

/** Unique per call, so tests sharing a PostgreSQL database never collide. */
export function uniqueEmail(label = "user"): string {
  return `${label}-${randomUUID().slice(0, 8)}@test.clientdesk.test`;
}

/**
 * A new user as a request from their browser presents them to a service. Staff get two-factor
 * sign-in, which every staff service requires.
 */
export async function signedInUser(role: "customer" | "admin", label: string = role): Promise<SessionUser> {
  const user = await createUser({ email: uniqueEmail(label), name: `Tester ${label}`, passwordHash: "x", role, locale: "en" });
  if (role === "admin") await enableTwoFactorWithSecret(user.id, generateTotpSecret());
  const sessionId = await createAuthSession({ userId: user.id, ip: null, userAgent: null });
  return (await getActiveSessionUser(sessionId!))!;
}

/** An address from the IPv6 documentation prefix, in a /64 of its own (rate limits count IPv6 by /64). */
export function uniqueIp(): string {
  const hex = randomUUID().replace(/-/g, "");
  return `2001:db8:${hex.slice(0, 4)}:${hex.slice(4, 8)}::1`;
}

class RolledBack extends Error {}

/**
 * Runs `work` in a transaction that is always rolled back, for tests that change state shared by
 * every test file (e.g. the global sign-in failure counter) on a shared PostgreSQL database.
 */
export async function inRolledBackTransaction(work: (tx: Database) => Promise<void>): Promise<void> {
  try {
    await getDb().transaction(async (tx) => {
      await work(tx as unknown as Database);
      throw new RolledBack();
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
  }
}

/**
 * A handle on the app's own database client that records the text of every statement run through
 * it, for tests that compare what two calls do (parameters are left out: they differ by design).
 */
export function recordingDatabase(): { db: Database; statements: string[] } {
  const statements: string[] = [];
  const logger = {
    logQuery(query: string) {
      statements.push(query);
    },
  };
  const client = (getDb() as unknown as { $client: unknown }).$client;
  const db = process.env.DATABASE_URL
    ? drizzlePostgres(client as Sql, { schema, casing: "snake_case", logger })
    : drizzlePglite(client as PGlite, { schema, casing: "snake_case", logger });
  return { db: db as unknown as Database, statements };
}
