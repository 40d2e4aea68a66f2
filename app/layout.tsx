import type { Metadata, Viewport } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { localeDirection } from "@/lib/i18n/config";
import { DateFormatProvider } from "@/lib/i18n/date-format-client";
import { getDateTimePreferences } from "@/lib/i18n/date-format-server";
import { rememberedPreferences } from "@/lib/preferences-cookie";
import { getSessionUser } from "@/lib/session";
import { sans, urdu } from "./fonts";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return {
    title: { default: "Clientdesk", template: "%s · Clientdesk" },
    description: t("description"),
    icons: { icon: [{ url: "/favicon.ico", sizes: "48x48" }, { url: "/icon.svg", type: "image/svg+xml" }], apple: "/apple-touch-icon.png" },
    manifest: "/site.webmanifest",
  };
}

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f7f7f8" },
    { media: "(prefers-color-scheme: dark)", color: "#0b0c0f" },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [user, locale, remembered, dateTimePreferences] = await Promise.all([getSessionUser(), getLocale(), rememberedPreferences(), getDateTimePreferences()]);
  return (
    <html lang={locale} dir={localeDirection(locale)} data-theme={user?.theme ?? remembered.theme ?? "auto"} className={`${sans.variable} ${urdu.variable}`}>
      <body className="min-h-dvh bg-bg font-sans text-fg antialiased">
        <DateFormatProvider preferences={dateTimePreferences}>
          <ClientMessages namespaces={["errors"]}>{children}</ClientMessages>
        </DateFormatProvider>
      </body>
    </html>
  );
}
