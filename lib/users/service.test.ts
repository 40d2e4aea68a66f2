import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getAccountMembership } from "@/db/queries/accounts";
import { createAuthSession, getActiveSessionUser } from "@/db/queries/sessions";
import { getUserById, createUser } from "@/db/queries/users";
import { auditLog } from "@/db/schema";
import { setupTestDatabase, signedInUser, uniqueEmail } from "@/db/testing";
import { AppError } from "@/lib/errors";
import { enableTwoFactorWithSecret } from "@/lib/two-factor/service";
import { generateTotpSecret } from "@/lib/two-factor/totp";
import { changeUserRole, changeUserStatus } from "./service";

const db = setupTestDatabase();
const info = { ip: "2001:db8::43", userAgent: "vitest" };

/** Staff have two-factor sign-in on, as the staff area requires. */
async function newUser(label: string, role: "customer" | "admin" = "customer") {
  const user = await createUser({ email: uniqueEmail(label), name: `Ivo ${label}`, passwordHash: "x", role, locale: "en" });
  if (role === "admin") await enableTwoFactorWithSecret(user.id, generateTotpSecret());
  return user;
}

async function auditOf(userId: string) {
  return db().select({ action: auditLog.action, actorId: auditLog.actorId, metadata: auditLog.metadata }).from(auditLog).where(eq(auditLog.targetUserId, userId));
}

describe("changing a user's status", () => {
  it("disables a user, ending their sessions, and audits it", async () => {
    const admin = await signedInUser("admin", "admin");
    const target = await signedInUser("customer", "target");
    expect(await changeUserStatus(admin, { userId: target.id, status: "disabled" }, info)).toEqual({ status: "ok" });
    expect((await getUserById(target.id))?.status).toBe("disabled");
    expect(await getActiveSessionUser(target.sessionId)).toBeNull();
    expect(await auditOf(target.id)).toEqual([{ action: "admin.user_disabled", actorId: admin.id, metadata: {} }]);
  });

  it("answers unchanged for the status the user already has, and audits nothing", async () => {
    const admin = await signedInUser("admin", "admin");
    const target = await newUser("active");
    expect(await changeUserStatus(admin, { userId: target.id, status: "active" }, info)).toEqual({ status: "unchanged" });
    expect(await auditOf(target.id)).toEqual([]);
  });

  it("refuses staff changing themselves", async () => {
    const admin = await signedInUser("admin", "self");
    expect(await changeUserStatus(admin, { userId: admin.id, status: "disabled" }, info)).toEqual({ status: "not_yourself" });
    expect((await getUserById(admin.id))?.status).toBe("active");
    expect(await getActiveSessionUser(admin.sessionId)).not.toBeNull();
  });

  it("is forbidden to customers, and changes nothing", async () => {
    const customer = await signedInUser("customer", "customer");
    const target = await signedInUser("customer", "target");
    const attempt = changeUserStatus(customer, { userId: target.id, status: "disabled" }, info);
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "forbidden" });
    expect((await getUserById(target.id))?.status).toBe("active");
    expect(await getActiveSessionUser(target.sessionId)).not.toBeNull();
    expect(await auditOf(target.id)).toEqual([]);
  });
});

describe("changing a user's role", () => {
  it("makes a customer staff and audits from and to", async () => {
    const admin = await signedInUser("admin", "admin");
    const target = await newUser("promoted");
    expect(await changeUserRole(admin, { userId: target.id, role: "admin" }, info)).toEqual({ status: "ok" });
    expect((await getUserById(target.id))?.role).toBe("admin");
    expect(await auditOf(target.id)).toEqual([{ action: "admin.role_changed", actorId: admin.id, metadata: { from: "customer", to: "admin" } }]);
  });

  it("gives staff made a customer an account", async () => {
    const admin = await signedInUser("admin", "admin");
    const target = await newUser("demoted", "admin");
    expect(await changeUserRole(admin, { userId: target.id, role: "customer" }, info)).toEqual({ status: "ok" });
    expect(await getAccountMembership(target.id)).toEqual({ accountId: expect.any(String), role: "owner" });
  });

  it("answers unchanged for the role the user already has, and audits nothing", async () => {
    const admin = await signedInUser("admin", "admin");
    const target = await newUser("same");
    expect(await changeUserRole(admin, { userId: target.id, role: "customer" }, info)).toEqual({ status: "unchanged" });
    expect(await auditOf(target.id)).toEqual([]);
  });

  it("refuses staff changing themselves", async () => {
    const admin = await signedInUser("admin", "self");
    expect(await changeUserRole(admin, { userId: admin.id, role: "customer" }, info)).toEqual({ status: "not_yourself" });
    expect((await getUserById(admin.id))?.role).toBe("admin");
    expect(await getAccountMembership(admin.id)).toBeNull();
  });

  it("is forbidden to customers, and changes nothing", async () => {
    const customer = await signedInUser("customer", "customer");
    const target = await newUser("target");
    const attempt = changeUserRole(customer, { userId: target.id, role: "admin" }, info);
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "forbidden" });
    expect((await getUserById(target.id))?.role).toBe("customer");
    // Nor may a customer promote themselves.
    await expect(changeUserRole(customer, { userId: customer.id, role: "admin" }, info)).rejects.toMatchObject({ code: "forbidden" });
    expect((await getUserById(customer.id))?.role).toBe("customer");
    expect(await auditOf(target.id)).toEqual([]);
    expect(await auditOf(customer.id)).toEqual([]);
  });
});

describe("staff without two-factor sign-in", () => {
  it("are refused by staff services, and nothing changes", async () => {
    const user = await createUser({ email: uniqueEmail("no2fa"), name: "Ivo Nofactor", passwordHash: "x", role: "admin", locale: "en" });
    const admin = (await getActiveSessionUser((await createAuthSession({ userId: user.id, ip: null, userAgent: null }))!))!;
    const target = await newUser("target");
    const attempt = changeUserStatus(admin, { userId: target.id, status: "disabled" }, info);
    await expect(attempt).rejects.toMatchObject({ code: "two_factor_required" });
    expect((await getUserById(target.id))?.status).toBe("active");
    expect(await auditOf(target.id)).toEqual([]);
    // Turning it on is all it takes.
    await enableTwoFactorWithSecret(user.id, generateTotpSecret());
    const enrolled = (await getActiveSessionUser(admin.sessionId))!;
    expect(await changeUserStatus(enrolled, { userId: target.id, status: "disabled" }, info)).toEqual({ status: "ok" });
  });
});
