import { z } from "zod";

/** An HTML checkbox: "on" when ticked, absent when not. */
const checkbox = z
  .literal("on", "invalid")
  .optional()
  .transform((value) => value === "on");

/** Email on or off per notification category (the in-app notification always appears). */
export const notificationPreferencesSchema = z
  .object({ account: checkbox, projects: checkbox, messages: checkbox, billing: checkbox, calls: checkbox, marketing: checkbox })
  .transform((emails) => ({
    account: { email: emails.account },
    projects: { email: emails.projects },
    messages: { email: emails.messages },
    billing: { email: emails.billing },
    calls: { email: emails.calls },
    marketing: { email: emails.marketing },
  }));

export const notificationIdSchema = z.object({ notificationId: z.uuid("invalid") });

/** The notification list's state in the URL: its order and where the page starts (a cursor). */
export const notificationsSearchSchema = z.object({
  order: z.enum(["newest", "unread"]).catch("newest"),
  after: z.string().max(200).optional().catch(undefined),
});
