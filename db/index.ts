import fs from "node:fs";
import path from "node:path";
import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { fromPglite, type ConstructorOptions } from "pg-boss";
import postgres from "postgres";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** Ends a LISTEN subscription. */
export type Unlisten = () => Promise<void>;

export type Connection = {
  db: Database;
  migrate: (migrationsFolder: string) => Promise<void>;
  close: () => Promise<void>;
  /**
   * Subscribes to a NOTIFY channel: postgres.js on a dedicated connection, PGlite in-process.
   * `onListen` runs each time the subscription is (re)established: what was sent meanwhile is lost.
   */
  listen: (channel: string, onPayload: (payload: string) => void, onListen?: () => void) => Promise<Unlisten>;
  /** How the job queue (pg-boss) reaches the same database. */
  jobQueueOptions: () => ConstructorOptions;
  /** Run before the connection closes, e.g. to stop the job queue that uses it. */
  beforeClose: Array<() => Promise<void>>;
};

const globalForDb = globalThis as unknown as { clientdeskDb?: Connection };

export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.DATA_DIR ?? ".data");
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite is single-process: a second process on the same folder silently loses writes.
 * The lock file holds the owner's pid; a dead owner's lock is taken over.
 */
export function lockDataFolder(folder: string): () => void {
  const lockPath = `${folder}.lock`;
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      const release = () => fs.rmSync(lockPath, { force: true });
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(fs.readFileSync(lockPath, "utf8"));
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new Error(
          `The embedded database in ${folder} is in use by process ${owner}. ` +
            "PGlite allows one process at a time: stop that process, or set DATABASE_URL to use PostgreSQL.",
        );
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock the embedded database folder ${folder}.`);
}

async function runBeforeClose(conn: Connection): Promise<void> {
  // Last registered, first run: what was started later may depend on what was set up before.
  for (const hook of conn.beforeClose.splice(0).reverse()) await hook();
}

/** `jobSchema` gives the job queue a schema of its own (tests use one per file, so their queues never mix). */
export function openPostgres(url: string, options: { jobSchema?: string } = {}): Connection {
  const client = postgres(url, { max: Number(process.env.DATABASE_POOL_SIZE ?? 10), onnotice: () => {} });
  const db = drizzlePostgres(client, { schema, casing: "snake_case" });
  const conn: Connection = {
    db,
    migrate: (migrationsFolder) => migratePostgres(db, { migrationsFolder }),
    close: async () => {
      await runBeforeClose(conn);
      await client.end({ timeout: 5 });
    },
    listen: async (channel, onPayload, onListen) => {
      const { unlisten } = await client.listen(channel, onPayload, onListen);
      return unlisten;
    },
    // pg-boss keeps its own small pool (node-postgres) on the same database.
    jobQueueOptions: () => ({
      connectionString: url,
      max: Number(process.env.JOB_POOL_SIZE ?? 3),
      application_name: "clientdesk-jobs",
      schema: options.jobSchema,
    }),
    beforeClose: [],
  };
  return conn;
}

/** A PGlite with the extensions our migrations use (pg_trgm serves the call history's search). */
export function createPglite(dataDir?: string, options: Omit<PGliteOptions, "extensions"> = {}): PGlite {
  // The (options) form: `new PGlite(undefined, options)` silently drops the extensions.
  return new PGlite({ ...options, dataDir, extensions: { pg_trgm } });
}

export function openPglite(client: PGlite, release: () => void = () => {}): Connection {
  const db = drizzlePglite(client, { schema, casing: "snake_case" });
  const conn: Connection = {
    db,
    migrate: (migrationsFolder) => migratePglite(db, { migrationsFolder }),
    close: async () => {
      await runBeforeClose(conn);
      await client.close();
      release();
    },
    listen: async (channel, onPayload, onListen) => {
      const unsubscribe = await client.listen(channel, onPayload);
      onListen?.();
      return unsubscribe;
    },
    jobQueueOptions: () => ({ backend: "pglite", db: fromPglite(client) }),
    beforeClose: [],
  };
  return conn;
}

function connect(): Connection {
  const url = process.env.DATABASE_URL;
  if (url) return openPostgres(url);
  const folder = path.join(dataDir(), "pglite");
  const release = lockDataFolder(folder);
  return openPglite(createPglite(folder), release);
}

export function connection(): Connection {
  globalForDb.clientdeskDb ??= connect();
  return globalForDb.clientdeskDb;
}

/** The process-wide database; opened on first use so that `next build` never touches it. */
export function getDb(): Database {
  return connection().db;
}

export function isEmbeddedDb(): boolean {
  return !process.env.DATABASE_URL;
}

/** Lets tests and scripts run the app's code against a connection they opened. */
export function setConnection(conn: Connection): void {
  globalForDb.clientdeskDb = conn;
}

export function migrationsFolder(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), "drizzle");
}

export async function migrateDb(): Promise<void> {
  await connection().migrate(migrationsFolder());
}

export async function closeDb(): Promise<void> {
  const conn = globalForDb.clientdeskDb;
  globalForDb.clientdeskDb = undefined;
  await conn?.close();
}
