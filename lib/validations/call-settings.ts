import { z } from "zod";
import { CALL_NOTES_MAX, callQualities } from "@/lib/constants";

// Messages are keys of `validation` or full keys of the feature's namespace (see lib/action.ts).

/** An HTML checkbox: "on" when ticked, absent when not. */
const checkbox = z
  .literal("on", "invalid")
  .optional()
  .transform((value) => value === "on");

/** The Calls and privacy tab: the account's call preferences. */
export const callPreferencesSchema = z.object({
  recordingConsent: checkbox,
  autoRecord: checkbox,
  aiAssistance: checkbox,
  callQuality: z.enum(callQualities, "callPreferences.validation.qualityInvalid"),
  noiseCancellation: checkbox,
  autoAnswer: checkbox,
});

/** "Start a call": the number to call, optionally an agent, a time (wall clock in the user's zone) and notes. */
export const callRequestSchema = z.object({
  toNumber: z
    .string()
    .trim()
    .min(1, "callRequests.validation.numberRequired")
    .transform((value) => value.replace(/[\s\-().\/]/g, ""))
    .pipe(z.string().regex(/^\+[1-9]\d{6,14}$/, "callRequests.validation.numberInvalid")),
  agentId: z
    .string()
    .trim()
    .refine((value) => value === "" || z.uuid().safeParse(value).success, "callRequests.validation.agentInvalid")
    .transform((value) => value || null),
  scheduledFor: z.string().trim().max(30, "callRequests.validation.whenInvalid"),
  notes: z.string().trim().max(CALL_NOTES_MAX, "callRequests.validation.notesTooLong"),
});

export const callRequestIdSchema = z.object({ requestId: z.uuid("invalid") });
