import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rateLimits } from "@/db/schema";
import { setupTestDatabase } from "@/db/testing";
import { consumeRateLimit, peekRateLimit, resetRateLimit } from "./rate-limits";

const db = setupTestDatabase();

function rule(limit = 3) {
  return { key: `test:${randomUUID()}`, limit, windowSeconds: 600 };
}

describe("database rate limiter", () => {
  it("allows up to the limit, then reports how long to wait", async () => {
    const limit = rule(3);
    for (let i = 1; i <= 3; i++) expect(await consumeRateLimit([limit])).toEqual({ allowed: true, counts: { [limit.key]: i }, resetSeconds: { [limit.key]: expect.any(Number) } });
    const blocked = await consumeRateLimit([limit]);
    expect(blocked.allowed).toBe(false);
    if (!blocked.allowed) {
      expect(blocked.retryAfterSeconds).toBeGreaterThan(590);
      expect(blocked.exceeded).toEqual([limit.key]);
    }
  });

  it("peeks at a counter without counting an attempt", async () => {
    const limit = rule(2);
    expect((await peekRateLimit(limit)).allowed).toBe(true);
    await consumeRateLimit([limit]);
    await consumeRateLimit([limit]);
    expect((await peekRateLimit(limit)).allowed).toBe(false);
    expect((await peekRateLimit(limit)).counts[limit.key]).toBe(2);
  });

  it("counts concurrent attempts exactly", async () => {
    const limit = rule(5);
    const results = await Promise.all(Array.from({ length: 8 }, () => consumeRateLimit([limit])));
    expect(results.filter((result) => result.allowed)).toHaveLength(5);
  });

  it("starts a new window once the old one has passed", async () => {
    const limit = rule(1);
    await consumeRateLimit([limit]);
    expect((await consumeRateLimit([limit])).allowed).toBe(false);
    await db().update(rateLimits).set({ windowStartedAt: new Date(Date.now() - 601_000) }).where(eq(rateLimits.key, limit.key));
    expect((await consumeRateLimit([limit])).allowed).toBe(true);
  });

  it("forgets a counter when reset", async () => {
    const limit = rule(1);
    await consumeRateLimit([limit]);
    await resetRateLimit([limit.key]);
    expect((await consumeRateLimit([limit])).allowed).toBe(true);
  });
});
