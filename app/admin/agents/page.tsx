import { Plus } from "lucide-react";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Page } from "@/components/page";
import { ButtonLink } from "@/components/ui/button";
import { adminListAgents } from "@/db/queries/agents";
import { languageNamer } from "@/lib/agents/languages";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { todayIn } from "@/lib/projects/dates";
import { requireAdmin } from "@/lib/session";
import { AgentsTable } from "./agents-table";

export async function generateMetadata(): Promise<Metadata> {
  await requireAdmin();
  return { title: (await getTranslations("adminAgents"))("title") };
}

export default async function AdminAgentsPage() {
  const admin = await requireAdmin();
  const [t, locale, agents] = await Promise.all([getTranslations("adminAgents"), getLocale(), adminListAgents(todayIn(admin.timeZone))]);
  const language = languageNamer(locale);
  return (
    <Page
      title={t("title")}
      description={t("description")}
      actions={
        <ButtonLink href="/admin/agents/new">
          <Plus aria-hidden className="size-4" />
          {t("newAgent")}
        </ButtonLink>
      }
    >
      <ClientMessages namespaces={["adminAgents", "agents"]}>
        <AgentsTable
          rows={agents.map(({ id, name, kind, avatarFileId, languages, specialties, active, accounts }) => ({
            id,
            name,
            kind,
            avatarFileId,
            languages: languages.map(language).join(", "),
            specialties,
            active,
            accounts,
          }))}
        />
      </ClientMessages>
    </Page>
  );
}
