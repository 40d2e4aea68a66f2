import { z } from "zod";
import { AVATAR_MAX_BYTES, PASSWORD_MAX } from "@/lib/constants";
import { emailSchema, verifyEmailSchema } from "./auth";

// Messages are keys into the `validation` namespace; this form's own live under `validation.profile`.

/** An optional text: blank is "not given" (null), not an empty string. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "profile.tooLong")
    .transform((value) => value || null);

export const profileSchema = z.object({
  name: z.string().trim().min(1, "nameRequired").max(100, "nameTooLong"),
  phone: z
    .string()
    .trim()
    .max(40, "profile.tooLong")
    .regex(/^(\+?[0-9 ()./-]{5,40})?$/, "profile.phoneInvalid")
    .transform((value) => value || null),
  company: optionalText(120),
  jobTitle: optionalText(120),
  address: optionalText(500),
});

export const emailChangeSchema = z.object({
  newEmail: emailSchema,
  currentPassword: z.string().min(1, "passwordRequired").max(PASSWORD_MAX, "passwordTooLong"),
});

/** The size is checked here and again by the service; the type only by the service, from the bytes. */
export const avatarSchema = z.object({
  avatar: z
    .instanceof(File, { message: "profile.avatarRequired" })
    .refine((file) => file.size > 0, "profile.avatarRequired")
    .refine((file) => file.size <= AVATAR_MAX_BYTES, "profile.avatarTooLarge"),
});

export const confirmEmailChangeSchema = verifyEmailSchema;
