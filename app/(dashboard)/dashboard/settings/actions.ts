"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { updateUserSettings } from "@/db/queries/users";
import { authedAction } from "@/lib/action";
import { preferencesSchema } from "@/lib/validations/settings";

export const updatePreferencesAction = authedAction(preferencesSchema, async (data, user) => {
  await updateUserSettings(user.id, data);
  // Theme and language live in the root layout, so everything re-renders.
  revalidatePath("/", "layout");
  const t = await getTranslations({ locale: data.locale, namespace: "settings" });
  return { ok: true, message: t("saved") };
});
