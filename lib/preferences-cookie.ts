import "server-only";
import { cookies } from "next/headers";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { themes, type Theme } from "@/lib/constants";
import { serverCookieOptions } from "@/lib/env";

// The signed-in user's language and theme, remembered by the browser so that signed-out pages
// (sign-in after a session ended, a reset link) keep speaking and looking the way the user chose.
const LOCALE_COOKIE = "clientdesk-locale";
const THEME_COOKIE = "clientdesk-theme";
const ONE_YEAR = 365 * 24 * 60 * 60;

export async function rememberPreferences(preferences: { locale: Locale; theme: Theme }): Promise<void> {
  const jar = await cookies();
  const options = serverCookieOptions(ONE_YEAR);
  jar.set(LOCALE_COOKIE, preferences.locale, options);
  jar.set(THEME_COOKIE, preferences.theme, options);
}

export async function rememberedPreferences(): Promise<{ locale: Locale | null; theme: Theme | null }> {
  const jar = await cookies();
  const locale = jar.get(LOCALE_COOKIE)?.value;
  const theme = jar.get(THEME_COOKIE)?.value;
  return {
    locale: isLocale(locale) ? locale : null,
    theme: (themes as readonly string[]).includes(theme ?? "") ? (theme as Theme) : null,
  };
}
