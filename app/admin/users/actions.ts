"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { adminSetUserRole, adminSetUserStatus } from "@/db/queries/admin-users";
import { adminAction } from "@/lib/action";
import { setUserRoleSchema, setUserStatusSchema } from "@/lib/validations/admin";

export const setUserStatusAction = adminAction(setUserStatusSchema, async ({ userId, status }, admin, { info }) => {
  const t = await getTranslations("admin.userDetail");
  // An admin locking themselves out would leave nobody to undo it.
  if (userId === admin.id) return { ok: false, message: t("notYourself") };
  const changed = await adminSetUserStatus({ adminId: admin.id, userId, status, ip: info.ip });
  if (!changed) return { ok: false, message: t("unchanged") };
  revalidatePath("/admin/users", "layout");
  return { ok: true, message: t(status === "disabled" ? "disabled" : "enabled") };
});

export const setUserRoleAction = adminAction(setUserRoleSchema, async ({ userId, role }, admin, { info }) => {
  const t = await getTranslations("admin.userDetail");
  if (userId === admin.id) return { ok: false, message: t("notYourself") };
  const changed = await adminSetUserRole({ adminId: admin.id, userId, role, ip: info.ip });
  if (!changed) return { ok: false, message: t("unchanged") };
  revalidatePath("/admin/users", "layout");
  return { ok: true, message: t("roleChanged") };
});
