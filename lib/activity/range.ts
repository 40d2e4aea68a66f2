import { localDateTimeToUtc } from "@/lib/local-date-time";

/** The first instant of `day` (YYYY-MM-DD) in `timeZone`, `plusDays` later. */
function dayStart(day: string, timeZone: string, plusDays = 0): Date | null {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + plusDays);
  return localDateTimeToUtc(`${date.toISOString().slice(0, 10)}T00:00`, timeZone);
}

/** Days as the reader names them, in their zone, as instants: `from` inclusive, `to` the end of its day (exclusive). */
export function activityRange(days: { from?: string; to?: string }, timeZone: string): { from: Date | null; to: Date | null } {
  return { from: days.from ? dayStart(days.from, timeZone) : null, to: days.to ? dayStart(days.to, timeZone, 1) : null };
}
