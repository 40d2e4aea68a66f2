"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { authedAction } from "@/lib/action";
import { readAllNotifications, readNotification } from "@/lib/notifications/service";
import { notificationIdSchema } from "@/lib/validations/notifications";

export const markNotificationReadAction = authedAction(notificationIdSchema, async ({ notificationId }, user) => {
  const t = await getTranslations("notifications");
  const { status } = await readNotification(user, notificationId);
  if (status === "not_found") return { ok: false, message: t("notFound") };
  revalidatePath("/dashboard", "layout");
  return { ok: true, message: t("markedRead") };
});

export const markAllNotificationsReadAction = authedAction(z.object({}), async (_data, user) => {
  const t = await getTranslations("notifications");
  const { count } = await readAllNotifications(user);
  revalidatePath("/dashboard", "layout");
  return { ok: true, message: t("markedAllRead", { count }) };
});
