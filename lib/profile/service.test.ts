import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createAuthSession, getActiveSessionUser } from "@/db/queries/sessions";
import { createUser, getUserById, getUserProfile } from "@/db/queries/users";
import { auditLog, emailOutbox, notifications, users } from "@/db/schema";
import { setupTestDatabase, uniqueEmail, uniqueIp } from "@/db/testing";
import { runQueuedJobs } from "@/lib/jobs/testing";
import { startTestMailbox } from "@/lib/mail/test-mailbox";
import { hashPassword } from "@/lib/passwords";
import { confirmEmailChange, requestEmailChange, updateProfile } from "./service";

const db = setupTestDatabase();
const mailbox = startTestMailbox();
const password = "correct horse battery";

async function signedIn(label: string) {
  const user = await createUser({ email: uniqueEmail(label), name: `Pia ${label}`, passwordHash: await hashPassword(password), emailVerifiedAt: new Date(), locale: "en" });
  const sessionId = (await createAuthSession({ userId: user.id, ip: null, userAgent: null }))!;
  return (await getActiveSessionUser(sessionId))!;
}

const info = () => ({ ip: uniqueIp(), userAgent: "vitest" });

async function auditOf(userId: string) {
  return db().select({ action: auditLog.action, metadata: auditLog.metadata }).from(auditLog).where(eq(auditLog.targetUserId, userId)).orderBy(auditLog.createdAt);
}

describe("the profile", () => {
  it("saves the contact details and audits which fields changed, not their values", async () => {
    const user = await signedIn("profile");
    const details = { name: "Pia Profile", phone: "+49 30 1234567", company: "Northwind", jobTitle: null, address: "Hauptstr. 1\n10115 Berlin" };
    expect(await updateProfile(user, details, info())).toEqual({ status: "ok" });
    expect(await getUserProfile(user.id)).toMatchObject(details);
    expect(await auditOf(user.id)).toEqual([{ action: "user.profile_updated", metadata: { fields: "name,phone,company,address" } }]);
    expect(await updateProfile(user, details, info())).toEqual({ status: "unchanged" });
    expect(await auditOf(user.id)).toHaveLength(1);
  });
});

describe("changing the email address", () => {
  it("applies only when the link mailed to the new address is used, and tells the old one both times", async () => {
    const user = await signedIn("mover");
    const newEmail = uniqueEmail("moved");
    expect(await requestEmailChange(user, { newEmail, currentPassword: password }, info())).toEqual({ status: "ok" });
    await runQueuedJobs();
    expect((await getUserById(user.id))?.email, "nothing changes before the link is used").toBe(user.email);
    expect(mailbox.last(user.email)?.subject).toMatch(/change/i);
    const token = mailbox.tokenFrom(newEmail, "/verify-email-change");

    expect(await confirmEmailChange(token, info())).toEqual({ status: "ok" });
    const changed = await getUserById(user.id);
    expect(changed?.email).toBe(newEmail);
    expect(changed?.emailVerifiedAt).not.toBeNull();
    await runQueuedJobs();
    const toOld = await db().select({ template: emailOutbox.template }).from(emailOutbox).where(eq(emailOutbox.toAddress, user.email)).orderBy(desc(emailOutbox.createdAt));
    expect(toOld.map((mail) => mail.template)).toEqual(["emailChanged", "emailChangeRequested"]);
    expect(mailbox.last(user.email)?.text).toContain(newEmail);
    expect((await db().select({ type: notifications.type }).from(notifications).where(eq(notifications.userId, user.id))).map((row) => row.type)).toEqual([
      "account.emailChanged",
    ]);
    expect((await auditOf(user.id)).map((entry) => entry.action)).toEqual(["user.email_change_requested", "user.email_changed"]);
    expect(await confirmEmailChange(token, info()), "a link works once").toEqual({ status: "invalid_token" });
  });

  it("refuses a wrong password and mails nobody", async () => {
    const user = await signedIn("wrong");
    const newEmail = uniqueEmail("nowhere");
    expect(await requestEmailChange(user, { newEmail, currentPassword: "not my password" }, info())).toEqual({ status: "wrong_password" });
    expect(await db().select().from(emailOutbox).where(eq(emailOutbox.toAddress, newEmail))).toEqual([]);
  });

  it("answers the same for an address that has an account, mails it nothing, and a link cannot take it later", async () => {
    const user = await signedIn("taker");
    const other = await signedIn("taken");
    expect(await requestEmailChange(user, { newEmail: other.email, currentPassword: password }, info())).toEqual({ status: "ok" });
    expect(await db().select().from(emailOutbox).where(eq(emailOutbox.toAddress, other.email))).toEqual([]);
    // The current address hears of it just as for a free address: its mail does not tell the two apart.
    const told = await db().select({ template: emailOutbox.template }).from(emailOutbox).where(eq(emailOutbox.toAddress, user.email));
    expect(told).toEqual([{ template: "emailChangeRequested" }]);

    const free = uniqueEmail("free");
    await requestEmailChange(user, { newEmail: free, currentPassword: password }, info());
    await runQueuedJobs();
    const token = mailbox.tokenFrom(free, "/verify-email-change");
    const rival = await signedIn("rival");
    // Someone else takes the address between the request and the click.
    await db().update(users).set({ email: free }).where(eq(users.id, rival.id));
    expect(await confirmEmailChange(token, info())).toEqual({ status: "email_taken" });
    expect((await getUserById(user.id))?.email).toBe(user.email);
  });

  it("is rate limited per account", async () => {
    const user = await signedIn("limited");
    for (let attempt = 0; attempt < 5; attempt++) await requestEmailChange(user, { newEmail: uniqueEmail("spam"), currentPassword: "wrong" }, info());
    expect(await requestEmailChange(user, { newEmail: uniqueEmail("spam"), currentPassword: password }, info())).toMatchObject({ status: "rate_limited" });
  });
});
