import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { rememberedPreferences } from "@/lib/preferences-cookie";
import { getSessionUser } from "@/lib/session";
import { loadMessages, negotiateLocale } from "./config";

// The language is the signed-in user's setting, else the one this browser last used, else the
// browser's own; never part of the URL.
export default getRequestConfig(async () => {
  const user = await getSessionUser();
  const locale = user?.locale ?? (await rememberedPreferences()).locale ?? negotiateLocale((await headers()).get("accept-language"));
  return { locale, messages: await loadMessages(locale), timeZone: user?.timeZone ?? "UTC" };
});
