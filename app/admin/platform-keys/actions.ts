"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { adminAction } from "@/lib/action";
import { createPlatformKey, revokePlatformKey } from "@/lib/platform/keys";
import { platformKeyIdSchema, platformKeyNameSchema } from "@/lib/validations/call-platform";

export const createPlatformKeyAction = adminAction(platformKeyNameSchema, async (data, admin, { info }) => {
  const { key, row } = await createPlatformKey(admin, data, info);
  revalidatePath("/admin/platform-keys");
  const t = await getTranslations("platformKeys");
  // The key lives only in this answer: it is never stored, so it cannot be shown again.
  return { ok: true, message: t("created", { name: row.name }), secrets: [key], values: {} };
});

export const revokePlatformKeyAction = adminAction(platformKeyIdSchema, async (data, admin, { info }) => {
  const result = await revokePlatformKey(admin, data.keyId, info);
  const t = await getTranslations("platformKeys");
  if (result.status === "not_found") return { ok: false, message: t("notFound") };
  revalidatePath("/admin/platform-keys");
  return { ok: true, message: t("revoked") };
});
