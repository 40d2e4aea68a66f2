import "server-only";
import { createTranslator, type AbstractIntlMessages } from "use-intl/core";
import { isCalendarDay } from "@/lib/calendar-day";
import { loadMessages, type Locale } from "@/lib/i18n/config";
import type { DateFormatter } from "@/lib/i18n/date-format";
import { isNotificationType } from "./types";

type Translator = (key: string, values?: Record<string, string | number>) => string;

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

/**
 * A notification's parameters as the reader reads them: a date parameter (`date`, `dueDate`, …) is
 * stored as a day (YYYY-MM-DD) or an instant (ISO, UTC) and written in the reader's zone and format
 * when shown, so a change of either applies to old notifications too. Text is shown as it is.
 */
function readableParams(params: Record<string, string | number>, dates: Pick<DateFormatter, "date" | "day">) {
  const readable = (key: string, value: string | number) => {
    if (typeof value !== "string" || !/^date$|Date$/.test(key)) return value;
    if (isCalendarDay(value)) return dates.day(value);
    return isoInstant.test(value) ? dates.date(new Date(value)) : value;
  };
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, readable(key, value)]));
}

/** A notification's title and text in the reader's language and date format, from its type and parameters. */
export function describeNotification(t: Translator, notification: { type: string; params: Record<string, string | number> }, dates: Pick<DateFormatter, "date" | "day">) {
  if (!isNotificationType(notification.type)) return { title: t("types.unknown.title"), body: t("types.unknown.body") };
  const params = readableParams(notification.params, dates);
  return { title: t(`types.${notification.type}.title`, params), body: t(`types.${notification.type}.body`, params) };
}

/** A translator for the `notifications` messages in any language, outside a request (jobs, email). */
export async function notificationTranslator(locale: Locale): Promise<Translator> {
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages: messages as AbstractIntlMessages, namespace: "notifications" });
  return (key, values) => t(key as never, values as never);
}
