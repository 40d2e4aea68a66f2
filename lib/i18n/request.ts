import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getSessionUser } from "@/lib/session";
import { loadMessages, negotiateLocale } from "./config";

// The language is the signed-in user's setting, else the browser's; never part of the URL.
export default getRequestConfig(async () => {
  const user = await getSessionUser();
  const locale = user?.locale ?? negotiateLocale((await headers()).get("accept-language"));
  return { locale, messages: await loadMessages(locale), timeZone: user?.timeZone ?? "UTC" };
});
