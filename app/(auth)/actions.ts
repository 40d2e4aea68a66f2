"use server";

import { AuthError } from "next-auth";
import { getLocale, getTranslations } from "next-intl/server";
import { revokeSession } from "@/db/queries/sessions";
import { publicAction } from "@/lib/action";
import { SignInRejected, signIn, signOut } from "@/lib/auth";
import { describeError } from "@/lib/errors";
import { registerUser, requestPasswordReset, resetPassword, verifyEmail } from "@/lib/auth/service";
import type { Locale } from "@/lib/i18n/config";
import { getSessionUser } from "@/lib/session";
import {
  forgotPasswordSchema,
  resetPasswordSchema,
  safeCallbackPath,
  signInSchema,
  signUpSchema,
  verifyEmailSchema,
} from "@/lib/validations/auth";

async function tooManyAttempts(retryAfterSeconds: number): Promise<string> {
  const t = await getTranslations("auth");
  return t("rateLimited", { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) });
}

export const signUpAction = publicAction(signUpSchema, async (data, { info }) => {
  const locale = (await getLocale()) as Locale;
  const result = await registerUser({ ...data, locale }, info);
  if (result.status === "rate_limited") return { ok: false, message: await tooManyAttempts(result.retryAfterSeconds) };
  const t = await getTranslations("auth.signUp");
  return { ok: true, message: t("checkEmail", { email: data.email }) };
});

export const signInAction = publicAction(signInSchema, async (data) => {
  try {
    await signIn("credentials", {
      email: data.email,
      password: data.password,
      redirectTo: safeCallbackPath(data.callbackUrl),
    });
    return { ok: true };
  } catch (error) {
    // signIn() redirects by throwing; only auth failures are ours to turn into a message.
    if (!(error instanceof AuthError)) throw error;
    const t = await getTranslations("auth.signIn");
    if (error instanceof SignInRejected) {
      if (error.code === "rate_limited") return { ok: false, message: await tooManyAttempts(error.retryAfterSeconds) };
      return { ok: false, message: t(`errors.${error.code}`) };
    }
    // Anything else (e.g. the database is down) is not the user's mistake: don't say it is.
    console.error(`[auth] sign-in failed: ${describeError(error)}`);
    return { ok: false, message: (await getTranslations("errors"))("errorText") };
  }
});

/** Ends the server-side session record as well as the cookie. */
export async function signOutAction(): Promise<void> {
  const user = await getSessionUser();
  if (user) await revokeSession(user.id, user.sessionId);
  await signOut({ redirectTo: "/sign-in" });
}

export const forgotPasswordAction = publicAction(forgotPasswordSchema, async (data, { info }) => {
  const locale = (await getLocale()) as Locale;
  const result = await requestPasswordReset({ email: data.email, locale }, info);
  if (result.status === "rate_limited") return { ok: false, message: await tooManyAttempts(result.retryAfterSeconds) };
  const t = await getTranslations("auth.forgotPassword");
  return { ok: true, message: t("sent") };
});

export const resetPasswordAction = publicAction(resetPasswordSchema, async (data, { info }) => {
  const result = await resetPassword({ token: data.token, password: data.password }, info);
  if (result.status === "rate_limited") return { ok: false, message: await tooManyAttempts(result.retryAfterSeconds) };
  const t = await getTranslations("auth.resetPassword");
  if (result.status === "invalid_token") return { ok: false, message: t("invalidToken") };
  return { ok: true, message: t("done") };
});

export const verifyEmailAction = publicAction(verifyEmailSchema, async (data, { info }) => {
  const result = await verifyEmail(data.token, info);
  const t = await getTranslations("auth.verifyEmail");
  return result.status === "ok" ? { ok: true, message: t("done") } : { ok: false, message: t("invalidToken") };
});
