import { getTranslations } from "next-intl/server";
import { Page } from "@/components/page";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { requireUser } from "@/lib/session";
import { SettingsTabs } from "./settings-tabs";

/** Settings in tabs: the heading and the tab list stay while the tab's page changes below them. */
export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const [user, t] = await Promise.all([requireUser(), getTranslations("settings")]);
  return (
    <Page title={t("title")} width="narrow">
      <ClientMessages namespaces={["settings"]}>
        {/* Call settings belong to a customer account; staff have none. Webhooks are the account owner's. */}
        <SettingsTabs calls={user.accountId !== null} webhooks={user.accountId !== null && user.accountRole === "owner"} />
      </ClientMessages>
      {children}
    </Page>
  );
}
