import { todayIn } from "@/lib/projects/dates";

const DAY = 86_400_000;

/** Whole calendar days from today to the day the period ends, both where the user is; 0 on its last day. */
export function daysRemaining(periodEnd: Date, timeZone: string, now = new Date()): number {
  const days = (Date.parse(todayIn(timeZone, periodEnd)) - Date.parse(todayIn(timeZone, now))) / DAY;
  return Math.max(0, Math.round(days));
}
