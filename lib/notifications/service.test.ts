import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openPostgres, type Database } from "@/db";
import {
  countUnreadNotifications,
  createNotification,
  getNotification,
  getNotificationPreferences,
  getNotificationRecipient,
  listNotifications,
  type NotificationEvent,
  type NotificationPreferences,
} from "@/db/queries/notifications";
import { createAuthSession, getActiveSessionUser } from "@/db/queries/sessions";
import { createUser } from "@/db/queries/users";
import { emailOutbox, users, userSettings } from "@/db/schema";
import { inRolledBackTransaction, setupTestDatabase, uniqueEmail } from "@/db/testing";
import { runQueuedJobs } from "@/lib/jobs/testing";
import { startTestMailbox } from "@/lib/mail/test-mailbox";
import { createDateFormatter } from "@/lib/i18n/date-format";
import { smsGateway } from "@/lib/sms";
import { subscribeToNotifications } from "./live";
import { notify, readAllNotifications, readNotification, updateNotificationPreferences } from "./service";
import { describeNotification, notificationTranslator } from "./text";

const db = setupTestDatabase();
const mailbox = startTestMailbox();
const signIn = { type: "security.newSignIn", params: { device: "Firefox · Linux", ip: "2001:db8::5" } } as const;
const projectUpdate = { type: "project.updatePosted", params: { project: "Website" } } as const;

/** The same choice for every channel of every category. */
function everyChannel(on: boolean): NotificationPreferences {
  const channels = { inApp: on, email: on, sms: on };
  return { account: channels, projects: channels, messages: channels, billing: channels, calls: channels, marketing: channels };
}

afterEach(async () => {
  await runQueuedJobs();
});

/** A signed-in user as the services see them. */
async function member(label = "user", locale: "en" | "de" = "en") {
  const user = await createUser({ email: uniqueEmail(label), name: `Nora ${label}`, passwordHash: "x", locale });
  const sessionId = await createAuthSession({ userId: user.id, ip: null, userAgent: null });
  return (await getActiveSessionUser(sessionId!))!;
}

async function notificationMails(email: string) {
  return db()
    .select({ subject: emailOutbox.subject })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, email), eq(emailOutbox.template, "notification")));
}

describe("notify", () => {
  it("stores the notification with its category, type, parameters and link", async () => {
    const user = await member();
    const id = (await notify(user.id, signIn))!;
    expect(await getNotification(user.id, id)).toMatchObject({
      category: "account",
      type: "security.newSignIn",
      params: { device: "Firefox · Linux", ip: "2001:db8::5" },
      link: "/dashboard/security",
      readAt: null,
    });
    const other = (await notify(user.id, { type: "security.passwordChanged", params: signIn.params, link: "/dashboard/settings" }))!;
    expect(await getNotification(user.id, other)).toMatchObject({ type: "security.passwordChanged", link: "/dashboard/settings" });
  });

  it("emails the user by default, and delivers it with the link to the page", async () => {
    const user = await member("mailed");
    await notify(user.id, signIn);
    expect(await notificationMails(user.email)).toEqual([{ subject: "New sign-in to your account" }]);
    await runQueuedJobs();
    const mail = mailbox.last(user.email);
    expect(mail?.subject).toBe("New sign-in to your account");
    expect(mail?.text).toContain("/dashboard/security");
  });

  it("emails only when the user's preference for the notification's category is on", async () => {
    const off = { inApp: true, email: false, sms: false };
    const on = { inApp: true, email: true, sms: false };
    const quiet = await member("quiet");
    await updateNotificationPreferences(quiet, { account: off, projects: on, messages: on, billing: on, calls: on, marketing: off });
    const keen = await member("keen");
    await updateNotificationPreferences(keen, { account: on, projects: off, messages: off, billing: off, calls: off, marketing: off });

    const quietId = (await notify(quiet.id, signIn))!;
    await notify(keen.id, signIn);
    await runQueuedJobs();

    expect(await getNotification(quiet.id, quietId)).not.toBeNull();
    expect(await notificationMails(quiet.email)).toEqual([]);
    expect(mailbox.to(quiet.email)).toHaveLength(0);
    expect(mailbox.to(keen.email)).toHaveLength(1);
  });

  it("stores no notification when in-app is off for its category, but still emails when email is on", async () => {
    const user = await member("no-in-app");
    await updateNotificationPreferences(user, { ...everyChannel(true), projects: { inApp: false, email: true, sms: false } });
    expect(await notify(user.id, projectUpdate)).toBeNull();
    await runQueuedJobs();
    expect((await listNotifications(user.id, { order: "newest", limit: 10 })).rows).toEqual([]);
    expect(mailbox.last(user.email)?.subject).toBe("News on Website");
  });

  it("sends nothing at all when every channel of the category is off", async () => {
    const user = await member("silent");
    await updateNotificationPreferences(user, { ...everyChannel(true), projects: { inApp: false, email: false, sms: false } });
    await notify(user.id, projectUpdate);
    await runQueuedJobs();
    expect((await listNotifications(user.id, { order: "newest", limit: 10 })).rows).toEqual([]);
    expect(await notificationMails(user.email)).toEqual([]);
  });

  it("keeps account and security notices in-app even when the user tries to switch them off", async () => {
    const user = await member("locked");
    await updateNotificationPreferences(user, everyChannel(false));
    expect((await getNotificationPreferences(user.id)).account).toEqual({ inApp: true, email: false, sms: false });
    const id = (await notify(user.id, signIn))!;
    expect(await getNotification(user.id, id)).toMatchObject({ type: "security.newSignIn" });
    expect(await notificationMails(user.email)).toEqual([]);
  });

  it("sends marketing on no channel until the user opts in", async () => {
    const user = await member("marketing");
    expect((await getNotificationPreferences(user.id)).marketing).toEqual({ inApp: false, email: false, sms: false });
    expect((await getNotificationRecipient(user.id, "marketing"))).toMatchObject({ wantsInApp: false, wantsEmail: false, wantsSms: false });
    await updateNotificationPreferences(user, { ...everyChannel(false), marketing: { inApp: true, email: true, sms: false } });
    expect((await getNotificationRecipient(user.id, "marketing"))).toMatchObject({ wantsInApp: true, wantsEmail: true });
  });

  describe("by SMS", () => {
    afterEach(() => {
      vi.restoreAllMocks();
    });

    async function smsUser(label: string) {
      const user = await member(label);
      await db().update(users).set({ phone: "+4930123456" }).where(eq(users.id, user.id));
      return user;
    }

    it("sends no text message while no provider is configured, and does not keep the SMS choice", async () => {
      const send = vi.spyOn(smsGateway, "send");
      const user = await smsUser("sms-none");
      await updateNotificationPreferences(user, everyChannel(true));
      expect((await getNotificationPreferences(user.id)).projects.sms).toBe(false);
      await notify(user.id, projectUpdate);
      expect(send).not.toHaveBeenCalled();
    });

    it("hands a text message with the notification's title and link to the configured gateway once the change commits, when the user chose SMS", async () => {
      const received: { body: { to: string; text: string }; authorization?: string }[] = [];
      const gateway = http.createServer((request, response) => {
        let body = "";
        request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
        request.on("end", () => {
          received.push({ body: JSON.parse(body) as { to: string; text: string }, authorization: request.headers.authorization });
          response.writeHead(202).end();
        });
      });
      await new Promise<void>((resolve) => gateway.listen(0, "127.0.0.1", resolve));
      vi.stubEnv("SMS_PROVIDER_URL", `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/messages`);
      vi.stubEnv("SMS_PROVIDER_TOKEN", "gateway-token");
      try {
        const user = await smsUser("sms-on");
        await updateNotificationPreferences(user, { ...everyChannel(false), projects: { inApp: true, email: false, sms: true } });
        // A change that rolls back sends nothing.
        await inRolledBackTransaction(async (tx) => void (await notify(user.id, projectUpdate, tx)));
        await notify(user.id, projectUpdate);
        // Another category without SMS, and a user without a phone number, get no text message.
        await notify(user.id, signIn);
        const noPhone = await member("sms-no-phone");
        await updateNotificationPreferences(noPhone, everyChannel(true));
        await notify(noPhone.id, projectUpdate);
        await runQueuedJobs();
        expect(received).toEqual([
          { body: { to: "+4930123456", text: expect.stringMatching(/^News on Website: http.*\/dashboard\/projects$/) as unknown as string }, authorization: "Bearer gateway-token" },
        ]);
      } finally {
        vi.unstubAllEnvs();
        gateway.close();
      }
    });
  });

  it("writes the email in the user's language", async () => {
    const user = await member("deutsch", "de");
    await notify(user.id, signIn);
    await runQueuedJobs();
    const mail = mailbox.last(user.email);
    expect(mail?.subject).toBe("Neue Anmeldung bei Ihrem Konto");
    const text = mail?.text?.replace(/\s+/g, " ");
    expect(text).toContain("Jemand hat sich mit einem Browser angemeldet, der für Ihr Konto bisher nicht verwendet wurde (Firefox · Linux, 2001:db8::5).");
    expect(text).toContain("Clientdesk öffnen");
  });

  it("writes a date in the recipient's zone and format, whoever sends it", async () => {
    const user = await member("dated");
    await db().update(userSettings).set({ timeZone: "Pacific/Auckland", dateFormat: "dmy", timeFormat: "h12" }).where(eq(userSettings.userId, user.id));
    // 12:30 UTC on 30 November is already 1 December in Auckland.
    await notify(user.id, { type: "subscription.cancelScheduled", params: { plan: "Pro", date: "2026-11-30T12:30:00.000Z" } });
    await notify(user.id, { type: "invoice.issued", params: { number: "INV-1", amount: "$10.00", dueDate: "2026-12-15" } });
    await runQueuedJobs();
    const [invoice, subscription] = mailbox.to(user.email).sort((a, b) => (a.subject ?? "").localeCompare(b.subject ?? ""));
    expect(subscription?.subject).toBe("Your subscription ends on 01/12/2026");
    expect(invoice?.text?.replace(/\s+/g, " ")).toContain("$10.00 due by 15/12/2026.");

    const german = await member("datiert", "de");
    await notify(german.id, { type: "subscription.cancelScheduled", params: { plan: "Pro", date: "2026-11-30T12:30:00.000Z" } });
    await runQueuedJobs();
    expect(mailbox.last(german.email)?.subject).toContain("30.11.2026");
  });

  it("emails no disabled user, but still stores the notification", async () => {
    const user = await member("disabled");
    await db().update(users).set({ status: "disabled" }).where(eq(users.id, user.id));
    const id = (await notify(user.id, signIn))!;
    await runQueuedJobs();
    expect(await getNotification(user.id, id)).not.toBeNull();
    expect(await notificationMails(user.email)).toEqual([]);
    expect(mailbox.to(user.email)).toHaveLength(0);
  });

  it("leaves no notification, no email and no job when its transaction rolls back", async () => {
    const user = await member("rolled-back");
    await runQueuedJobs();
    await inRolledBackTransaction(async (tx) => {
      await notify(user.id, signIn, tx);
    });
    expect(await runQueuedJobs()).toEqual([]);
    expect((await listNotifications(user.id, { order: "newest", limit: 10 })).rows).toEqual([]);
    expect(await notificationMails(user.email)).toEqual([]);
    expect(mailbox.to(user.email)).toHaveLength(0);
  });
});

describe("reading notifications", () => {
  it("answers not_found for another user's notification and changes nothing", async () => {
    const owner = await member("owner");
    const intruder = await member("intruder");
    const id = (await notify(owner.id, signIn))!;
    expect(await readNotification(intruder, id)).toEqual({ status: "not_found" });
    expect((await getNotification(owner.id, id))?.readAt).toBeNull();
    expect(await countUnreadNotifications(owner.id)).toBe(1);
    expect(await readNotification(owner, id)).toEqual({ status: "ok" });
    expect((await getNotification(owner.id, id))?.readAt).toBeInstanceOf(Date);
  });

  it("marks all of the actor's notifications read, and only theirs", async () => {
    const actor = await member("actor");
    const bystander = await member("bystander");
    await notify(actor.id, signIn);
    await notify(actor.id, { type: "security.passwordChanged", params: signIn.params });
    await notify(bystander.id, signIn);
    expect(await readAllNotifications(actor)).toEqual({ count: 2 });
    expect(await countUnreadNotifications(actor.id)).toBe(0);
    expect(await countUnreadNotifications(bystander.id)).toBe(1);
  });
});

describe("describeNotification", () => {
  it("writes a stored day or instant in the reader's format when shown, and older text as it was written", async () => {
    const t = await notificationTranslator("en");
    const reader = createDateFormatter({ locale: "en", timeZone: "America/New_York", dateFormat: "ymd", timeFormat: "h24" });
    const issued = (dueDate: string) => describeNotification(t, { type: "invoice.issued", params: { number: "INV-1", amount: "$10.00", dueDate } }, reader).body;
    expect(issued("2026-12-15")).toBe("$10.00 due by 2026-12-15.");
    expect(issued("Dec 15, 2026")).toBe("$10.00 due by Dec 15, 2026.");
    // Midnight UTC is still the day before in New York.
    expect(describeNotification(t, { type: "subscription.cancelScheduled", params: { plan: "Pro", date: "2026-12-01T00:00:00.000Z" } }, reader).title).toBe("Your subscription ends on 2026-11-30");
    // Only date parameters: a project named like a day stays as it is.
    expect(describeNotification(t, { type: "project.created", params: { project: "2026-12-15" } }, reader).title).toBe("New project: 2026-12-15");
  });
});

describe("live updates", () => {
  // On PostgreSQL the notifications come from a second connection, as from another instance or the
  // worker; PGlite has one connection per process (the worker runs in it), so they come through it.
  async function withWriter(work: (writer: Database) => Promise<void>) {
    const url = process.env.DATABASE_URL;
    if (!url) return work(db());
    const other = openPostgres(url);
    try {
      await work(other.db);
    } finally {
      await other.close();
    }
  }

  async function listen(userId: string) {
    const events: NotificationEvent[] = [];
    const unsubscribe = await subscribeToNotifications(userId, (event) => events.push(event));
    return { events, unsubscribe };
  }

  async function arrival(events: NotificationEvent[], matches: (event: NotificationEvent) => boolean, withinMs = 1000) {
    const deadline = Date.now() + withinMs;
    while (Date.now() < deadline) {
      if (events.some(matches)) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`no matching event within ${withinMs} ms; got ${JSON.stringify(events)}`);
  }

  function newSignInFor(userId: string) {
    return { userId, category: "account" as const, type: "security.newSignIn", params: {}, link: null };
  }

  it("announces nothing to open pages for a category whose in-app channel is off", async () => {
    const user = await member("live-off");
    await updateNotificationPreferences(user, { ...everyChannel(true), projects: { inApp: false, email: true, sms: false } });
    const { events, unsubscribe } = await listen(user.id);
    await notify(user.id, projectUpdate);
    const shown = (await notify(user.id, signIn))!;
    await arrival(events, (event) => event.id === shown);
    expect(events).toEqual([{ userId: user.id, id: shown }]);
    unsubscribe();
  });

  it("tells the user's subscriber, and no one else's, of a notification created elsewhere", async () => {
    const user = await member("live");
    const other = await member("other");
    const mine = await listen(user.id);
    const theirs = await listen(other.id);
    let id = "";
    await withWriter(async (writer) => {
      id = await createNotification(newSignInFor(user.id), writer);
    });
    await arrival(mine.events, (event) => event.id === id);
    expect(mine.events).toEqual([{ userId: user.id, id }]);
    expect(theirs.events).toEqual([]);
    mine.unsubscribe();
    theirs.unsubscribe();
  });

  it("tells of a notification only once its transaction commits, and never of one rolled back", async () => {
    const user = await member("commit");
    const { events, unsubscribe } = await listen(user.id);
    const rolledBack = randomUUID();
    let committed = "";
    await withWriter(async (writer) => {
      await writer
        .transaction(async (tx) => {
          await createNotification({ ...newSignInFor(user.id), params: { marker: rolledBack } }, tx as unknown as Database);
          throw new Error(rolledBack);
        })
        .catch((error: Error) => {
          if (error.message !== rolledBack) throw error;
        });
      await writer.transaction(async (tx) => {
        committed = await createNotification(newSignInFor(user.id), tx as unknown as Database);
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(events).toEqual([]);
      });
    });
    await arrival(events, (event) => event.id === committed);
    // Notifications arrive in commit order: had the rolled-back one been sent, it would be here by now.
    expect(events).toEqual([{ userId: user.id, id: committed }]);
    expect((await listNotifications(user.id, { order: "newest", limit: 10 })).rows.map((row) => row.id)).toEqual([committed]);
    unsubscribe();
  });

  it("announces a notification read, without an id, so open tabs update their count", async () => {
    const user = await member("read");
    const { events, unsubscribe } = await listen(user.id);
    const id = await createNotification(newSignInFor(user.id));
    await arrival(events, (event) => event.id === id);
    events.length = 0;
    expect(await readNotification(user, id)).toEqual({ status: "ok" });
    await arrival(events, (event) => event.id === undefined);
    expect(events).toEqual([{ userId: user.id }]);
    unsubscribe();
  });
});
