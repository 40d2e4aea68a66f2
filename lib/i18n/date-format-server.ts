import "server-only";
import { getLocale } from "next-intl/server";
import { getSessionUser } from "@/lib/session";
import { createDateFormatter, type DateFormatter, type DateTimePreferences } from "./date-format";

/** The signed-in reader's date preferences; a visitor reads in their language, in UTC, as the language writes dates. */
export async function getDateTimePreferences(): Promise<DateTimePreferences> {
  const user = await getSessionUser();
  if (user) return { locale: user.locale, timeZone: user.timeZone, dateFormat: user.dateFormat, timeFormat: user.timeFormat };
  return { locale: await getLocale(), timeZone: "UTC", dateFormat: "locale", timeFormat: "locale" };
}

/** Formats dates for whoever is asking (server components, route handlers). */
export async function getDateFormatter(): Promise<DateFormatter> {
  return createDateFormatter(await getDateTimePreferences());
}
