"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { adminAction } from "@/lib/action";
import { staffRevokeApiToken } from "@/lib/api/tokens";
import { staffRevokeApiTokenSchema } from "@/lib/validations/api-tokens";

/** Staff revoke a customer's token; audited, and the customer is told. */
export const staffRevokeApiTokenAction = adminAction(staffRevokeApiTokenSchema, async (data, admin, { info }) => {
  const t = await getTranslations("apiTokens");
  const result = await staffRevokeApiToken(admin, data, info);
  if (result.status === "not_found") return { ok: false, message: t("notFound") };
  revalidatePath("/admin/users", "layout");
  return { ok: true, message: t("revoked") };
});
