/** A calendar day (YYYY-MM-DD) as an instant at its start in UTC, to be formatted in UTC. */
export function calendarDayDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/**
 * Formats a calendar day (a due date, a deadline) in the reader's language. Days are not instants:
 * formatting them in UTC keeps the same day in every time zone.
 */
export function formatCalendarDay(format: { dateTime: (date: Date, options: { dateStyle: "medium"; timeZone: string }) => string }, day: string): string {
  return format.dateTime(calendarDayDate(day), { dateStyle: "medium", timeZone: "UTC" });
}
