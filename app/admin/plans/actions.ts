"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { adminAction } from "@/lib/action";
import { updatePlan } from "@/lib/billing/plans";
import { updatePlanSchema } from "@/lib/validations/plans";

export const updatePlanAction = adminAction(updatePlanSchema, async (data, admin, { info }) => {
  const result = await updatePlan(admin, data, info);
  const t = await getTranslations("adminPlans.messages");
  if (result.status === "stripe_price_taken") return { ok: false, fieldErrors: { stripePriceId: t("stripePriceTaken") } };
  if (result.status === "unchanged") return { ok: true, message: t("unchanged") };
  // Customers compare plans on their billing page and the overview.
  revalidatePath("/admin/plans", "layout");
  revalidatePath("/dashboard", "layout");
  return { ok: true, message: t("saved") };
});
