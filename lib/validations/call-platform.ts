import { z } from "zod";
import {
  AMOUNT_MAX,
  CALL_IMPORT_MAX_BYTES,
  CALL_DURATION_MAX,
  CALL_SUMMARY_MAX,
  CALL_TRANSCRIPT_MAX,
  callDirections,
  callStatuses,
  currencies,
  PLATFORM_CALL_ID_MAX,
  PLATFORM_CLAIM_MAX,
  PLATFORM_KEY_NAME_MAX,
} from "@/lib/constants";
import { e164PhoneNumber } from "@/lib/validations/phone";
import { withoutNul } from "@/lib/validations/text";

// Messages are keys of `callImport.reasons`: the API answers them in English, the import page in the reader's language.

/** "+" and 7 to 15 digits (E.164), after dropping what people type between digits. */
export const phoneNumber = e164PhoneNumber({ required: "required", invalid: "phoneInvalid" });

/** A report clocks may skew from ours: a start this far ahead still counts as now. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** A finished call as the call platform reports it (`POST /api/platform/calls`), and as a CSV row becomes. */
export const callReportSchema = z.object({
  platformCallId: z.string("required").trim().min(1, "required").max(PLATFORM_CALL_ID_MAX, "tooLong").refine(withoutNul, "invalid"),
  accountId: z.uuid("accountInvalid"),
  agentId: z.uuid("agentInvalid").nullish().transform((value) => value ?? null),
  direction: z.enum(callDirections, "directionInvalid"),
  status: z.enum(callStatuses, "statusInvalid"),
  fromNumber: phoneNumber,
  toNumber: phoneNumber,
  startedAt: z.iso
    .datetime({ offset: true, error: "dateInvalid" })
    .transform((value) => new Date(value))
    .refine((date) => date.getTime() <= Date.now() + CLOCK_SKEW_MS, "dateFuture"),
  durationSeconds: z.int("durationInvalid").min(0, "durationInvalid").max(CALL_DURATION_MAX, "durationInvalid"),
  transcript: z.string("invalid").max(CALL_TRANSCRIPT_MAX, "tooLong").refine(withoutNul, "invalid").nullish().transform((value) => value || null),
  summary: z.string("invalid").trim().max(CALL_SUMMARY_MAX, "tooLong").refine(withoutNul, "invalid").nullish().transform((value) => value || null),
  satisfaction: z.int("satisfactionInvalid").min(1, "satisfactionInvalid").max(5, "satisfactionInvalid").nullish().transform((value) => value ?? null),
  cost: z.int("costInvalid").min(0, "costInvalid").max(AMOUNT_MAX, "costInvalid"),
  currency: z
    .string("required")
    .trim()
    .toLowerCase()
    .pipe(z.enum(currencies, "currencyInvalid")),
  callRequestId: z.uuid("callRequestInvalid").nullish().transform((value) => value ?? null),
});

export type CallReport = z.infer<typeof callReportSchema>;

/** `GET /api/platform/call-requests?limit=`: how many due requests to claim at once. */
export const claimLimitSchema = z.object({
  limit: z.coerce.number("limitInvalid").int("limitInvalid").min(1, "limitInvalid").max(PLATFORM_CLAIM_MAX, "limitInvalid").default(10),
});

export const platformKeyNameSchema = z.object({
  name: z.string().trim().min(1, "platformKeys.validation.nameRequired").max(PLATFORM_KEY_NAME_MAX, "platformKeys.validation.nameTooLong"),
});

export const platformKeyIdSchema = z.object({ keyId: z.uuid("invalid") });

/** Staff's CSV import: one file, within the size a server action takes. */
export const callImportSchema = z.object({
  file: z
    .instanceof(File, { error: "callImport.validation.fileRequired" })
    .refine((file) => file.size > 0, "callImport.validation.fileRequired")
    .refine((file) => file.size <= CALL_IMPORT_MAX_BYTES, "callImport.validation.fileTooLarge"),
});
