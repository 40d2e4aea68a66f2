import { PhoneCall, UserPlus } from "lucide-react";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { CallStats } from "@/components/calls/call-stats";
import { CallStatusBadge } from "@/components/calls/call-status-badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { getCallStatistics, listRecentCallsForAccount } from "@/db/queries/calls";
import type { SessionUser } from "@/db/queries/sessions";
import { formatDuration } from "@/lib/calls/format";

const linkClass = "text-sm font-medium text-primary underline-offset-2 hover:underline";

/** The account's calls at a glance: statistics with the per-day chart, the latest calls, and the two call shortcuts. */
export async function CallWidgets({ user }: { user: SessionUser & { accountId: string } }) {
  const [t, tCalls, format, stats, recent] = await Promise.all([
    getTranslations("overviewCalls"),
    getTranslations("calls"),
    getFormatter(),
    getCallStatistics(user.accountId, user.timeZone),
    listRecentCallsForAccount(user.accountId, 5),
  ]);
  return (
    <>
      <Card className="lg:col-span-2" aria-labelledby="call-stats-widget-heading">
        <CardHeader
          id="call-stats-widget-heading"
          title={t("title")}
          actions={
            <Link href="/dashboard/calls" prefetch={false} className={linkClass}>
              {t("allCalls")}
            </Link>
          }
        />
        <div className="mt-4">
          <CallStats stats={stats} idPrefix="overview" />
        </div>
      </Card>
      <Card aria-labelledby="recent-calls-heading">
        <CardHeader id="recent-calls-heading" title={t("recentTitle")} />
        {recent.length === 0 ? (
          <p className="mt-3 text-fg-muted">{t("noCalls")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-border">
            {recent.map((call) => (
              <li key={call.id} className="py-2.5">
                <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                  <Link href={`/dashboard/calls/${call.id}`} prefetch={false} className="font-medium underline-offset-2 hover:underline">
                    <time dateTime={call.startedAt.toISOString()}>{format.dateTime(call.startedAt, { dateStyle: "medium", timeStyle: "short" })}</time>
                  </Link>
                  <CallStatusBadge status={call.status} label={tCalls(`statuses.${call.status}`)} />
                </div>
                <p className="mt-0.5 truncate text-13 text-fg-muted">
                  {t("callLine", { direction: tCalls(`directions.${call.direction}`), number: call.direction === "inbound" ? call.fromNumber : call.toNumber, duration: formatDuration(call.durationSeconds) })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card aria-labelledby="call-actions-heading">
        <CardHeader id="call-actions-heading" title={t("actionsTitle")} />
        <div className="mt-3 flex flex-col items-start gap-3">
          <ButtonLink href="/dashboard/calls/requests">
            <PhoneCall aria-hidden className="size-4" />
            {t("actions.startCall.title")}
          </ButtonLink>
          <p className="-mt-1.5 text-13 text-fg-muted">{t("actions.startCall.text")}</p>
          <ButtonLink href="/dashboard/agents/request" variant="secondary">
            <UserPlus aria-hidden className="size-4" />
            {t("actions.requestAgent.title")}
          </ButtonLink>
          <p className="-mt-1.5 text-13 text-fg-muted">{t("actions.requestAgent.text")}</p>
        </div>
      </Card>
    </>
  );
}
