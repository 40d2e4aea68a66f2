"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { authedAction } from "@/lib/action";
import { updateOverviewLayout } from "@/lib/overview/service";
import { overviewLayoutSchema } from "@/lib/validations/overview";

export const saveOverviewLayoutAction = authedAction(overviewLayoutSchema, async (data, user) => {
  await updateOverviewLayout(user, data);
  revalidatePath("/dashboard");
  const t = await getTranslations("overviewLayout");
  return { ok: true, message: t("saved") };
});
