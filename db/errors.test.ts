import { describe, expect, it } from "vitest";
import { openPostgres } from "@/db";
import { pingDatabase } from "@/db/queries/health";
import { isDatabaseUnavailable } from "./errors";

describe("telling an outage from a bug", () => {
  it("recognises a refused connection, also when a query error wraps it", async () => {
    const conn = openPostgres("postgres://nobody@127.0.0.1:1/test");
    const error = await pingDatabase(conn.db).then(() => null, (caught: unknown) => caught);
    await conn.close();
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(isDatabaseUnavailable(new Error("query failed", { cause: Object.assign(new Error("terminating"), { code: "57P01" }) }))).toBe(true);
  });

  it("does not call a failing query an outage", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('relation "nope" does not exist'), { code: "42P01" }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
  });
});
