import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type Connection = {
  db: Database;
  migrate: (migrationsFolder: string) => Promise<void>;
  close: () => Promise<void>;
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

export function openPostgres(url: string): Connection {
  const client = postgres(url, { max: Number(process.env.DATABASE_POOL_SIZE ?? 10), onnotice: () => {} });
  const db = drizzlePostgres(client, { schema, casing: "snake_case" });
  return {
    db,
    migrate: (migrationsFolder) => migratePostgres(db, { migrationsFolder }),
    close: () => client.end({ timeout: 5 }),
  };
}

export function openPglite(client: PGlite, release: () => void = () => {}): Connection {
  const db = drizzlePglite(client, { schema, casing: "snake_case" });
  return {
    db,
    migrate: (migrationsFolder) => migratePglite(db, { migrationsFolder }),
    close: async () => {
      await client.close();
      release();
    },
  };
}

function connect(): Connection {
  const url = process.env.DATABASE_URL;
  if (url) return openPostgres(url);
  const folder = path.join(dataDir(), "pglite");
  const release = lockDataFolder(folder);
  return openPglite(new PGlite(folder), release);
}

function connection(): Connection {
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
