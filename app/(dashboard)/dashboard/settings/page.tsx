import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, CardHeader } from "@/components/ui/card";
import { getNotificationPreferences } from "@/db/queries/notifications";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { requireUser } from "@/lib/session";
import { timeZoneOptions } from "@/lib/time-zones";
import { NotificationPreferencesForm } from "./notification-preferences-form";
import { PreferencesForm } from "./preferences-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("settings") };
}

export default async function SettingsPage() {
  const user = await requireUser();
  const [t, locale, preferences] = await Promise.all([getTranslations("settings"), getLocale(), getNotificationPreferences(user.id)]);
  return (
    <>
      <p className="mb-6 text-fg-muted">{t("description")}</p>
      <Card aria-labelledby="preferences-heading">
        <CardHeader id="preferences-heading" title={t("preferences")} description={t("preferencesHelp")} />
        <ClientMessages namespaces={["settings"]}>
          <PreferencesForm settings={{ theme: user.theme, locale: user.locale, timeZone: user.timeZone }} timeZones={timeZoneOptions(locale)} />
        </ClientMessages>
      </Card>
      <Card className="mt-6" aria-labelledby="notifications-heading">
        <CardHeader id="notifications-heading" title={t("notifications.title")} description={t("notifications.description")} />
        <ClientMessages namespaces={["settings"]}>
          <NotificationPreferencesForm preferences={preferences} />
        </ClientMessages>
      </Card>
    </>
  );
}
