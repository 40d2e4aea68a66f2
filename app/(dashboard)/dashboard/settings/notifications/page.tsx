import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, CardHeader } from "@/components/ui/card";
import { getNotificationPreferences } from "@/db/queries/notifications";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { requireUser } from "@/lib/session";
import { smsProviderConfigured } from "@/lib/sms";
import { NotificationPreferencesForm } from "./notification-preferences-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings.notifications"))("title") };
}

/** Which notifications reach the user, and on which channels. */
export default async function NotificationSettingsPage() {
  const user = await requireUser();
  const [t, preferences] = await Promise.all([getTranslations("settings.notifications"), getNotificationPreferences(user.id)]);
  return (
    <Card aria-labelledby="notifications-heading">
      <CardHeader id="notifications-heading" title={t("title")} description={t("description")} />
      <ClientMessages namespaces={["settings"]}>
        <NotificationPreferencesForm preferences={preferences} smsAvailable={smsProviderConfigured()} />
      </ClientMessages>
    </Card>
  );
}
