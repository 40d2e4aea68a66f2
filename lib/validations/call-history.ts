import { z } from "zod";
import { isCalendarDay } from "@/lib/calendar-day";
import { withoutNul } from "@/lib/validations/text";
import { CALL_SEARCH_MAX, CALL_SEARCH_MIN, callDirections, callSortColumns, callStatuses } from "@/lib/constants";

/** An empty field of a GET form is no filter; anything sent twice is malformed. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" ? value.trim() || undefined : value), schema.optional());

const day = z.string().refine(isCalendarDay, "Use a date as YYYY-MM-DD.");

/** Each filter's and the sort's rule for a value that is there: the page reads them leniently, the API strictly. */
export const callFilterSchemas = {
  status: z.enum(callStatuses, "Use one of: completed, missed, failed, voicemail."),
  direction: z.enum(callDirections, "Use inbound or outbound."),
  agent: z.uuid("Use an agent's id."),
  from: day,
  to: day,
  q: z
    .string()
    .min(CALL_SEARCH_MIN, `Search for at least ${CALL_SEARCH_MIN} characters.`)
    .max(CALL_SEARCH_MAX, `Search for at most ${CALL_SEARCH_MAX} characters.`)
    .refine(withoutNul, "Remove the NUL character from the search."),
  sort: z.enum(callSortColumns, "Sort by startedAt, duration or satisfaction."),
  order: z.enum(["asc", "desc"], "Use asc or desc."),
};

/** A range that ends before it starts is the `to` field's fault. */
export const CALL_RANGE_MESSAGE = "The end date is before the start date.";

/** The call history's filters and sort as the URL holds them (the page and the CSV export share it). */
const callFilterFields = {
  status: optional(callFilterSchemas.status),
  direction: optional(callFilterSchemas.direction),
  agent: optional(callFilterSchemas.agent),
  from: optional(callFilterSchemas.from),
  to: optional(callFilterSchemas.to),
  q: optional(callFilterSchemas.q),
  sort: optional(callFilterSchemas.sort),
  order: optional(callFilterSchemas.order),
};

export type CallFilterField = keyof typeof callFilterFields;

export type CallHistoryParams = {
  status?: (typeof callStatuses)[number];
  direction?: (typeof callDirections)[number];
  agent?: string;
  from?: string;
  to?: string;
  q?: string;
  sort: (typeof callSortColumns)[number];
  order: "asc" | "desc";
};

type RawParams = Record<string, string | string[] | undefined>;

/**
 * Reads the history's parameters field by field: what is valid is kept, and each invalid field is
 * named with the reason. A range that ends before it starts is the `to` field's fault.
 */
export function parseCallHistoryParams(raw: RawParams): { params: CallHistoryParams; errors: Partial<Record<CallFilterField, string>> } {
  const values: Partial<Record<CallFilterField, string>> = {};
  const errors: Partial<Record<CallFilterField, string>> = {};
  for (const field of Object.keys(callFilterFields) as CallFilterField[]) {
    const parsed = callFilterFields[field].safeParse(raw[field]);
    if (parsed.success) {
      if (parsed.data !== undefined) values[field] = parsed.data;
    } else {
      errors[field] = parsed.error.issues[0]?.message ?? "Invalid value.";
    }
  }
  if (values.from && values.to && values.to < values.from) {
    errors.to = CALL_RANGE_MESSAGE;
    delete values.to;
  }
  const { sort, order, ...filters } = values;
  return { params: { ...filters, sort: (sort ?? "startedAt") as CallHistoryParams["sort"], order: (order ?? "desc") as CallHistoryParams["order"] } as CallHistoryParams, errors };
}

/** Where a page of the history starts: `after` pages on in the list's order, `before` back (opaque cursors). */
export const callCursorSchema = z.object({
  after: z.string().max(300).optional().catch(undefined),
  before: z.string().max(300).optional().catch(undefined),
});

/** The staff calls table's filters and position, as held in the URL. */
export const adminCallsSearchSchema = z.object({
  status: z.enum(callStatuses).optional().catch(undefined),
  // A filter holding a NUL character is dropped like any other invalid one (the database could not compare it).
  customer: z.string().trim().max(200).refine(withoutNul).catch(""),
  ...callCursorSchema.shape,
});
