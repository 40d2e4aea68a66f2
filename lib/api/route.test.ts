import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as getToken } from "@/app/api/v1/token/route";
import { apiTokens } from "@/db/schema";
import { setupTestDatabase, signedInUser } from "@/db/testing";
import { callApi, testApiToken } from "@/db/testing/api";
import { API_RATE_LIMIT } from "@/lib/constants";
import { tokenEndpoints } from "./endpoints/token";
import { revokeApiToken } from "./tokens";

const db = setupTestDatabase();
const info = { ip: null, userAgent: null };
const whoAmI = (token: string | null, headers: Record<string, string> = {}) => callApi(getToken, tokenEndpoints.get, { token, headers });

describe("the API's token check", () => {
  it("refuses no token, a garbage one and a made-up one with 401, the error object and WWW-Authenticate", async () => {
    for (const token of [null, "garbage", `cdk_${"x".repeat(43)}`]) {
      const { status, json, response } = await whoAmI(token);
      expect(status).toBe(401);
      expect(json.error).toMatchObject({ code: "unauthorized", fields: {} });
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
  });

  it("acts for the token's user, keeps only a hash, and fails on the next request once revoked or expired", async () => {
    const customer = await signedInUser("customer", "api-core");
    const token = await testApiToken(customer, ["calls:read"]);
    const { status, json } = await whoAmI(token);
    expect(status).toBe(200);
    expect(json).toMatchObject({ scopes: ["calls:read"], expiresAt: null, user: { id: customer.id, email: customer.email } });
    const [stored] = await db().select().from(apiTokens).where(eq(apiTokens.id, json.id));
    expect(stored!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(token);

    expect(await revokeApiToken(customer, json.id, info)).toEqual({ status: "ok" });
    expect((await whoAmI(token)).status).toBe(401);

    const expiring = await testApiToken(customer, ["calls:read"], new Date(Date.now() + 60_000));
    expect((await whoAmI(expiring)).status).toBe(200);
    await db().update(apiTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiTokens.userId, customer.id));
    expect((await whoAmI(expiring)).status).toBe(401);
  });

  it("sends RateLimit headers, then 429 with Retry-After once the token used its minute", async () => {
    const customer = await signedInUser("customer", "api-rate");
    const token = await testApiToken(customer);
    const first = await whoAmI(token);
    expect(first.response.headers.get("ratelimit-limit")).toBe(String(API_RATE_LIMIT));
    expect(first.response.headers.get("ratelimit-remaining")).toBe(String(API_RATE_LIMIT - 1));
    expect(Number(first.response.headers.get("ratelimit-reset"))).toBeGreaterThan(0);
    const [row] = await db().select({ id: apiTokens.id }).from(apiTokens).where(eq(apiTokens.userId, customer.id));
    const { rateLimits } = await import("@/db/schema");
    await db().update(rateLimits).set({ count: API_RATE_LIMIT }).where(eq(rateLimits.key, `api:${row!.id}`));
    const refused = await whoAmI(token);
    expect(refused.status).toBe(429);
    expect(refused.json.error.code).toBe("rate_limited");
    expect(Number(refused.response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.response.headers.get("ratelimit-remaining")).toBe("0");
  });
});
