import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Fragment } from "react";
import { Page } from "@/components/page";
import { Card, CardHeader } from "@/components/ui/card";
import type { OverviewWidget } from "@/lib/constants";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getDateFormatter } from "@/lib/i18n/date-format-server";
import { visibleWidgets } from "@/lib/overview/layout";
import { getOverview } from "@/lib/overview/service";
import { requireUser } from "@/lib/session";
import { NeedsAttention } from "./attention";
import { InvoicesWidget, SubscriptionWidget } from "./billing-widgets";
import { CallStatsWidget, RecentCallsWidget } from "./call-widgets";
import { CustomizeOverview } from "./customize-overview";
import { FirstUse, GettingStarted } from "./first-use";
import { ActivityWidget, MessagesWidget, MilestonesWidget, ProfileWidget, ProjectsWidget, QuickActionsWidget } from "./work-widgets";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("overview") };
}

// Compact tightens the gaps and the cards' padding (the child selector outranks the card's own).
const densityClasses = {
  compact: "gap-3 [&>section]:p-4 sm:[&>section]:p-4",
  default: "gap-6",
  detailed: "gap-6",
} as const;

/** The account at a glance: what needs attention, then the customer's widgets in their order. */
export default async function OverviewPage() {
  const user = await requireUser();
  // Staff, and a customer whose account closed, have no account to show: their own pages remain.
  if (!user.accountId) return <WithoutAccount name={user.name} staff={user.role === "admin"} />;
  const [t, dates, overview] = await Promise.all([
    getTranslations("overview"),
    getDateFormatter(),
    getOverview({ id: user.id, accountId: user.accountId, timeZone: user.timeZone, dashboardDensity: user.dashboardDensity }),
  ]);
  const detailed = user.dashboardDensity === "detailed";
  const props = { overview, detailed };
  const widgets: Record<OverviewWidget, React.ReactNode> = {
    profile: <ProfileWidget {...props} user={user} />,
    projects: <ProjectsWidget {...props} />,
    milestones: <MilestonesWidget {...props} />,
    messages: <MessagesWidget {...props} />,
    invoices: <InvoicesWidget {...props} user={user} />,
    subscription: <SubscriptionWidget {...props} user={user} />,
    callStats: <CallStatsWidget {...props} />,
    recentCalls: <RecentCallsWidget {...props} />,
    activity: <ActivityWidget {...props} />,
    quickActions: <QuickActionsWidget {...props} />,
  };
  const shown = visibleWidgets(overview.layout);
  return (
    <Page title={t("greeting", { name: user.name.split(" ")[0] ?? user.name })} description={t("subtitle")}>
      <NeedsAttention items={overview.attention} dates={dates} />
      {overview.isNew ? <FirstUse /> : null}
      <GettingStarted user={user} />
      <div className="mb-4">
        <ClientMessages namespaces={["overviewLayout"]}>
          <CustomizeOverview layout={overview.layout} density={user.dashboardDensity} />
        </ClientMessages>
      </div>
      {shown.length === 0 ? (
        <p className="rounded-xl border border-dashed border-border-strong p-6 text-center text-fg-muted">{t("allHidden")}</p>
      ) : (
        <div data-density={user.dashboardDensity} className={`grid items-start lg:grid-cols-3 ${densityClasses[user.dashboardDensity]}`}>
          {shown.map((widget) => (
            <Fragment key={widget}>{widgets[widget]}</Fragment>
          ))}
        </div>
      )}
    </Page>
  );
}

/** A customer whose account closed (its owner deleted it): nothing of the account is left to show. */
async function WithoutAccount({ name, staff }: { name: string; staff: boolean }) {
  const [t, tNav] = await Promise.all([getTranslations("overview"), getTranslations("nav")]);
  return (
    <Page title={t("greeting", { name: name.split(" ")[0] ?? name })}>
      <Card aria-labelledby="no-account-heading">
        <CardHeader id="no-account-heading" title={t("noAccount.title")} description={t(staff ? "noAccount.staff" : "noAccount.text")} />
        <ul className="mt-4 flex flex-wrap gap-x-6 gap-y-2">
          <li>
            <Link href="/dashboard/profile" prefetch={false} className="font-medium text-primary underline-offset-2 hover:underline">
              {tNav("profile")}
            </Link>
          </li>
          <li>
            <Link href="/dashboard/settings" prefetch={false} className="font-medium text-primary underline-offset-2 hover:underline">
              {tNav("settings")}
            </Link>
          </li>
          {staff ? (
            <li>
              <Link href="/admin" prefetch={false} className="font-medium text-primary underline-offset-2 hover:underline">
                {t("noAccount.staffArea")}
              </Link>
            </li>
          ) : null}
          <li>
            <Link href="/dashboard/settings/data" prefetch={false} className="font-medium text-primary underline-offset-2 hover:underline">
              {t("noAccount.data")}
            </Link>
          </li>
        </ul>
      </Card>
    </Page>
  );
}
