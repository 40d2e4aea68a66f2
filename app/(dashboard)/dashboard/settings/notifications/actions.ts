"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { authedAction } from "@/lib/action";
import { updateNotificationPreferences } from "@/lib/notifications/service";
import { notificationPreferencesSchema } from "@/lib/validations/notifications";

export const updateNotificationPreferencesAction = authedAction(notificationPreferencesSchema, async (data, user) => {
  await updateNotificationPreferences(user, data);
  revalidatePath("/dashboard/settings/notifications");
  const t = await getTranslations("settings.notifications");
  return { ok: true, message: t("saved") };
});
