import type { DateFormatter } from "@/lib/i18n/date-format";

/** A calendar day (YYYY-MM-DD) as an instant at its start in UTC, to be formatted in UTC. */
export function calendarDayDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

type LanguageFormatter = { dateTime: (date: Date, options: { dateStyle: "medium"; timeZone: string }) => string };

/**
 * Formats a calendar day (a due date, a deadline) for the reader: with their date formatter (their
 * chosen format), or next-intl's (their language only). Days are not instants: formatting them in
 * UTC keeps the same day in every time zone.
 */
export function formatCalendarDay(format: LanguageFormatter | Pick<DateFormatter, "day">, day: string): string {
  if ("day" in format) return format.day(day);
  return format.dateTime(calendarDayDate(day), { dateStyle: "medium", timeZone: "UTC" });
}

/**
 * Whether a date input's value is a real calendar day in a plausible range: a typo such as 0026 or
 * 20260 would be stored, shown as long overdue and break calendar feeds.
 */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  // A month past 12 or a day past 31 is no date at all (toISOString would throw), not just a wrong one.
  const date = calendarDayDate(value);
  return year >= 2000 && year <= 2100 && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
