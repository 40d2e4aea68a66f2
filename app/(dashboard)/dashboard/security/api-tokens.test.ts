import { and, eq } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { staffRevokeApiTokenAction } from "@/app/admin/users/[id]/api-token-actions";
import { GET as getToken } from "@/app/api/v1/token/route";
import { listApiTokens } from "@/db/queries/api-tokens";
import type { SessionUser } from "@/db/queries/sessions";
import { activityEvents, apiTokens, auditLog, emailOutbox, notifications, users } from "@/db/schema";
import { setupTestDatabase, signedInUser, uniqueIp } from "@/db/testing";
import { callApi, testApiToken } from "@/db/testing/api";
import { tokenEndpoints } from "@/lib/api/endpoints/token";
import { apiTokenRateLimit, apiTokenStatus, staffRevokeApiToken } from "@/lib/api/tokens";
import { API_TOKEN_NAME_MAX, API_TOKENS_PER_USER_MAX } from "@/lib/constants";
import { AppError } from "@/lib/errors";
import messages from "@/lib/i18n/messages/en.json";
import { hashPassword } from "@/lib/passwords";
import { getSessionUser } from "@/lib/session";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";

vi.mock("@/lib/session", () => ({ getSessionUser: vi.fn(), STAFF_TWO_FACTOR_PATH: "/admin/two-factor" }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": uniqueIp() }) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), refresh: vi.fn() }));
vi.mock("next-intl/server", () => ({
  getTranslations: async (options?: string | { namespace?: string }) =>
    createTranslator({ locale: "en", messages, namespace: (typeof options === "string" ? options : options?.namespace) as never }),
}));

const db = setupTestDatabase();
const password = "a long passphrase for tokens";
const info = { ip: null, userAgent: null };
let passwordHash: string;

beforeAll(async () => {
  passwordHash = await hashPassword(password);
});

/** A customer with a real password, signed in (the action's session). */
async function customerWithPassword(label: string): Promise<SessionUser> {
  const user = await signedInUser("customer", label);
  await db().update(users).set({ passwordHash }).where(eq(users.id, user.id));
  return user;
}

function actAs(user: SessionUser) {
  vi.mocked(getSessionUser).mockResolvedValue(user);
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

const valid = { name: "CRM sync", "scope.profile": "read", "scope.calls": "write", "scope.invoices": "none", expiresInDays: "30", currentPassword: password };
const whoAmI = (token: string) => callApi(getToken, tokenEndpoints.get, { token });
const tokenCount = async (userId: string) => (await listApiTokens(userId)).length;

let customer: SessionUser;
beforeEach(async () => {
  customer = await customerWithPassword("tokens");
  actAs(customer);
});

describe("creating a token on the Security page", () => {
  it("needs the current password, shows the token once, keeps its hash, and tells the owner in the app, by email and on the timeline", async () => {
    const state = await createApiTokenAction({ ok: false }, form(valid));
    expect(state).toMatchObject({ ok: true, message: 'The token "CRM sync" was created.', values: {} });
    const token = state.secrets![0]!;
    expect(token).toMatch(/^cdk_[A-Za-z0-9_-]{43}$/);

    const [listed] = await listApiTokens(customer.id);
    expect(listed).toMatchObject({ name: "CRM sync", prefix: token.slice(0, 10), scopes: ["profile:read", "calls:write"], revokedAt: null, lastUsedAt: null });
    expect(Math.abs(listed!.expiresAt!.getTime() - (Date.now() + 30 * 86_400_000))).toBeLessThan(60_000);
    const [stored] = await db().select({ tokenHash: apiTokens.tokenHash }).from(apiTokens).where(eq(apiTokens.id, listed!.id));
    expect(stored!.tokenHash).not.toContain(token);
    expect(JSON.stringify(listed)).not.toContain(stored!.tokenHash);

    const { status, json } = await whoAmI(token);
    expect(status).toBe(200);
    expect(json).toMatchObject({ id: listed!.id, scopes: ["profile:read", "calls:write"], user: { id: customer.id } });

    const told = await db().select({ type: notifications.type, params: notifications.params }).from(notifications).where(eq(notifications.userId, customer.id));
    expect(told).toEqual([{ type: "security.apiTokenCreated", params: { name: "CRM sync" } }]);
    const mails = await db().select({ template: emailOutbox.template, subject: emailOutbox.subject, text: emailOutbox.textBody }).from(emailOutbox).where(eq(emailOutbox.toAddress, customer.email));
    const security = mails.find((mail) => mail.template === "apiTokenCreated");
    expect(security).toMatchObject({ subject: "A new API token was created for your Clientdesk account" });
    expect(security!.text).toContain('"CRM sync"');
    for (const mail of mails) expect(mail.text).not.toContain(token);
    const timeline = await db().select({ type: activityEvents.type, params: activityEvents.params, onlyFor: activityEvents.onlyForUserId }).from(activityEvents).where(eq(activityEvents.accountId, customer.accountId!));
    expect(timeline).toContainEqual({ type: "security.apiTokenCreated", params: { name: "CRM sync" }, onlyFor: customer.id });
    const [audit] = await db().select({ metadata: auditLog.metadata }).from(auditLog).where(and(eq(auditLog.targetUserId, customer.id), eq(auditLog.action, "user.api_token_created")));
    expect(audit!.metadata).toMatchObject({ tokenId: listed!.id, scopes: "profile:read calls:write" });
  });

  it("refuses a missing or wrong password with the message next to the password field, and creates nothing", async () => {
    expect(await createApiTokenAction({ ok: false }, form({ ...valid, currentPassword: "" }))).toMatchObject({ ok: false, fieldErrors: { currentPassword: "Enter your password." } });
    const wrong = await createApiTokenAction({ ok: false }, form({ ...valid, currentPassword: "not my passphrase" }));
    expect(wrong).toMatchObject({ ok: false, fieldErrors: { currentPassword: "The password is not correct." } });
    expect(wrong.secrets).toBeUndefined();
    // What was typed stays in the form, the password excepted.
    expect(wrong.values).toMatchObject({ name: "CRM sync", "scope.calls": "write", expiresInDays: "30" });
    expect(wrong.values).not.toHaveProperty("currentPassword");
    expect(await tokenCount(customer.id)).toBe(0);
  });

  it("checks name, scopes and expiry with a message next to each field", async () => {
    const empty = await createApiTokenAction({ ok: false }, form({ name: "  ", expiresInDays: "14", currentPassword: password }));
    expect(empty.fieldErrors).toEqual({ name: "Give the token a name.", scopes: "Choose at least one area the token may read or write.", expiresInDays: "Choose when the token expires." });
    const long = await createApiTokenAction({ ok: false }, form({ ...valid, name: "x".repeat(API_TOKEN_NAME_MAX + 1) }));
    expect(long.fieldErrors).toEqual({ name: "Use at most 100 characters." });
    const madeUp = await createApiTokenAction({ ok: false }, form({ ...valid, "scope.calls": "admin" }));
    expect(madeUp.fieldErrors).toEqual({ scopes: "Choose none, read or write for each area." });
    expect(await tokenCount(customer.id)).toBe(0);
    // "Never" is a choice: the token has no expiry.
    expect((await createApiTokenAction({ ok: false }, form({ ...valid, expiresInDays: "never" }))).ok).toBe(true);
    expect((await listApiTokens(customer.id))[0]!.expiresAt).toBeNull();
  });

  it("limits password attempts per user as the email change does", async () => {
    const { limit } = apiTokenRateLimit(customer.id);
    for (let attempt = 0; attempt < limit; attempt++) {
      expect((await createApiTokenAction({ ok: false }, form({ ...valid, currentPassword: "guess" }))).fieldErrors).toEqual({ currentPassword: "The password is not correct." });
    }
    const refused = await createApiTokenAction({ ok: false }, form(valid));
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/^Too many attempts\. Try again in \d+ minutes?\.$/) });
    expect(await tokenCount(customer.id)).toBe(0);
  });

  it(`allows ${API_TOKENS_PER_USER_MAX} live tokens, says so when that many exist, and counts a revoked one out`, async () => {
    for (let index = 0; index < API_TOKENS_PER_USER_MAX; index++) await testApiToken(customer, ["profile:read"]);
    const refused = await createApiTokenAction({ ok: false }, form(valid));
    expect(refused).toMatchObject({ ok: false, message: `You already have ${API_TOKENS_PER_USER_MAX} active tokens, the most allowed. Revoke one you no longer use first.` });
    expect(await tokenCount(customer.id)).toBe(API_TOKENS_PER_USER_MAX);
    const [newest] = await listApiTokens(customer.id);
    expect((await revokeApiTokenAction({ ok: false }, form({ tokenId: newest!.id }))).ok).toBe(true);
    expect((await createApiTokenAction({ ok: false }, form(valid))).ok).toBe(true);
  });

  it("gives staff no token: the service refuses anyone but a customer", async () => {
    const staff = await signedInUser("admin", "token-staff");
    actAs(staff);
    expect(await createApiTokenAction({ ok: false }, form(valid))).toMatchObject({ ok: false, message: "You are not allowed to do that." });
    expect(await tokenCount(staff.id)).toBe(0);
  });
});

describe("a token's status in the lists", () => {
  it("is expired once its expiry has passed, and revoked whatever its expiry says", () => {
    const now = new Date("2026-11-26T12:00:00Z");
    expect(apiTokenStatus({ revokedAt: null, expiresAt: null }, now)).toBe("active");
    expect(apiTokenStatus({ revokedAt: null, expiresAt: new Date("2026-11-26T12:00:01Z") }, now)).toBe("active");
    expect(apiTokenStatus({ revokedAt: null, expiresAt: now }, now)).toBe("expired");
    expect(apiTokenStatus({ revokedAt: new Date("2026-11-01T00:00:00Z"), expiresAt: new Date("2026-11-02T00:00:00Z") }, now)).toBe("revoked");
  });
});

describe("revoking a token", () => {
  it("the owner revokes one without a password; the next request with it fails, and the timeline says so", async () => {
    const token = await testApiToken(customer, ["profile:read"]);
    expect((await whoAmI(token)).status).toBe(200);
    const [row] = await listApiTokens(customer.id);
    expect(await revokeApiTokenAction({ ok: false }, form({ tokenId: row!.id }))).toMatchObject({ ok: true, message: "The token was revoked." });
    expect((await whoAmI(token)).status).toBe(401);
    expect((await listApiTokens(customer.id))[0]!.revokedAt).toBeInstanceOf(Date);
    // Already revoked: nothing left to revoke.
    expect(await revokeApiTokenAction({ ok: false }, form({ tokenId: row!.id }))).toMatchObject({ ok: false, message: "This token does not exist or is already revoked." });
    const timeline = await db().select({ type: activityEvents.type, params: activityEvents.params, actorId: activityEvents.actorId }).from(activityEvents).where(eq(activityEvents.accountId, customer.accountId!));
    expect(timeline).toContainEqual({ type: "security.apiTokenRevoked", params: { name: "Test token", byStaff: false }, actorId: customer.id });
  });

  it("a customer cannot revoke another customer's token: not found, and it keeps working", async () => {
    const other = await customerWithPassword("token-other");
    const token = await testApiToken(other, ["profile:read"]);
    const [row] = await listApiTokens(other.id);
    expect(await revokeApiTokenAction({ ok: false }, form({ tokenId: row!.id }))).toMatchObject({ ok: false, message: "This token does not exist or is already revoked." });
    expect(await revokeApiTokenAction({ ok: false }, form({ tokenId: "not-a-uuid" }))).toMatchObject({ ok: false, fieldErrors: { tokenId: "This value is not valid." } });
    expect((await whoAmI(token)).status).toBe(200);
    expect((await listApiTokens(other.id))[0]!.revokedAt).toBeNull();
  });

  it("staff revoke a customer's token: audited, the customer told, the next request fails", async () => {
    const token = await testApiToken(customer, ["calls:read"]);
    const [row] = await listApiTokens(customer.id);
    const staff = await signedInUser("admin", "token-staff");
    actAs(staff);
    // The token belongs to this user only: named with another user's id it is not found.
    const bystander = await signedInUser("customer", "token-bystander");
    expect(await staffRevokeApiTokenAction({ ok: false }, form({ userId: bystander.id, tokenId: row!.id }))).toMatchObject({ ok: false, message: "This token does not exist or is already revoked." });
    expect((await whoAmI(token)).status).toBe(200);

    expect(await staffRevokeApiTokenAction({ ok: false }, form({ userId: customer.id, tokenId: row!.id }))).toMatchObject({ ok: true, message: "The token was revoked." });
    expect((await whoAmI(token)).status).toBe(401);
    const [audit] = await db().select({ actorId: auditLog.actorId, metadata: auditLog.metadata }).from(auditLog).where(and(eq(auditLog.targetUserId, customer.id), eq(auditLog.action, "admin.api_token_revoked")));
    expect(audit).toMatchObject({ actorId: staff.id, metadata: { tokenId: row!.id, name: "Test token" } });
    const told = await db().select({ type: notifications.type, params: notifications.params }).from(notifications).where(eq(notifications.userId, customer.id));
    expect(told).toEqual([{ type: "security.apiTokenRevokedByStaff", params: { name: "Test token" } }]);
    const timeline = await db().select({ type: activityEvents.type, params: activityEvents.params, actorId: activityEvents.actorId }).from(activityEvents).where(eq(activityEvents.accountId, customer.accountId!));
    expect(timeline).toContainEqual({ type: "security.apiTokenRevoked", params: { name: "Test token", byStaff: true }, actorId: null });
  });

  it("a customer cannot use the staff revoke, through the action or the service", async () => {
    const other = await customerWithPassword("token-victim");
    const token = await testApiToken(other, ["calls:read"]);
    const [row] = await listApiTokens(other.id);
    expect(await staffRevokeApiTokenAction({ ok: false }, form({ userId: other.id, tokenId: row!.id }))).toMatchObject({ ok: false, message: "You are not allowed to do that." });
    await expect(staffRevokeApiToken(customer, { userId: other.id, tokenId: row!.id }, info)).rejects.toBeInstanceOf(AppError);
    expect((await whoAmI(token)).status).toBe(200);
  });
});
