import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Page } from "@/components/page";
import { Card, CardHeader } from "@/components/ui/card";
import { adminListPlatformKeys } from "@/db/queries/platform-keys";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getDateFormatter } from "@/lib/i18n/date-format-server";
import { requireAdmin } from "@/lib/session";
import { CreateKeyForm, KeyTable } from "./key-forms";

export async function generateMetadata(): Promise<Metadata> {
  await requireAdmin();
  return { title: (await getTranslations("platformKeys"))("title") };
}

/** The call platform's API keys: create one (shown once), see when each was last used, revoke. */
export default async function PlatformKeysPage() {
  await requireAdmin();
  const [t, dates, keys] = await Promise.all([getTranslations("platformKeys"), getDateFormatter(), adminListPlatformKeys()]);
  const when = (date: Date) => dates.dateTime(date);
  return (
    <Page title={t("title")} description={t("description")}>
      <ClientMessages namespaces={["platformKeys"]}>
        <Card aria-labelledby="create-key-heading" className="mb-6">
          <CardHeader id="create-key-heading" title={t("createTitle")} />
          <CreateKeyForm />
        </Card>
        <h2 className="mb-3 text-base font-semibold">{t("listTitle")}</h2>
        <KeyTable
          keys={keys.map((key) => ({
            id: key.id,
            name: key.name,
            prefix: key.prefix,
            created: when(key.createdAt),
            lastUsed: key.lastUsedAt ? when(key.lastUsedAt) : null,
            revoked: key.revokedAt ? when(key.revokedAt) : null,
          }))}
        />
      </ClientMessages>
    </Page>
  );
}
