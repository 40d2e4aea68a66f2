import { z } from "zod";
import { dashboardDensities, dateFormats, locales, themes, timeFormats } from "@/lib/constants";
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
  dateFormat: z.enum(dateFormats, "settings.validation.dateFormatInvalid"),
  timeFormat: z.enum(timeFormats, "settings.validation.timeFormatInvalid"),
  dashboardDensity: z.enum(dashboardDensities, "settings.validation.densityInvalid"),
});
export type PreferencesInput = z.infer<typeof preferencesSchema>;

/** An HTML checkbox: "on" when ticked, absent when not. */
const checkbox = z
  .literal("on", "invalid")
  .optional()
  .transform((value) => value === "on");

export const privacySchema = z.object({ profileVisibleToStaff: checkbox, dataSharing: checkbox });
export type PrivacyInput = z.infer<typeof privacySchema>;

/** A Security page submission: one session's id, or `scope: "others"` for every other session. */
export const revokeSessionsSchema = z.union([z.object({ scope: z.literal("others") }), z.object({ sessionId: z.uuid("invalid") })]);

