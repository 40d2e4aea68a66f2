"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { authedAction } from "@/lib/action";
import { updateCallPreferences } from "@/lib/calls/preferences";
import { callPreferencesSchema } from "@/lib/validations/call-settings";

export const updateCallPreferencesAction = authedAction(callPreferencesSchema, async (data, user, { info }) => {
  const result = await updateCallPreferences(user, data, info);
  const t = await getTranslations("callPreferences");
  if (result.status === "auto_record_needs_consent") return { ok: false, fieldErrors: { autoRecord: t("autoRecordNeedsConsent") } };
  revalidatePath("/dashboard/settings/calls");
  return { ok: true, message: t(result.status === "unchanged" ? "unchanged" : "saved") };
});
