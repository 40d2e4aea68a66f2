import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { getAccountCallPreferences } from "@/lib/calls/preferences";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { requireUser } from "@/lib/session";
import { CallPreferencesForm } from "./call-preferences-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("callPreferences"))("title") };
}

/** The account's call preferences: what the call platform reads before each call. */
export default async function CallPreferencesPage() {
  const user = await requireUser();
  if (!user.accountId) notFound();
  const [t, preferences] = await Promise.all([getTranslations("callPreferences"), getAccountCallPreferences(user)]);
  return (
    <>
      <p className="mb-6 text-fg-muted">{t("description")}</p>
      <Card aria-label={t("title")}>
        <ClientMessages namespaces={["callPreferences"]}>
          <CallPreferencesForm preferences={preferences} />
        </ClientMessages>
      </Card>
    </>
  );
}
