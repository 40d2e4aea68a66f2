"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { authedAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { payDemoCheckout } from "@/lib/billing/demo-checkout";
import { demoPaymentSchema } from "@/lib/validations/checkout";

export const payDemoCheckoutAction = authedAction(demoPaymentSchema, async (data, user): Promise<ActionState> => {
  const result = await payDemoCheckout(user, { checkoutId: data.checkoutId, cardNumber: data.cardNumber });
  const t = await getTranslations("checkout");
  if (result.status === "declined") return { ok: false, message: t("declined") };
  if (result.status !== "paid") return { ok: false, message: t(result.status) };
  revalidatePath("/dashboard", "layout");
  redirect(result.redirect);
});
