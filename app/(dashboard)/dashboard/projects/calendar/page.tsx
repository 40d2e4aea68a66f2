import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Page } from "@/components/page";
import { Card, CardHeader } from "@/components/ui/card";
import { getCalendarFeed } from "@/db/queries/calendar-feeds";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getDateFormatter } from "@/lib/i18n/date-format-server";
import { requireUser } from "@/lib/session";
import { CalendarFeedForm } from "./calendar-feed-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("calendarFeed"))("title") };
}

export default async function CalendarFeedPage() {
  const user = await requireUser();
  const [t, dates, feed] = await Promise.all([getTranslations("calendarFeed"), getDateFormatter(), getCalendarFeed(user.id)]);
  const when = (date: Date) => dates.dateTime(date);
  const apps = (["google", "apple", "outlook"] as const).map((app) => ({ app, name: t(app), steps: t(`${app}Steps`) }));
  return (
    <Page
      title={t("title")}
      description={t("description")}
      width="narrow"
      actions={
        <Link href="/dashboard/projects" className="inline-flex items-center gap-1 text-sm font-medium text-primary underline-offset-2 hover:underline">
          <ArrowLeft aria-hidden className="rtl:-scale-x-100 size-4" />
          {t("backToProjects")}
        </Link>
      }
    >
      <div className="space-y-6">
        <Card aria-labelledby="feed-heading">
          <CardHeader id="feed-heading" title={t("feed")} description={t("feedHelp")} />
          {user.accountId ? (
            <>
              <p className="mt-4 text-sm">
                {feed ? `${t("active", { date: when(feed.createdAt) })} ${feed.lastUsedAt ? t("lastUsed", { date: when(feed.lastUsedAt) }) : t("neverUsed")}` : t("none")}
              </p>
              <div className="mt-4">
                <ClientMessages namespaces={["calendarFeed"]}>
                  <CalendarFeedForm hasFeed={Boolean(feed)} />
                </ClientMessages>
              </div>
            </>
          ) : (
            <p className="mt-4 text-sm text-fg-muted">{t("customersOnly")}</p>
          )}
        </Card>
        <Card aria-labelledby="how-to-heading">
          <CardHeader id="how-to-heading" title={t("howTo")} description={t("howToHelp")} />
          <div className="mt-4 space-y-4">
            {apps.map(({ app, name, steps }) => (
              <section key={app} aria-labelledby={`${app}-heading`}>
                <h3 id={`${app}-heading`} className="text-sm font-semibold">
                  {name}
                </h3>
                <p className="mt-1 text-sm text-fg-muted">{steps}</p>
              </section>
            ))}
          </div>
        </Card>
      </div>
    </Page>
  );
}
