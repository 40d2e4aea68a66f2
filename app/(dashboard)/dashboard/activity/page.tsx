import { History } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ActivityFeed } from "@/components/activity/activity-feed";
import { EmptyState } from "@/components/empty-state";
import { Page } from "@/components/page";
import { requireUser } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("activity"))("title") };
}

/** The account's timeline; the account comes from the session only, never from the URL. */
export default async function ActivityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const t = await getTranslations("activity");
  return (
    <Page title={t("title")} description={t("description")}>
      {user.accountId ? (
        <ActivityFeed accountId={user.accountId} viewerId={user.id} timeZone={user.timeZone} basePath="/dashboard/activity" searchParams={await searchParams} />
      ) : (
        <EmptyState icon={History} title={t("emptyTitle")} description={t("emptyText")} />
      )}
    </Page>
  );
}
