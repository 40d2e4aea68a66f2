"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { authedAction } from "@/lib/action";
import { updatePrivacy } from "@/lib/settings/service";
import { privacySchema } from "@/lib/validations/settings";

export const updatePrivacyAction = authedAction(privacySchema, async (data, user, { info }) => {
  const result = await updatePrivacy(user, data, info);
  revalidatePath("/dashboard/settings/privacy");
  const t = await getTranslations("settings.privacy");
  return { ok: true, message: t(result.status === "unchanged" ? "unchanged" : "saved") };
});
