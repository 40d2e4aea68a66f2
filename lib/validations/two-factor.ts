import { z } from "zod";
import { PASSWORD_MAX } from "@/lib/constants";
import { twoFactorCodeSchema } from "./auth";

const currentPassword = z.string().min(1, "passwordRequired").max(PASSWORD_MAX, "passwordTooLong");

export const startTwoFactorSchema = z.object({ password: currentPassword });

/** Enrolment is confirmed with a code from the app: recovery codes do not exist yet. */
export const confirmTwoFactorSchema = z.object({
  code: z.string().trim().min(1, "codeRequired").regex(/^\d{3} ?\d{3}$/, "codeSixDigits"),
});

export const disableTwoFactorSchema = z.object({
  password: currentPassword,
  code: twoFactorCodeSchema,
});

export const regenerateRecoveryCodesSchema = z.object({ code: twoFactorCodeSchema });
