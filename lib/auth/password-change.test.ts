import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createAuthSession, getActiveSessionUser, isSessionLive } from "@/db/queries/sessions";
import { consumeEmailChangeToken, replaceAuthToken } from "@/db/queries/tokens";
import { createUser, getUserCredentialsById } from "@/db/queries/users";
import { activityEvents, auditLog, emailOutbox, notificationPreferences, notifications } from "@/db/schema";
import { setupTestDatabase, uniqueEmail, uniqueIp } from "@/db/testing";
import { runQueuedJobs } from "@/lib/jobs/testing";
import { startTestMailbox } from "@/lib/mail/test-mailbox";
import { hashPassword, verifyPassword } from "@/lib/passwords";
import { changePasswordSchema } from "@/lib/validations/account";
import { changePassword } from "./password-change";

const db = setupTestDatabase();
const mailbox = startTestMailbox();
const password = "correct horse battery";
const newPassword = "a brand new passphrase";

/** A customer with an account, signed in on two browsers: the one acting and another. */
async function customerOnTwoBrowsers(label: string) {
  const user = await createUser({ email: uniqueEmail(label), name: `Pat ${label}`, passwordHash: await hashPassword(password), emailVerifiedAt: new Date(), locale: "en" });
  const current = (await createAuthSession({ userId: user.id, ip: null, userAgent: null }))!;
  const other = (await createAuthSession({ userId: user.id, ip: null, userAgent: null }))!;
  const actor = (await getActiveSessionUser(current))!;
  return { actor, accountId: actor.accountId!, current, other };
}

const info = () => ({ ip: uniqueIp(), userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0" });

describe("changing the password", () => {
  it("refuses a wrong current password and changes nothing", async () => {
    const { actor, other } = await customerOnTwoBrowsers("wrong");
    expect(await changePassword(actor, { currentPassword: "not my password", password: newPassword }, info())).toEqual({ status: "invalid_password" });
    const stored = await getUserCredentialsById(actor.id);
    expect(await verifyPassword(stored!.passwordHash, password)).toBe(true);
    expect(await isSessionLive(other)).toBe(true);
    expect(await db().select().from(auditLog).where(and(eq(auditLog.targetUserId, actor.id), eq(auditLog.action, "user.password_changed")))).toHaveLength(0);
  });

  it("refuses a weak new password with a message on the new password's field, by sign-up's rules", () => {
    for (const weak of ["short", "password123"]) {
      const parsed = changePasswordSchema.safeParse({ currentPassword: password, password: weak });
      expect(parsed.success).toBe(false);
      expect(parsed.error!.issues.map((issue) => issue.path[0])).toEqual(["password"]);
    }
    expect(changePasswordSchema.safeParse({ currentPassword: password, password }).error?.issues[0]?.message).toBe("passwordChange.samePassword");
  });

  it("refuses the account's own email as the new password", async () => {
    const { actor } = await customerOnTwoBrowsers("email");
    expect(await changePassword(actor, { currentPassword: password, password: actor.email }, info())).toEqual({ status: "password_is_email" });
  });

  it("ends every other session, keeps this one, and records, notifies and mails the change", async () => {
    const { actor, accountId, current, other } = await customerOnTwoBrowsers("changer");
    // The owner switched every notification email off: the security email still goes out.
    await db().insert(notificationPreferences).values({ userId: actor.id, category: "account", email: false });
    expect(await changePassword(actor, { currentPassword: password, password: newPassword }, info())).toEqual({ status: "ok", sessionsEnded: 1 });

    expect(await isSessionLive(current), "the browser that changed it stays signed in").toBe(true);
    expect(await isSessionLive(other), "every other browser is signed out").toBe(false);
    const stored = await getUserCredentialsById(actor.id);
    expect(await verifyPassword(stored!.passwordHash, newPassword)).toBe(true);
    expect(await verifyPassword(stored!.passwordHash, password)).toBe(false);

    const audit = await db().select({ action: auditLog.action, actorId: auditLog.actorId }).from(auditLog).where(eq(auditLog.targetUserId, actor.id));
    expect(audit).toEqual([{ action: "user.password_changed", actorId: actor.id }]);
    const activity = await db().select({ type: activityEvents.type, onlyForUserId: activityEvents.onlyForUserId }).from(activityEvents).where(eq(activityEvents.accountId, accountId));
    expect(activity).toEqual([{ type: "security.passwordChanged", onlyForUserId: actor.id }]);
    expect((await db().select({ type: notifications.type }).from(notifications).where(eq(notifications.userId, actor.id))).map((row) => row.type)).toEqual(["security.passwordUpdated"]);

    const queued = await db().select({ template: emailOutbox.template }).from(emailOutbox).where(eq(emailOutbox.toAddress, actor.email));
    expect(queued.map((row) => row.template)).toContain("passwordChanged");
    await runQueuedJobs({ only: ["mail.deliver"] });
    expect(mailbox.to(actor.email).map((mail) => mail.subject)).toContain("Your Clientdesk password was changed");
  });

  it("voids an email change requested before it, so whoever knew the old password cannot take over the address", async () => {
    const { actor } = await customerOnTwoBrowsers("pending-email");
    await replaceAuthToken({ userId: actor.id, kind: "email_change", tokenHash: `hash-${actor.id}`, expiresAt: new Date(Date.now() + 3_600_000), newEmail: uniqueEmail("intruder") });
    expect((await changePassword(actor, { currentPassword: password, password: newPassword }, info())).status).toBe("ok");
    expect(await consumeEmailChangeToken(`hash-${actor.id}`)).toBeNull();
  });

  it("counts attempts: past ten wrong passwords in a quarter hour even the right one waits", async () => {
    const { actor } = await customerOnTwoBrowsers("guesser");
    const from = info();
    for (let i = 0; i < 10; i++) expect((await changePassword(actor, { currentPassword: `guess ${i}`, password: newPassword }, from)).status).toBe("invalid_password");
    const limited = await changePassword(actor, { currentPassword: password, password: newPassword }, from);
    expect(limited.status).toBe("rate_limited");
  });
});
