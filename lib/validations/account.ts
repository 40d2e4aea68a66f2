import { z } from "zod";
import { PASSWORD_MAX } from "@/lib/constants";
import { newPasswordSchema } from "./auth";

// Messages are keys into the `validation` namespace, or full keys of the feature's own namespace.

const currentPassword = z.string().min(1, "passwordRequired").max(PASSWORD_MAX, "passwordTooLong");

/** The new password follows sign-up's rules (newPasswordSchema), so there is one definition of "strong enough". */
export const changePasswordSchema = z
  .object({ currentPassword, password: newPasswordSchema })
  .refine((value) => value.password !== value.currentPassword, { path: ["password"], message: "passwordChange.samePassword" });

/** What the person must type to confirm a deletion; the same in every language, so it cannot be mistranslated. */
export const DELETE_CONFIRMATION_PHRASE = "DELETE";

export const deleteAccountSchema = z.object({
  password: currentPassword,
  confirmation: z
    .string()
    .trim()
    .refine((value) => value === DELETE_CONFIRMATION_PHRASE, "accountDeletion.phraseMismatch"),
});
