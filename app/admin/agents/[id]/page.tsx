import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { z } from "zod";
import { Avatar } from "@/components/avatar";
import { Page } from "@/components/page";
import { Card, CardHeader } from "@/components/ui/card";
import { adminGetAgent } from "@/db/queries/agents";
import { languageOptions } from "@/lib/agents/languages";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { requireAdmin } from "@/lib/session";
import { AgentAvatarForm } from "../agent-avatar-form";
import { AgentForm } from "../agent-form";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The agent, or null for an id that is not one (any string reaches this page). */
const agentOf = cache(async (id: string) => (z.uuid().safeParse(id).success ? adminGetAgent(id) : null));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requireAdmin();
  const agent = await agentOf((await params).id);
  return { title: agent ? agent.name : (await getTranslations("errors"))("notFoundTitle") };
}

export default async function AdminAgentPage({ params, searchParams }: Props) {
  await requireAdmin();
  const agent = await agentOf((await params).id);
  if (!agent) notFound();
  const [t, locale, search] = await Promise.all([getTranslations("adminAgents"), getLocale(), searchParams]);
  return (
    <Page
      title={agent.name}
      width="narrow"
      actions={
        <Link href="/admin/agents" className="inline-flex items-center gap-1 text-sm font-medium text-primary underline-offset-2 hover:underline">
          <ArrowLeft aria-hidden className="rtl:-scale-x-100 size-4" />
          {t("back")}
        </Link>
      }
    >
      {search.created === "1" ? (
        <p role="status" className="mb-4 rounded-md bg-success-soft px-3 py-2 text-sm text-success">
          {t("created")}
        </p>
      ) : null}
      <ClientMessages namespaces={["adminAgents", "agents"]}>
        <div className="space-y-6">
          <Card aria-labelledby="agent-photo-heading">
            <CardHeader id="agent-photo-heading" title={t("photo.title")} />
            <div className="mt-4 flex flex-col gap-5 sm:flex-row sm:items-start">
              <Avatar name={agent.name} fileId={agent.avatarFileId} size="lg" />
              <AgentAvatarForm agentId={agent.id} hasAvatar={agent.avatarFileId !== null} />
            </div>
          </Card>
          <Card aria-labelledby="agent-details-heading">
            <CardHeader id="agent-details-heading" title={t("details")} />
            <div className="mt-4">
              <AgentForm
                agentId={agent.id}
                defaults={{ name: agent.name, kind: agent.kind, languages: agent.languages, specialties: agent.specialties, bio: agent.bio, active: agent.active }}
                languages={languageOptions(locale)}
              />
            </div>
          </Card>
        </div>
      </ClientMessages>
    </Page>
  );
}
