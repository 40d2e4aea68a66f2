import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as claimRequests } from "@/app/api/platform/call-requests/route";
import { POST as reportCall } from "@/app/api/platform/calls/route";
import { GET as getPreferences } from "@/app/api/platform/customers/[id]/call-preferences/route";
import { auditLog, callPreferences, callRequests, customerAccountMembers, platformApiKeys } from "@/db/schema";
import { setupTestDatabase, signedInUser } from "@/db/testing";
import { callReport, testPlatformKey } from "@/db/testing/call-platform";
import { CALL_REQUEST_CLAIM_LEASE_MINUTES } from "@/lib/constants";
import { AppError } from "@/lib/errors";
import { updatePrivacy } from "@/lib/settings/service";
import { createPlatformKey, revokePlatformKey } from "./keys";

const db = setupTestDatabase();
const info = { ip: null, userAgent: null };

const preferencesOf = (accountId: string, authorization: string | null) =>
  getPreferences(new Request(`http://localhost/api/platform/customers/${accountId}/call-preferences`, { headers: authorization ? { authorization } : {} }), { params: Promise.resolve({ id: accountId }) });
const claim = (authorization: string | null, query = "") =>
  claimRequests(new Request(`http://localhost/api/platform/call-requests${query}`, { headers: authorization ? { authorization } : {} }), undefined);
const report = (authorization: string | null, body: unknown) =>
  reportCall(new Request("http://localhost/api/platform/calls", { method: "POST", headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) }, body: JSON.stringify(body) }), undefined);

async function pendingRequest(accountId: string, values: Partial<typeof callRequests.$inferInsert> = {}) {
  const [request] = await db().insert(callRequests).values({ accountId, toNumber: "+4930123456", ...values }).returning();
  return request!;
}

describe("platform API keys", () => {
  it("are shown once, kept only as a hash with a recognisable prefix, and audited", async () => {
    const admin = await signedInUser("admin", "keys");
    const { key, row } = await createPlatformKey(admin, { name: "Production" }, info);
    expect(key).toMatch(/^cdp_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(row.prefix)).toBe(true);
    const [stored] = await db().select().from(platformApiKeys).where(eq(platformApiKeys.id, row.id));
    expect(stored!.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(key);
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.action, "admin.platform_key_created"), eq(auditLog.actorId, admin.id)));
    expect(audit!.metadata).toMatchObject({ keyId: row.id, name: "Production" });
  });

  it("may be created and revoked by staff with two-factor sign-in only", async () => {
    const customer = await signedInUser("customer", "keys-customer");
    await expect(createPlatformKey(customer, { name: "Mine" }, info)).rejects.toThrow(AppError);
    const admin = await signedInUser("admin", "keys-no-2fa");
    await expect(createPlatformKey({ ...admin, twoFactorEnabled: false }, { name: "Mine" }, info)).rejects.toMatchObject({ code: "two_factor_required" });
  });

  it("refuse a request without a key, with a garbage key or a made-up one: 401 JSON with WWW-Authenticate, on every route", async () => {
    const customer = await signedInUser("customer", "keys-401");
    for (const authorization of [null, "Basic dXNlcjpwYXNz", "Bearer", "Bearer garbage", `Bearer cdp_${"x".repeat(43)}`]) {
      for (const response of [await preferencesOf(customer.accountId!, authorization), await claim(authorization), await report(authorization, callReport(customer.accountId!))]) {
        expect(response.status).toBe(401);
        expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
        expect((await response.json()).error.code).toBe("unauthorized");
      }
    }
  });

  it("record their last use, and a revoked key fails on its very next request", async () => {
    const admin = await signedInUser("admin", "keys-revoke");
    const customer = await signedInUser("customer", "keys-revoke-customer");
    const { key, row } = await createPlatformKey(admin, { name: "Soon revoked" }, info);
    expect(row.lastUsedAt).toBeNull();
    expect((await preferencesOf(customer.accountId!, `Bearer ${key}`)).status).toBe(200);
    const [used] = await db().select({ lastUsedAt: platformApiKeys.lastUsedAt }).from(platformApiKeys).where(eq(platformApiKeys.id, row.id));
    expect(used!.lastUsedAt).not.toBeNull();

    expect(await revokePlatformKey(admin, row.id, info)).toEqual({ status: "ok" });
    expect((await preferencesOf(customer.accountId!, `Bearer ${key}`)).status).toBe(401);
    expect(await revokePlatformKey(admin, row.id, info)).toEqual({ status: "not_found" });
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.action, "admin.platform_key_revoked"), eq(auditLog.actorId, admin.id)));
    expect(audits).toHaveLength(1);
  });
});

describe("GET /api/platform/customers/{id}/call-preferences", () => {
  it("answers the defaults for an account that saved none, and the saved ones otherwise", async () => {
    const key = await testPlatformKey();
    const customer = await signedInUser("customer", "prefs-api");
    const defaults = await preferencesOf(customer.accountId!, `Bearer ${key}`);
    expect(await defaults.json()).toEqual({
      accountId: customer.accountId,
      preferences: { recordingConsent: false, autoRecord: false, aiAssistance: true, callQuality: "high", noiseCancellation: true, autoAnswer: false },
      dataSharing: false,
    });
    await db().insert(callPreferences).values({ accountId: customer.accountId!, recordingConsent: true, autoRecord: true, callQuality: "hd" });
    expect((await (await preferencesOf(customer.accountId!, `Bearer ${key}`)).json()).preferences).toMatchObject({ recordingConsent: true, autoRecord: true, callQuality: "hd" });
  });

  it("answers dataSharing true only while the account's owner allows it; a member's choice does not count", async () => {
    const key = await testPlatformKey();
    const owner = await signedInUser("customer", "sharing-owner");
    const member = await signedInUser("customer", "sharing-member");
    await db().delete(customerAccountMembers).where(eq(customerAccountMembers.userId, member.id));
    await db().insert(customerAccountMembers).values({ accountId: owner.accountId!, userId: member.id, role: "member" });
    const sharing = async () => (await (await preferencesOf(owner.accountId!, `Bearer ${key}`)).json()).dataSharing;

    await updatePrivacy(member, { profileVisibleToStaff: true, dataSharing: true }, info);
    expect(await sharing()).toBe(false);
    await updatePrivacy(owner, { profileVisibleToStaff: true, dataSharing: true }, info);
    expect(await sharing()).toBe(true);
    await updatePrivacy(owner, { profileVisibleToStaff: true, dataSharing: false }, info);
    expect(await sharing()).toBe(false);
  });

  it("answers 404 JSON for an unknown or malformed id", async () => {
    const key = await testPlatformKey();
    for (const id of [crypto.randomUUID(), "not-a-uuid", "' or 1=1 --"]) {
      const response = await preferencesOf(id, `Bearer ${key}`);
      expect(response.status).toBe(404);
      expect((await response.json()).error).toMatchObject({ code: "not_found", fields: { id: expect.any(String) } });
    }
  });
});

describe("GET /api/platform/call-requests", () => {
  it("claims due pending requests once, with the account's preferences, and leaves future and cancelled ones", async () => {
    const key = await testPlatformKey();
    const customer = await signedInUser("customer", "claim");
    const due = await pendingRequest(customer.accountId!, { notes: "Ask about the invoice" });
    const scheduledDue = await pendingRequest(customer.accountId!, { scheduledFor: new Date(Date.now() - 60_000) });
    const future = await pendingRequest(customer.accountId!, { scheduledFor: new Date(Date.now() + 3_600_000) });
    const cancelled = await pendingRequest(customer.accountId!, { status: "cancelled" });

    const response = await claim(`Bearer ${key}`, "?limit=100");
    expect(response.status).toBe(200);
    // Other test files may have due requests of their own on a shared database: only this account's count.
    const requests = ((await response.json()).requests as { id: string; accountId: string }[]).filter((request) => request.accountId === customer.accountId);
    expect(requests.map((request) => request.id).sort()).toEqual([due.id, scheduledDue.id].sort());
    expect(requests.find((request) => request.id === due.id)).toMatchObject({ toNumber: "+4930123456", notes: "Ask about the invoice", preferences: { recordingConsent: false } });
    const again = (await (await claim(`Bearer ${key}`, "?limit=100")).json()).requests as { accountId: string }[];
    expect(again.filter((request) => request.accountId === customer.accountId)).toEqual([]);
    const states = await db().select({ id: callRequests.id, status: callRequests.status }).from(callRequests).where(eq(callRequests.accountId, customer.accountId!));
    expect(Object.fromEntries(states.map((row) => [row.id, row.status]))).toEqual({ [due.id]: "claimed", [scheduledDue.id]: "claimed", [future.id]: "pending", [cancelled.id]: "cancelled" });
  });

  it("hands a claimed request out again once its lease has run out unreported", async () => {
    const key = await testPlatformKey();
    const customer = await signedInUser("customer", "claim-lease");
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    const stale = await pendingRequest(customer.accountId!, { status: "claimed", claimedAt: ago(CALL_REQUEST_CLAIM_LEASE_MINUTES + 1) });
    await pendingRequest(customer.accountId!, { status: "claimed", claimedAt: ago(CALL_REQUEST_CLAIM_LEASE_MINUTES - 1) });
    const mine = async () => ((await (await claim(`Bearer ${key}`, "?limit=100")).json()).requests as { id: string; accountId: string }[]).filter((request) => request.accountId === customer.accountId).map((request) => request.id);
    expect(await mine()).toEqual([stale.id]);
    // Claimed anew: its lease starts again.
    expect(await mine()).toEqual([]);
    const [row] = await db().select({ claimedAt: callRequests.claimedAt }).from(callRequests).where(eq(callRequests.id, stale.id));
    expect(row!.claimedAt!.getTime()).toBeGreaterThan(ago(1).getTime());
  });

  it("hands each request to one of several platform workers claiming at once", async () => {
    const key = await testPlatformKey();
    const customer = await signedInUser("customer", "claim-race");
    const created = await Promise.all(Array.from({ length: 12 }, () => pendingRequest(customer.accountId!)));
    const responses = await Promise.all(Array.from({ length: 4 }, () => claim(`Bearer ${key}`, "?limit=10")));
    const claimed = (await Promise.all(responses.map(async (response) => (await response.json()).requests as { id: string; accountId: string }[]))).flat();
    expect(new Set(claimed.map((request) => request.id)).size).toBe(claimed.length);
    const mine = claimed.filter((request) => request.accountId === customer.accountId).map((request) => request.id);
    expect(mine.sort()).toEqual(created.map((request) => request.id).sort());
  });

  it("answers 400 with the field for a bad limit, and takes 10 when none is given", async () => {
    const key = await testPlatformKey();
    expect((await claim(`Bearer ${key}`)).status).toBe(200);
    for (const query of ["?limit=0", "?limit=101", "?limit=ten", "?limit=2.5"]) {
      const response = await claim(`Bearer ${key}`, query);
      expect(response.status).toBe(400);
      expect((await response.json()).error.fields).toHaveProperty("limit");
    }
  });
});
