import "server-only";
import { getNotificationRecipient, createNotification, markAllNotificationsRead, markNotificationRead, setNotificationPreferences, type NotificationPreferences } from "@/db/queries/notifications";
import { inTransaction, type Transaction } from "@/db/queries/transaction";
import { appUrl } from "@/lib/env";
import { createDateFormatter } from "@/lib/i18n/date-format";
import { sendMail } from "@/lib/mail";
import { smsGateway } from "@/lib/sms";
import { safeCallbackPath } from "@/lib/validations/auth";
import type { Actor } from "@/lib/actor";
import { notificationCategories } from "@/lib/constants";
import { inAppRequired } from "./channels";
import { describeNotification, notificationTranslator } from "./text";
import { notificationTypes, type NotificationType } from "./types";

/**
 * The one way to tell a user something, on each channel the user keeps on for its category: the
 * in-app notification (stored, and announced to open dashboards, see createNotification), an email,
 * and a text message when an SMS provider is configured and the user has a phone number. Pass the
 * caller's transaction so it all happens only if the change does. Returns the in-app notification's
 * id, or null when the user turned that channel off.
 */
export async function notify(
  userId: string,
  notification: { type: NotificationType; params?: Record<string, string | number>; link?: string },
  db?: Transaction,
): Promise<string | null> {
  const { category, link: defaultLink } = notificationTypes[notification.type];
  const params = notification.params ?? {};
  const link = notification.link ?? defaultLink;
  // Shown as a link and mailed as one: only a path of this site, by the same rule as sign-in's callback.
  if (safeCallbackPath(link, null) !== link) throw new Error(`A notification's link must be a path of this site: ${link}`);
  return inTransaction(async (tx) => {
    const recipient = await getNotificationRecipient(userId, category, tx);
    if (!recipient) return null;
    const id = recipient.wantsInApp ? await createNotification({ userId, category, type: notification.type, params, link }, tx) : null;
    if (!recipient.active) return id;
    const wantsSms = recipient.wantsSms && recipient.phone !== null && smsGateway.configured();
    if (!recipient.wantsEmail && !wantsSms) return id;
    const { title, body } = describeNotification(await notificationTranslator(recipient.locale), { type: notification.type, params }, createDateFormatter(recipient));
    const url = `${appUrl()}${link}`;
    if (recipient.wantsEmail) await sendMail({ to: recipient.email, locale: recipient.locale, template: "notification", props: { title, body, url } }, tx);
    if (wantsSms) await smsGateway.send({ to: recipient.phone!, text: `${title}: ${url}` }, tx);
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

/**
 * Saves the actor's channels per category. In-app stays on where it is required, and SMS stays off
 * while no provider is configured: a choice nobody could honour is not stored as if it were.
 */
export async function updateNotificationPreferences(actor: Actor, preferences: NotificationPreferences, db?: Transaction): Promise<void> {
  const smsAvailable = smsGateway.configured();
  const saved = Object.fromEntries(
    notificationCategories.map((category) => {
      const { inApp, email, sms } = preferences[category];
      return [category, { inApp: inApp || inAppRequired.includes(category), email, sms: sms && smsAvailable }];
    }),
  ) as NotificationPreferences;
  await setNotificationPreferences(actor.id, saved, db);
}
