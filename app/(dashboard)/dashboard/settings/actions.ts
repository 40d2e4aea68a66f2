"use server";

import { refresh } from "next/cache";
import { getTranslations } from "next-intl/server";
import { authedAction } from "@/lib/action";
import { rememberPreferences } from "@/lib/preferences-cookie";
import { updatePreferences } from "@/lib/settings/service";
import { preferencesSchema } from "@/lib/validations/settings";

export const updatePreferencesAction = authedAction(preferencesSchema, async (data, user) => {
  await updatePreferences(user, data);
  await rememberPreferences(data);
  // Theme and language live in the root layout: the page the user is on re-renders with them.
  // Nothing is cached on the server, so there is nothing to revalidate.
  refresh();
  const t = await getTranslations({ locale: data.locale, namespace: "settings" });
  return { ok: true, message: t("saved"), values: data };
});
