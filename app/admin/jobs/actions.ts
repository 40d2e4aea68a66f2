"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { adminAction } from "@/lib/action";
import { retryFailedJob } from "@/lib/jobs/admin";
import { retryJobSchema } from "@/lib/validations/admin";

export const retryJobAction = adminAction(retryJobSchema, async (data, admin, { info }) => {
  const t = await getTranslations("admin.jobs");
  const { status } = await retryFailedJob(admin, data, info);
  if (status !== "ok") return { ok: false, message: t("notFailed") };
  revalidatePath("/admin/jobs");
  return { ok: true, message: t("retried") };
});
