import { z } from "zod";
import { notificationCategories, notificationChannels, type NotificationCategory, type NotificationChannel } from "@/lib/constants";
import { channelField } from "@/lib/notifications/channels";

/** An HTML checkbox: "on" when ticked, absent when not. */
const checkbox = z
  .literal("on", "invalid")
  .optional()
  .transform((value) => value === "on");

const channelFields = Object.fromEntries(notificationCategories.flatMap((category) => notificationChannels.map((channel) => [channelField(category, channel), checkbox])));

/** Each category's channels (in-app, email, SMS), one checkbox each. */
export const notificationPreferencesSchema = z.object(channelFields).transform(
  (fields) =>
    Object.fromEntries(
      notificationCategories.map((category) => [
        category,
        Object.fromEntries(notificationChannels.map((channel) => [channel, fields[channelField(category, channel)] === true])) as Record<NotificationChannel, boolean>,
      ]),
    ) as Record<NotificationCategory, Record<NotificationChannel, boolean>>,
);

export const notificationIdSchema = z.object({ notificationId: z.uuid("invalid") });

/** The notification list's state in the URL: its order and where the page starts (a cursor). */
export const notificationsSearchSchema = z.object({
  order: z.enum(["newest", "unread"]).catch("newest"),
  after: z.string().max(200).optional().catch(undefined),
});
