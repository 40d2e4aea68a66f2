"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { authedAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import {
  confirmTwoFactorEnrolment,
  disableTwoFactor,
  regenerateRecoveryCodes,
  startTwoFactorEnrolment,
} from "@/lib/two-factor/service";
import {
  confirmTwoFactorSchema,
  disableTwoFactorSchema,
  regenerateRecoveryCodesSchema,
  startTwoFactorSchema,
} from "@/lib/validations/two-factor";

async function codeRefused(status: "invalid_code" | "not_enabled" | "rate_limited", retryAfterSeconds = 0): Promise<ActionState> {
  const t = await getTranslations("twoFactor");
  if (status === "rate_limited") return { ok: false, message: t("rateLimited", { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) }) };
  if (status === "not_enabled") return { ok: false, message: t("notEnabled") };
  return { ok: false, fieldErrors: { code: t("invalidCode") } };
}

export const startTwoFactorAction = authedAction(startTwoFactorSchema, async (data, user) => {
  const result = await startTwoFactorEnrolment(user, data);
  const t = await getTranslations("twoFactor");
  if (result.status === "rate_limited") return codeRefused(result.status, result.retryAfterSeconds);
  if (result.status === "invalid_password") return { ok: false, fieldErrors: { password: t("invalidPassword") } };
  if (result.status === "already_enabled") return { ok: false, message: t("alreadyEnabled") };
  revalidatePath("/dashboard/security", "layout");
  return { ok: true };
});

// Confirming does not revalidate: the page would swap the form for the "on" cards, and the codes shown once with it.
export const confirmTwoFactorAction = authedAction(confirmTwoFactorSchema, async (data, user, { info }) => {
  const result = await confirmTwoFactorEnrolment(user, data.code, info);
  const t = await getTranslations("twoFactor");
  if (result.status === "no_enrolment") return { ok: false, message: t("noEnrolment") };
  if (result.status === "invalid_code") return { ok: false, fieldErrors: { code: t("invalidEnrolmentCode") } };
  if (result.status !== "ok") return codeRefused(result.status, "retryAfterSeconds" in result ? result.retryAfterSeconds : 0);
  return { ok: true, message: t("enabled"), secrets: result.recoveryCodes };
});

export const regenerateRecoveryCodesAction = authedAction(regenerateRecoveryCodesSchema, async (data, user, { info }) => {
  const result = await regenerateRecoveryCodes(user, data.code, info);
  if (result.status !== "ok") return codeRefused(result.status, "retryAfterSeconds" in result ? result.retryAfterSeconds : 0);
  // The form stays where it is (the codes stay on screen); the count of codes left follows.
  revalidatePath("/dashboard/security", "layout");
  return { ok: true, message: (await getTranslations("twoFactor"))("regenerated"), secrets: result.recoveryCodes };
});

export const disableTwoFactorAction = authedAction(disableTwoFactorSchema, async (data, user, { info }) => {
  const result = await disableTwoFactor(user, data, info);
  const t = await getTranslations("twoFactor");
  if (result.status === "required_for_staff") return { ok: false, message: t("requiredForStaff") };
  if (result.status === "invalid_password") return { ok: false, fieldErrors: { password: t("invalidPassword") } };
  if (result.status !== "ok") return codeRefused(result.status, "retryAfterSeconds" in result ? result.retryAfterSeconds : 0);
  revalidatePath("/dashboard/security", "layout");
  return { ok: true, message: t("disabled") };
});
