"use server";

// The signed-out forms: each runs through publicAction (zod first) and acts only on what the
// submitted email or token proves; no action here reads or changes another account by id.

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { getLocale, getTranslations } from "next-intl/server";
import { revokeSessionById } from "@/db/queries/sessions";
import { getUserByEmail, getUserWithPreferences } from "@/db/queries/users";
import { publicAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { SignInRejected, signIn, signOut } from "@/lib/auth";
import { DEVICE_COOKIE, deviceCookieOptions } from "@/lib/auth/device";
import { TWO_FACTOR_CHALLENGE_COOKIE } from "@/lib/auth/two-factor-challenge";
import { registerUser, requestPasswordReset, resetPassword, twoFactorChallengeUser, verifyEmail, type RateLimitScope } from "@/lib/auth/service";
import { describeError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { rememberPreferences } from "@/lib/preferences-cookie";
import { reportActionStarted } from "@/lib/request-context";
import { getSessionUser, homePathFor } from "@/lib/session";
import {
  forgotPasswordSchema,
  resetPasswordSchema,
  safeCallbackPath,
  signInSchema,
  signUpSchema,
  twoFactorSignInSchema,
  verifyEmailSchema,
} from "@/lib/validations/auth";

/** What a limited form says, and for a locked account the way forward: a password reset. */
async function tooManyAttempts(retryAfterSeconds: number, scope: RateLimitScope = "address"): Promise<ActionState> {
  const t = await getTranslations("auth.rateLimited");
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  if (scope === "account") return { ok: false, message: t("account", { minutes }), link: { href: "/forgot-password", label: t("resetPassword") } };
  return { ok: false, message: t(scope, { minutes }) };
}

export const signUpAction = publicAction(signUpSchema, async (data, { info }) => {
  const locale = (await getLocale()) as Locale;
  const result = await registerUser({ ...data, locale }, info);
  if (result.status === "rate_limited") return tooManyAttempts(result.retryAfterSeconds);
  const t = await getTranslations("auth.signUp");
  return { ok: true, message: t("checkEmail", { email: data.email }) };
});

export const signInAction = publicAction(signInSchema, async (data) => {
  const previous = await getSessionUser();
  try {
    await signIn("credentials", { email: data.email, password: data.password, redirect: false });
  } catch (error) {
    // Only auth failures are ours to turn into a message; anything else is rethrown.
    if (!(error instanceof AuthError)) throw error;
    if (error instanceof SignInRejected && error.reason === "two_factor_required") {
      const callbackPath = safeCallbackPath(data.callbackUrl, null);
      redirect(`/sign-in/two-factor${callbackPath ? `?${new URLSearchParams({ callbackUrl: callbackPath })}` : ""}`);
    }
    return signInFailure(error);
  }
  const user = await getUserByEmail(data.email);
  if (!user) throw new Error("The account that just signed in no longer exists.");
  return finishSignIn(previous, user, data.callbackUrl);
});

async function signInFailure(error: AuthError): Promise<ActionState> {
  const t = await getTranslations("auth.signIn");
  if (error instanceof SignInRejected) {
    if (error.reason === "rate_limited") return tooManyAttempts(error.retryAfterSeconds, error.scope);
    return { ok: false, message: t(`errors.${error.reason}`) };
  }
  // Anything else (e.g. the database is down) is not the user's mistake: don't say it is.
  console.error(`[auth] sign-in failed: ${describeError(error)}`);
  return { ok: false, message: (await getTranslations("errors"))("errorText") };
}

async function finishSignIn(
  previous: Awaited<ReturnType<typeof getSessionUser>>,
  user: { locale: Locale; theme: "light" | "dark" | "auto"; role: "customer" | "admin" },
  callbackUrl: string | undefined,
): Promise<never> {
  // Signing in over a live session replaces it: the old cookie must not keep working elsewhere.
  if (previous) await revokeSessionById(previous.sessionId);
  await rememberPreferences(user);
  redirect(safeCallbackPath(callbackUrl, null) ?? homePathFor(user));
}

/** The code step of a two-factor sign-in; the challenge cookie from the password step names the account. */
export const verifySignInCodeAction = publicAction(twoFactorSignInSchema, async (data) => {
  const previous = await getSessionUser();
  const challenge = (await cookies()).get(TWO_FACTOR_CHALLENGE_COOKIE)?.value;
  const userId = challenge ? await twoFactorChallengeUser(challenge) : null;
  if (!userId) redirect("/sign-in?reason=two-factor-expired");
  try {
    await signIn("credentials", { code: data.code, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    if (error instanceof SignInRejected && error.reason === "challenge_expired") redirect("/sign-in?reason=two-factor-expired");
    if (error instanceof SignInRejected && error.reason === "invalid_code") {
      return { ok: false, fieldErrors: { code: (await getTranslations("auth.twoFactor"))("invalidCode") } };
    }
    return signInFailure(error);
  }
  const user = await getUserWithPreferences(userId);
  if (!user) throw new Error("The account that just signed in no longer exists.");
  return finishSignIn(previous, user, data.callbackUrl);
});

/**
 * Ends the cookie and, through Auth.js's signOut event, the server-side session. It needs no
 * authentication and takes no input: it only ever ends the session of the cookie it was sent with.
 */
export async function signOutAction(): Promise<void> {
  reportActionStarted();
  await signOut({ redirectTo: "/sign-in?reason=signed-out" });
}

export const forgotPasswordAction = publicAction(forgotPasswordSchema, async (data, { info }) => {
  const result = await requestPasswordReset({ email: data.email }, info);
  if (result.status === "rate_limited") return tooManyAttempts(result.retryAfterSeconds);
  const t = await getTranslations("auth.forgotPassword");
  return { ok: true, message: t("sent") };
});

export const resetPasswordAction = publicAction(resetPasswordSchema, async (data, { info }) => {
  const result = await resetPassword({ token: data.token, password: data.password }, info);
  if (result.status === "rate_limited") return tooManyAttempts(result.retryAfterSeconds);
  const t = await getTranslations("auth.resetPassword");
  if (result.status === "invalid_token") return { ok: false, message: t("invalidToken"), link: { href: "/forgot-password", label: t("requestNew") } };
  // This browser proved it reads the account's mail: from now on it is a known device. Setting a
  // cookie re-renders the page, whose link is now used up, so the outcome is shown on sign-in.
  (await cookies()).set(DEVICE_COOKIE, result.deviceToken, deviceCookieOptions());
  redirect("/sign-in?reason=password-changed");
});

export const verifyEmailAction = publicAction(verifyEmailSchema, async (data, { info }) => {
  const result = await verifyEmail(data.token, info);
  const t = await getTranslations("auth.verifyEmail");
  return result.status === "ok" ? { ok: true, message: t("done") } : { ok: false, message: t("invalidToken"), link: { href: "/sign-in", label: t("signIn") } };
});
