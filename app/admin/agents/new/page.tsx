import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Page } from "@/components/page";
import { Card } from "@/components/ui/card";
import { languageOptions } from "@/lib/agents/languages";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { requireAdmin } from "@/lib/session";
import { AgentForm } from "../agent-form";

export async function generateMetadata(): Promise<Metadata> {
  await requireAdmin();
  return { title: (await getTranslations("adminAgents"))("newAgent") };
}

/** A photo is added on the agent's own page once it exists. */
export default async function NewAgentPage() {
  await requireAdmin();
  const [t, locale] = await Promise.all([getTranslations("adminAgents"), getLocale()]);
  return (
    <Page
      title={t("newAgent")}
      description={t("newDescription")}
      width="narrow"
      actions={
        <Link href="/admin/agents" className="inline-flex items-center gap-1 text-sm font-medium text-primary underline-offset-2 hover:underline">
          <ArrowLeft aria-hidden className="rtl:-scale-x-100 size-4" />
          {t("back")}
        </Link>
      }
    >
      <Card>
        <ClientMessages namespaces={["adminAgents", "agents"]}>
          <AgentForm defaults={{ name: "", kind: "human", languages: [], specialties: [], bio: "", active: true }} languages={languageOptions(locale)} />
        </ClientMessages>
      </Card>
    </Page>
  );
}
