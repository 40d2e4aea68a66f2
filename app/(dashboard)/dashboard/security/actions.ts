"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { authedAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { createApiToken, revokeApiToken } from "@/lib/api/tokens";
import { changePassword } from "@/lib/auth/password-change";
import { revokeOwnSessions } from "@/lib/sessions/service";
import { API_TOKENS_PER_USER_MAX } from "@/lib/constants";
import { changePasswordSchema } from "@/lib/validations/account";
import { createApiTokenSchema, revokeApiTokenSchema } from "@/lib/validations/api-tokens";
import { revokeSessionsSchema } from "@/lib/validations/settings";

/** Signs out one of the user's other sessions, or (scope "others") every one but this. */
export const revokeSessionsAction = authedAction(revokeSessionsSchema, async (data, user, { info }) => {
  const t = await getTranslations("security");
  const result = await revokeOwnSessions(user, data, info);
  if (result.status === "not_found") return { ok: false, message: t("notFound") };
  revalidatePath("/dashboard/security");
  return { ok: true, message: "scope" in data ? t("revokedOthers", { count: result.count }) : t("revoked") };
});

/** The current password and a new one; every other session ends, this one stays. */
export const changePasswordAction = authedAction(changePasswordSchema, async (data, user, { info }): Promise<ActionState> => {
  const t = await getTranslations("passwordChange");
  const result = await changePassword(user, data, info);
  if (result.status === "rate_limited") return { ok: false, message: t("rateLimited", { minutes: Math.max(1, Math.ceil(result.retryAfterSeconds / 60)) }) };
  if (result.status === "invalid_password") return { ok: false, fieldErrors: { currentPassword: t("invalidPassword") } };
  if (result.status !== "ok") return { ok: false, fieldErrors: { password: (await getTranslations("validation"))("passwordIsEmail") } };
  revalidatePath("/dashboard/security");
  return { ok: true, message: t("changed", { count: result.sessionsEnded }) };
});

/** A new personal access token, for the current password; the token itself lives only in this answer. */
export const createApiTokenAction = authedAction(createApiTokenSchema, async (data, user, { info }): Promise<ActionState> => {
  const t = await getTranslations("apiTokens");
  const result = await createApiToken(user, data, info);
  if (result.status === "rate_limited") return { ok: false, message: t("rateLimited", { minutes: Math.max(1, Math.ceil(result.retryAfterSeconds / 60)) }) };
  if (result.status === "wrong_password") return { ok: false, fieldErrors: { currentPassword: t("wrongPassword") } };
  if (result.status === "too_many") return { ok: false, message: t("tooMany", { max: API_TOKENS_PER_USER_MAX }) };
  revalidatePath("/dashboard/security");
  return { ok: true, message: t("created", { name: result.row.name }), secrets: [result.token], values: {} };
});

/** Revokes one of the user's own tokens; no password needed to take access away. */
export const revokeApiTokenAction = authedAction(revokeApiTokenSchema, async (data, user, { info }): Promise<ActionState> => {
  const t = await getTranslations("apiTokens");
  const result = await revokeApiToken(user, data.tokenId, info);
  if (result.status === "not_found") return { ok: false, message: t("notFound") };
  revalidatePath("/dashboard/security");
  return { ok: true, message: t("revoked") };
});
