import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, CardHeader } from "@/components/ui/card";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { requireUser } from "@/lib/session";
import { getPrivacy } from "@/lib/settings/service";
import { PrivacyForm } from "./privacy-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings.privacy"))("title") };
}

/** What staff and the call platform may do with the user's data. */
export default async function PrivacySettingsPage() {
  const user = await requireUser();
  const [t, settings] = await Promise.all([getTranslations("settings.privacy"), getPrivacy(user)]);
  return (
    <>
      <Card aria-labelledby="privacy-heading">
        <CardHeader id="privacy-heading" title={t("title")} description={t("description")} />
        <ClientMessages namespaces={["settings"]}>
          <PrivacyForm settings={settings} />
        </ClientMessages>
      </Card>
      {/* Recording consent belongs to the account's call settings; staff have none. */}
      {user.accountId ? (
        <Card className="mt-6" aria-labelledby="recording-consent-heading">
          <CardHeader id="recording-consent-heading" title={t("recordingTitle")} description={t("recordingHelp")} />
          <Link href="/dashboard/settings/calls" className="mt-3 inline-block font-medium text-primary underline-offset-2 hover:underline">
            {t("recordingLink")}
          </Link>
        </Card>
      ) : null}
    </>
  );
}
