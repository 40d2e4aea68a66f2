import { z } from "zod";
import { locales } from "@/db/schema/users";
import { commonPasswords } from "./common-passwords";

// Messages are keys into the `validation` namespace of the message files.
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export const emailSchema = z.string().trim().toLowerCase().max(254, "emailTooLong").pipe(z.email("emailInvalid"));

export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN, "passwordTooShort")
  .max(PASSWORD_MAX, "passwordTooLong")
  .refine((value) => !commonPasswords.has(value.toLowerCase()), "passwordCommon");

export const signUpSchema = z
  .object({
    name: z.string().trim().min(1, "nameRequired").max(100, "nameTooLong"),
    email: emailSchema,
    password: newPasswordSchema,
  })
  .refine((value) => value.password.toLowerCase() !== value.email, {
    path: ["password"],
    message: "passwordIsEmail",
  });

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "passwordRequired").max(PASSWORD_MAX, "passwordTooLong"),
  callbackUrl: z.string().optional(),
});

export const forgotPasswordSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z
  .object({
    token: z.string().min(1, "tokenInvalid").max(200, "tokenInvalid"),
    password: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((value) => value.password === value.confirmPassword, {
    path: ["confirmPassword"],
    message: "passwordsDiffer",
  });

export const verifyEmailSchema = z.object({ token: z.string().min(1, "tokenInvalid").max(200, "tokenInvalid") });

export const localeSchema = z.enum(locales);

/** Only same-origin paths: "/x" but never "//host" or "/\host", which browsers treat as another site. */
export function safeCallbackPath(value: string | null | undefined, fallback = "/dashboard"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  try {
    const url = new URL(value, "http://clientdesk.invalid");
    if (url.origin !== "http://clientdesk.invalid") return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
