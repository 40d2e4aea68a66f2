import { z } from "zod";
import { locales, themes } from "@/db/schema/users";

const timeZones = new Set(Intl.supportedValuesOf("timeZone").concat("UTC"));

export const preferencesSchema = z.object({
  theme: z.enum(themes, "themeInvalid"),
  locale: z.enum(locales, "localeInvalid"),
  timeZone: z.string().refine((value) => timeZones.has(value), "timeZoneInvalid"),
});

export const sessionIdSchema = z.object({ sessionId: z.uuid("invalid") });
