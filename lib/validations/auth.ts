import { z } from "zod";
import { locales, PASSWORD_MAX, PASSWORD_MIN } from "@/lib/constants";
import { isCommonPassword } from "./common-passwords";
import { timeZoneSchema } from "./settings";

// Messages are keys into the `validation` namespace of the message files.

export const emailSchema = z.string().trim().toLowerCase().max(254, "emailTooLong").pipe(z.email("emailInvalid"));

export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN, "passwordTooShort")
  .max(PASSWORD_MAX, "passwordTooLong")
  .refine((value) => !isCommonPassword(value), "passwordCommon");

export const signUpSchema = z
  .object({
    name: z.string().trim().min(1, "nameRequired").max(100, "nameTooLong"),
    email: emailSchema,
    password: newPasswordSchema,
    // Filled in by the browser; an unknown or missing zone falls back to UTC rather than failing sign-up.
    timeZone: timeZoneSchema.catch("UTC"),
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

/** A six-digit code from the app, or a recovery code (`k7qm2-x9ptd`, spaces and case forgiven). */
export const twoFactorCodeSchema = z
  .string()
  .trim()
  .min(1, "codeRequired")
  .max(32, "codeInvalid")
  .regex(/^(\d{3} ?\d{3}|[A-Za-z0-9]{5}[- ]?[A-Za-z0-9]{5})$/, "codeInvalid");

export const twoFactorSignInSchema = z.object({ code: twoFactorCodeSchema, callbackUrl: z.string().optional() });

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

const CALLBACK_BASE = "http://clientdesk.invalid";

/**
 * A same-origin path to go to after sign-in, or the fallback. The result itself is checked, after
 * the URL parser has resolved dot segments, backslashes and percent-encoding: "/.//evil.example"
 * normalises to "//evil.example", which a browser would treat as another site.
 */
export function safeCallbackPath<F extends string | null>(value: string | null | undefined, fallback: F): string | F {
  if (!value || value.length > 2000 || !value.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(value, CALLBACK_BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== CALLBACK_BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith("/") || path.startsWith("//")) return fallback;
  // What a browser makes of the path must still be this origin.
  return new URL(path, CALLBACK_BASE).origin === CALLBACK_BASE ? path : fallback;
}
