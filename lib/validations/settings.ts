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

