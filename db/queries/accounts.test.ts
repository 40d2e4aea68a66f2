import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { setupTestDatabase, uniqueEmail } from "@/db/testing";
import { getAccountMembership, getCustomerAccount } from "./accounts";
import { adminSetUserRole } from "./admin-users";
import {
  countUnreadNotifications,
  createNotification,
  getNotification,
  getNotificationPreferences,
  listNotifications,
  markNotificationRead,
  setNotificationPreferences,
} from "./notifications";
import { createAuthSession, getActiveSessionUser, listActiveSessions, revokeSession } from "./sessions";
import { createUser } from "./users";

setupTestDatabase();

async function signedIn(label: string, role: "customer" | "admin" = "customer") {
  const user = await createUser({ email: uniqueEmail(label), name: `${label} ${randomUUID().slice(0, 6)}`, passwordHash: "x", role, locale: "en" });
  const sessionId = (await createAuthSession({ userId: user.id, ip: null, userAgent: null }))!;
  const session = (await getActiveSessionUser(sessionId))!;
  return { user, session };
}

describe("customer accounts", () => {
  it("gives a new customer an account of their own, with them as its owner, and the session knows it", async () => {
    const { user, session } = await signedIn("customer");
    const membership = await getAccountMembership(user.id);
    expect(membership).toEqual({ accountId: expect.any(String), role: "owner" });
    expect(session).toMatchObject({ accountId: membership!.accountId, accountRole: "owner" });
    expect(await getCustomerAccount(session.accountId!)).toMatchObject({ id: membership!.accountId, name: user.name });
  });

  it("gives staff no account", async () => {
    const { user, session } = await signedIn("staff", "admin");
    expect(await getAccountMembership(user.id)).toBeNull();
    expect(session).toMatchObject({ accountId: null, accountRole: null });
  });

  it("lets a customer made staff act for no account, and gives it back if that is undone", async () => {
    const { user, session } = await signedIn("promoted");
    const { user: admin } = await signedIn("promoter", "admin");
    expect(await adminSetUserRole({ adminId: admin.id, userId: user.id, role: "admin", ip: null })).toBe(true);
    expect(await getActiveSessionUser(session.sessionId)).toMatchObject({ role: "admin", accountId: null, accountRole: null });
    expect(await adminSetUserRole({ adminId: admin.id, userId: user.id, role: "customer", ip: null })).toBe(true);
    expect(await getActiveSessionUser(session.sessionId)).toMatchObject({ role: "customer", accountId: session.accountId });
  });

  it("gives a staff member made a customer an account, owned by them", async () => {
    const { session: admin } = await signedIn("admin", "admin");
    const { user, session } = await signedIn("former-staff", "admin");
    expect(await adminSetUserRole({ adminId: admin.id, userId: user.id, role: "customer", ip: null })).toBe(true);
    const membership = await getAccountMembership(user.id);
    expect(membership?.role).toBe("owner");
    expect(await getCustomerAccount(membership!.accountId)).toMatchObject({ name: user.name });
    expect((await getActiveSessionUser(session.sessionId))?.accountId).toBe(membership!.accountId);
  });
});

describe("a customer reads nothing of another account through any query helper", () => {
  async function customerWithData(label: string) {
    const { user, session } = await signedIn(label);
    const notificationId = await createNotification({ userId: user.id, category: "account", type: "security.newSignIn", params: { ip: "—" }, link: null });
    return { user, session, notificationId };
  }

  it("the account the session carries is the customer's own", async () => {
    const a = await customerWithData("a");
    const b = await customerWithData("b");
    expect(a.session.accountId).not.toBe(b.session.accountId);
    expect(await getCustomerAccount(a.session.accountId!)).toMatchObject({ name: a.user.name });
    // A user id is not an account id: the only way to an account is the session's account id.
    expect(await getCustomerAccount(b.user.id)).toBeNull();
  });

  it("notifications: lists, reads, counts and marks only the user's own", async () => {
    const a = await customerWithData("a");
    const b = await customerWithData("b");
    await createNotification({ userId: b.user.id, category: "account", type: "security.passwordChanged", params: {}, link: null });

    expect((await listNotifications(a.user.id, { order: "newest", limit: 50 })).rows.map((row) => row.id)).toEqual([a.notificationId]);
    expect((await listNotifications(a.user.id, { order: "unread", limit: 50 })).rows.map((row) => row.id)).toEqual([a.notificationId]);
    expect(await getNotification(a.user.id, b.notificationId)).toBeNull();
    expect(await countUnreadNotifications(a.user.id)).toBe(1);
    expect(await markNotificationRead(a.user.id, b.notificationId)).toBe(false);
    expect((await getNotification(b.user.id, b.notificationId))?.readAt).toBeNull();
    expect(await countUnreadNotifications(b.user.id)).toBe(2);
  });

  it("notification preferences: each user reads only their own", async () => {
    const a = await customerWithData("a");
    const b = await customerWithData("b");
    const off = { inApp: false, email: false, sms: false };
    await setNotificationPreferences(b.user.id, { account: off, projects: off, messages: off, billing: off, calls: off, marketing: off });
    const on = { inApp: true, email: true, sms: false };
    expect(await getNotificationPreferences(a.user.id)).toEqual({ account: on, projects: on, messages: on, billing: on, calls: on, marketing: off });
    expect((await getNotificationPreferences(b.user.id)).projects).toEqual(off);
  });

  it("sessions: lists only the user's own and cannot revoke another's", async () => {
    const a = await customerWithData("a");
    const b = await customerWithData("b");
    expect((await listActiveSessions(a.user.id)).map((session) => session.id)).toEqual([a.session.sessionId]);
    expect(await revokeSession(a.user.id, b.session.sessionId)).toBe(false);
    expect(await getActiveSessionUser(b.session.sessionId)).not.toBeNull();
    expect((await listActiveSessions(b.user.id)).map((session) => session.id)).toEqual([b.session.sessionId]);
  });
});
