import { z } from "zod";
import { isCalendarDay } from "@/lib/calendar-day";
import { activityAreas, type ActivityArea } from "@/lib/constants";

export type ActivityFilters = { area?: ActivityArea; from?: string; to?: string };
export type ActivityFilterField = "from" | "to";

const day = z.string().trim().refine(isCalendarDay);

/**
 * The timeline's filters as the URL holds them: an unknown area is no filter, a malformed day is
 * named so the form can say so, and a range that ends before it starts is the `to` field's fault.
 */
export function parseActivityFilters(raw: Record<string, string | string[] | undefined>): { filters: ActivityFilters; errors: Partial<Record<ActivityFilterField, true>> } {
  const filters: ActivityFilters = {};
  const errors: Partial<Record<ActivityFilterField, true>> = {};
  const area = z.enum(activityAreas).safeParse(raw.area);
  if (area.success) filters.area = area.data;
  for (const field of ["from", "to"] as const) {
    const value = raw[field];
    if (value === undefined || value === "") continue;
    const parsed = day.safeParse(value);
    if (parsed.success) filters[field] = parsed.data;
    else errors[field] = true;
  }
  if (filters.from && filters.to && filters.to < filters.from) {
    errors.to = true;
    delete filters.to;
  }
  return { filters, errors };
}

/** Where a page starts: `after` pages on to older entries, `before` back to newer ones (opaque cursors). */
export const activityCursorSchema = z.object({
  after: z.string().max(300).optional().catch(undefined),
  before: z.string().max(300).optional().catch(undefined),
});
