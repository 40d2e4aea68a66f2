import "server-only";
import { getNotificationRecipient, createNotification, markAllNotificationsRead, markNotificationRead, setNotificationPreferences, type NotificationPreferences } from "@/db/queries/notifications";
import { inTransaction, type Transaction } from "@/db/queries/transaction";
import { appUrl } from "@/lib/env";
import { createDateFormatter } from "@/lib/i18n/date-format";
import { sendMail } from "@/lib/mail";
import { safeCallbackPath } from "@/lib/validations/auth";
import type { Actor } from "@/lib/actor";
import { describeNotification, notificationTranslator } from "./text";
import { notificationTypes, type NotificationType } from "./types";

/**
 * The one way to tell a user something: stores the notification (which also announces it to open
 * dashboards, see createNotification) and queues an email when the user's preference for its
 * category allows. Pass the caller's transaction so it all happens only if the change does.
 */
export async function notify(
  userId: string,
  notification: { type: NotificationType; params?: Record<string, string | number>; link?: string },
  db?: Transaction,
): Promise<string> {
  const { category, link: defaultLink } = notificationTypes[notification.type];
  const params = notification.params ?? {};
  const link = notification.link ?? defaultLink;
  // Shown as a link and mailed as one: only a path of this site, by the same rule as sign-in's callback.
  if (safeCallbackPath(link, null) !== link) throw new Error(`A notification's link must be a path of this site: ${link}`);
  return inTransaction(async (tx) => {
    const id = await createNotification({ userId, category, type: notification.type, params, link }, tx);
    const recipient = await getNotificationRecipient(userId, category, tx);
    if (recipient?.active && recipient.wantsEmail) {
      const { title, body } = describeNotification(await notificationTranslator(recipient.locale), { type: notification.type, params }, createDateFormatter(recipient));
      await sendMail({ to: recipient.email, locale: recipient.locale, template: "notification", props: { title, body, url: `${appUrl()}${link}` } }, tx);
    }
    return id;
  }, db);
}

/** Marks one of the actor's own notifications read; another user's id is "not_found". */
export async function readNotification(actor: Actor, notificationId: string, db?: Transaction): Promise<{ status: "ok" | "not_found" }> {
  return { status: (await markNotificationRead(actor.id, notificationId, db)) ? "ok" : "not_found" };
}

export async function readAllNotifications(actor: Actor, db?: Transaction): Promise<{ count: number }> {
  return { count: await markAllNotificationsRead(actor.id, db) };
}

export async function updateNotificationPreferences(actor: Actor, preferences: NotificationPreferences, db?: Transaction): Promise<void> {
  await setNotificationPreferences(actor.id, preferences, db);
}
