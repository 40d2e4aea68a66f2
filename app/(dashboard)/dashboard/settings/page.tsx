import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Card } from "@/components/ui/card";
import { getUserSettings } from "@/db/queries/users";
import { requireUser } from "@/lib/session";
import { PreferencesForm } from "./preferences-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("settings") };
}

export default async function SettingsPage() {
  const user = await requireUser();
  const [t, settings] = await Promise.all([getTranslations("settings"), getUserSettings(user.id)]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card className="max-w-2xl" aria-labelledby="preferences-heading">
        <h2 id="preferences-heading" className="text-lg font-semibold">
          {t("preferences")}
        </h2>
        <PreferencesForm settings={settings} timeZones={Intl.supportedValuesOf("timeZone")} />
      </Card>
    </>
  );
}
