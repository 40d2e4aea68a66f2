import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AreaEmptyState } from "@/components/area-empty-state";
import { Page } from "@/components/page";
import { Card } from "@/components/ui/card";
import { hasPendingAgentRequest, listActiveAgents, listCurrentAgentsForAccount, listKnownSpecialties } from "@/db/queries/agents";
import { languageOptions } from "@/lib/agents/languages";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { todayIn } from "@/lib/projects/dates";
import { requireUser } from "@/lib/session";
import { AgentRequestForm } from "./request-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("agents.form"))("title") };
}

export default async function RequestAgentPage() {
  const user = await requireUser();
  if (!user.accountId) return <AreaEmptyState area="agents" />;
  const [t, locale, pending, agents, specialties, current] = await Promise.all([
    getTranslations("agents.form"),
    getLocale(),
    hasPendingAgentRequest(user.accountId),
    listActiveAgents(),
    listKnownSpecialties(),
    listCurrentAgentsForAccount(user.accountId, todayIn(user.timeZone)),
  ]);
  return (
    <Page
      title={t("title")}
      description={t("description")}
      width="narrow"
      actions={
        <Link href="/dashboard/agents" className="inline-flex items-center gap-1 text-sm font-medium text-primary underline-offset-2 hover:underline">
          <ArrowLeft aria-hidden className="rtl:-scale-x-100 size-4" />
          {t("back")}
        </Link>
      }
    >
      <Card>
        {pending ? (
          <p role="status" className="rounded-md bg-warning-soft px-3 py-2 text-sm text-warning">
            {t("pendingExists")}
          </p>
        ) : (
          <ClientMessages namespaces={["agents"]}>
            <AgentRequestForm
              agents={agents}
              languages={languageOptions(locale)}
              specialties={specialties}
              current={current.map((agent) => ({ assignmentId: agent.assignmentId, name: agent.name, role: agent.role }))}
            />
          </ClientMessages>
        )}
      </Card>
    </Page>
  );
}
