import { afterAll, describe, expect, it } from "vitest";
import { closeDb, openPostgres, setConnection } from "@/db";
import { setupTestDatabase } from "@/db/testing";
import { GET } from "./route";

setupTestDatabase();

describe("GET /api/health", () => {
  it("answers 200 when the database answers", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  describe("with the database unreachable", () => {
    afterAll(closeDb);

    it("answers 503 and leaks no detail of the failure", async () => {
      // Port 1 on loopback: nothing listens there, so the connection is refused at once.
      setConnection(openPostgres("postgres://clientdesk:secret-password@127.0.0.1:1/clientdesk"));
      const original = console.error;
      console.error = () => {};
      try {
        const response = await GET();
        expect(response.status).toBe(503);
        const body = await response.text();
        expect(JSON.parse(body)).toEqual({ error: { code: "unavailable", message: "The service is temporarily unavailable." } });
        expect(body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|secret-password/);
        expect(response.headers.get("cache-control")).toBe("no-store");
      } finally {
        console.error = original;
      }
    });
  });
});
