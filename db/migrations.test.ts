import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPglite, migrationsFolder, openPglite, openPostgres, type Connection } from "@/db";

// A fresh PGlite, or on PostgreSQL a throw-away database, so the shared test database is left alone.
const url = process.env.DATABASE_URL;
const database = `clientdesk_test_migrations_${process.pid}`;
let admin: Connection | undefined;
let conn: Connection;

beforeAll(async () => {
  if (url) {
    admin = openPostgres(url);
    await admin.db.execute(sql.raw(`drop database if exists ${database}`));
    await admin.db.execute(sql.raw(`create database ${database}`));
    const target = new URL(url);
    target.pathname = `/${database}`;
    conn = openPostgres(target.toString());
  } else {
    conn = openPglite(createPglite());
  }
});

afterAll(async () => {
  await conn.close();
  if (admin) {
    await admin.db.execute(sql.raw(`drop database if exists ${database}`));
    await admin.close();
  }
});

describe("migrations", () => {
  it("apply to an empty database, create every table, and are a no-op the second time", async () => {
    await conn.migrate(migrationsFolder());
    await conn.migrate(migrationsFolder());
    const result = await conn.db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = current_schema()`,
    );
    const rows = Array.isArray(result) ? result : (result as unknown as { rows: { table_name: string }[] }).rows;
    expect(rows.map((row) => row.table_name)).toEqual(
      expect.arrayContaining(["users", "user_settings", "auth_sessions", "auth_tokens", "rate_limits", "audit_log", "email_outbox"]),
    );
  });
});
