import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { assertTestDatabaseUrl, isTestDatabaseUrl } from "./test-database.mjs";

describe("the test database guard", () => {
  it("accepts only databases whose name says they are for tests", () => {
    expect(isTestDatabaseUrl("postgres://postgres@127.0.0.1:5432/test")).toBe(true);
    expect(isTestDatabaseUrl("postgres://postgres@127.0.0.1:5432/clientdesk_test")).toBe(true);
    expect(isTestDatabaseUrl("postgres://postgres@127.0.0.1:5432/clientdesk_test2")).toBe(true);
    expect(isTestDatabaseUrl("postgres://postgres@127.0.0.1:5432/test-clientdesk")).toBe(true);
    expect(isTestDatabaseUrl("postgres://postgres@127.0.0.1:5432/clientdesk")).toBe(false);
    for (const name of ["latest", "contest", "attestation_prod", "testimonials"]) expect(isTestDatabaseUrl(`postgres://postgres@127.0.0.1:5432/${name}`), name).toBe(false);
    expect(isTestDatabaseUrl("postgres://test:test@test.example:5432/production")).toBe(false);
    expect(() => assertTestDatabaseUrl("postgres://postgres@127.0.0.1:5432/postgres")).toThrow(/Refusing to wipe database "postgres"/);
  });

  it("makes the reset script refuse a database not named for tests, before connecting", () => {
    const result = spawnSync(process.execPath, ["scripts/reset-db.mjs"], {
      env: { ...process.env, DATABASE_URL: "postgres://nobody@127.0.0.1:1/production" },
      encoding: "utf8",
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('Refusing to wipe database "production"');
  });
});
