import { z } from "zod";
import { CALL_NOTES_MAX, callQualities } from "@/lib/constants";
import { e164PhoneNumber } from "@/lib/validations/phone";

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
  toNumber: e164PhoneNumber({ required: "callRequests.validation.numberRequired", invalid: "callRequests.validation.numberInvalid" }),
  agentId: z
    .string()
    .trim()
    .refine((value) => value === "" || z.uuid().safeParse(value).success, "callRequests.validation.agentInvalid")
    .transform((value) => value || null),
  scheduledFor: z.string().trim().max(30, "callRequests.validation.whenInvalid"),
  notes: z.string().trim().max(CALL_NOTES_MAX, "callRequests.validation.notesTooLong"),
});

export const callRequestIdSchema = z.object({ requestId: z.uuid("invalid") });
