"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { adminAction } from "@/lib/action";
import { adminRevokeUserSessions } from "@/lib/sessions/service";
import { adminResetTwoFactor } from "@/lib/two-factor/service";
import { changeUserRole, changeUserStatus } from "@/lib/users/service";
import { adminRevokeSessionsSchema, resetTwoFactorSchema, setUserRoleSchema, setUserStatusSchema } from "@/lib/validations/admin";

export const setUserStatusAction = adminAction(setUserStatusSchema, async (data, admin, { info }) => {
  const t = await getTranslations("admin.userDetail");
  const { status } = await changeUserStatus(admin, data, info);
  if (status !== "ok") return { ok: false, message: t(status === "not_yourself" ? "notYourself" : "unchanged") };
  revalidatePath("/admin/users", "layout");
  return { ok: true, message: t(data.status === "disabled" ? "disabled" : "enabled") };
});

export const setUserRoleAction = adminAction(setUserRoleSchema, async (data, admin, { info }) => {
  const t = await getTranslations("admin.userDetail");
  const { status } = await changeUserRole(admin, data, info);
  if (status !== "ok") return { ok: false, message: t(status === "not_yourself" ? "notYourself" : "unchanged") };
  revalidatePath("/admin/users", "layout");
  return { ok: true, message: t("roleChanged") };
});

export const revokeUserSessionsAction = adminAction(adminRevokeSessionsSchema, async (data, admin, { info }) => {
  const t = await getTranslations("admin.userDetail");
  const target = "scope" in data ? { scope: "all" as const } : { sessionId: data.sessionId };
  const result = await adminRevokeUserSessions(admin, { userId: data.userId, target }, info);
  if (result.status !== "ok") return { ok: false, message: t(result.status === "not_yourself" ? "notYourself" : "sessionNotFound") };
  revalidatePath("/admin/users", "layout");
  return { ok: true, message: t("sessionsRevoked", { count: result.count }) };
});

export const resetTwoFactorAction = adminAction(resetTwoFactorSchema, async (data, admin, { info }) => {
  const t = await getTranslations("admin.userDetail");
  const { status } = await adminResetTwoFactor(admin, data, info);
  if (status !== "ok") return { ok: false, message: t(status === "not_yourself" ? "notYourself" : "twoFactorNotEnabled") };
  revalidatePath("/admin/users", "layout");
  return { ok: true, message: t("twoFactorReset") };
});
