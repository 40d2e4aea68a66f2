"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { authedAction } from "@/lib/action";
import { revokeOwnSessions } from "@/lib/sessions/service";
import { revokeSessionsSchema } from "@/lib/validations/settings";

/** Signs out one of the user's other sessions, or (scope "others") every one but this. */
export const revokeSessionsAction = authedAction(revokeSessionsSchema, async (data, user, { info }) => {
  const t = await getTranslations("security");
  const result = await revokeOwnSessions(user, data, info);
  if (result.status === "not_found") return { ok: false, message: t("notFound") };
  revalidatePath("/dashboard/security");
  return { ok: true, message: "scope" in data ? t("revokedOthers", { count: result.count }) : t("revoked") };
});
