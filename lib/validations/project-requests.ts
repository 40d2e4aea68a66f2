import { z } from "zod";
import { budgetRanges, contactPreferences, PROJECT_DESCRIPTION_MAX, projectRequestStatuses, SUBJECT_MAX } from "@/lib/constants";
import { isCalendarDay } from "@/lib/calendar-day";
import { attachmentIdsField } from "./uploads";

// Messages are keys into the `validation` namespace; this area's own live under `validation.projectRequest`.

/** Long enough for a page of goals; goals and scope together still fit a project's description. */
export const REQUEST_TEXT_MAX = 4000;
export const DECLINE_REASON_MAX = 2000;
export { PROJECT_DESCRIPTION_MAX };

/** A calendar day from a date input, or null when left empty or not sent. */
const optionalDay = (message: string) =>
  z
    .string()
    .trim()
    .prefault("")
    .refine((value) => value === "" || isCalendarDay(value), message)
    .transform((value) => value || null);

export const projectRequestSchema = z.object({
  title: z.string().trim().min(1, "projectRequest.titleRequired").max(SUBJECT_MAX, "projectRequest.titleTooLong"),
  goals: z.string().trim().min(1, "projectRequest.goalsRequired").max(REQUEST_TEXT_MAX, "projectRequest.textTooLong"),
  scope: z.string().trim().max(REQUEST_TEXT_MAX, "projectRequest.textTooLong").default(""),
  budgetRange: z.enum(budgetRanges, "projectRequest.budgetInvalid"),
  desiredDeadline: optionalDay("projectRequest.deadlineInvalid"),
  contactPreference: z.enum(contactPreferences, "projectRequest.contactInvalid"),
  attachmentIds: attachmentIdsField,
});
export type ProjectRequestInput = Omit<z.infer<typeof projectRequestSchema>, "attachmentIds">;

export const requestIdSchema = z.object({ requestId: z.uuid("invalid") });

export const declineRequestSchema = z.object({
  requestId: z.uuid("invalid"),
  reason: z.string().trim().min(1, "projectRequest.reasonRequired").max(DECLINE_REASON_MAX, "projectRequest.reasonTooLong"),
});

export const convertRequestSchema = z.object({
  requestId: z.uuid("invalid"),
  name: z.string().trim().min(1, "projectRequest.projectNameRequired").max(SUBJECT_MAX, "projectRequest.titleTooLong"),
  description: z.string().trim().max(PROJECT_DESCRIPTION_MAX, "projectRequest.textTooLong").default(""),
  startDate: optionalDay("projectRequest.dateInvalid"),
  dueDate: optionalDay("projectRequest.dateInvalid"),
});
export type ConvertRequestInput = z.infer<typeof convertRequestSchema>;

/** The staff list's filter and page, as held in the URL; anything malformed falls back to the default. */
export const adminRequestsSearchSchema = z.object({
  status: z.enum(["waiting", ...projectRequestStatuses]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
