"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { authedAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { changeAvatar, removeAvatar } from "@/lib/profile/avatar";
import { requestEmailChange, updateProfile } from "@/lib/profile/service";
import { avatarSchema, emailChangeSchema, profileSchema } from "@/lib/validations/profile";

export const updateProfileAction = authedAction(profileSchema, async (data, user, { info }) => {
  const result = await updateProfile(user, data, info);
  // The header shows the name: every page's layout re-renders with it.
  revalidatePath("/", "layout");
  const t = await getTranslations("profile.details");
  return { ok: true, message: t(result.status === "ok" ? "saved" : "unchanged") };
});

export const requestEmailChangeAction = authedAction(emailChangeSchema, async (data, user, { info }): Promise<ActionState> => {
  const t = await getTranslations("profile.email");
  const result = await requestEmailChange(user, data, info);
  switch (result.status) {
    case "ok":
      return { ok: true, message: t("sent", { email: data.newEmail }), values: {} };
    case "wrong_password":
      return { ok: false, fieldErrors: { currentPassword: t("wrongPassword") } };
    case "same_email":
      return { ok: false, fieldErrors: { newEmail: t("sameEmail") } };
    case "rate_limited":
      return { ok: false, message: t("rateLimited", { minutes: Math.ceil(result.retryAfterSeconds / 60) }) };
  }
});

export const uploadAvatarAction = authedAction(avatarSchema, async (data, user, { info }) => {
  const t = await getTranslations("profile.photo");
  const result = await changeAvatar(user, new Uint8Array(await data.avatar.arrayBuffer()), info);
  if (result.status !== "ok") return { ok: false, fieldErrors: { avatar: t(result.status) } };
  revalidatePath("/", "layout");
  return { ok: true, message: t("saved") };
});

export const removeAvatarAction = authedAction(z.object({}), async (_data, user, { info }) => {
  await removeAvatar(user, info);
  revalidatePath("/", "layout");
  const t = await getTranslations("profile.photo");
  return { ok: true, message: t("removed") };
});
