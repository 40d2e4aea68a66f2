import { z } from "zod";
import { locales, themes } from "@/lib/constants";
import { canonicalTimeZone } from "@/lib/time-zones";

/** Any name of a real zone, stored under its current IANA name ("Asia/Calcutta" becomes "Asia/Kolkata"). */
export const timeZoneSchema = z
  .string()
  .trim()
  .transform((value, context) => {
    const zone = canonicalTimeZone(value);
    if (!zone) {
      context.addIssue({ code: "custom", message: "timeZoneInvalid" });
      return z.NEVER;
    }
    return zone;
  });

export const preferencesSchema = z.object({
  theme: z.enum(themes, "themeInvalid"),
  locale: z.enum(locales, "localeInvalid"),
  timeZone: timeZoneSchema,
});

/** A Security page submission: one session's id, or `scope: "others"` for every other session. */
export const revokeSessionsSchema = z.union([z.object({ scope: z.literal("others") }), z.object({ sessionId: z.uuid("invalid") })]);

/** An HTML checkbox: "on" when ticked, absent when not. */
const checkbox = z
  .literal("on", "invalid")
  .optional()
  .transform((value) => value === "on");

/** Email on or off per notification category (the in-app notification always appears). */
export const notificationPreferencesSchema = z
  .object({ account: checkbox, projects: checkbox, messages: checkbox, billing: checkbox, calls: checkbox })
  .transform((emails) => ({
    account: { email: emails.account },
    projects: { email: emails.projects },
    messages: { email: emails.messages },
    billing: { email: emails.billing },
    calls: { email: emails.calls },
  }));

export const notificationIdSchema = z.object({ notificationId: z.uuid("invalid") });

export const notificationOrders = ["newest", "unread"] as const;

/** The notification list's state in the URL: its order and where the page starts (a cursor). */
export const notificationsSearchSchema = z.object({
  order: z.enum(notificationOrders).catch("newest"),
  after: z.string().max(200).optional().catch(undefined),
});
