"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { adminAction } from "@/lib/action";
import { retryFailedEmail } from "@/lib/mail/retry";
import { retryEmailSchema } from "@/lib/validations/admin";

export const retryEmailAction = adminAction(retryEmailSchema, async (data, admin, { info }) => {
  const t = await getTranslations("admin.outbox");
  const { status } = await retryFailedEmail(admin, data, info);
  if (status !== "ok") return { ok: false, message: t(`retryRefused.${status}`) };
  revalidatePath("/admin/outbox", "layout");
  return { ok: true, message: t("retried") };
});
