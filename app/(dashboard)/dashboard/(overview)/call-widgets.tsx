import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CallStats } from "@/components/calls/call-stats";
import { CallStatusBadge } from "@/components/calls/call-status-badge";
import { formatDuration } from "@/lib/calls/format";
import { getDateFormatter } from "@/lib/i18n/date-format-server";
import type { Overview } from "@/lib/overview/service";
import { WidgetCard, WidgetEmpty } from "./widget-card";

/** A phone number inside a sentence keeps its left-to-right order in a right-to-left language (Unicode isolate). */
const ltrIsolate = (text: string) => `\u2066${text}\u2069`;

type Props = { overview: Overview; detailed: boolean };

/** Total, this month, success rate, averages and the per-day chart; a first-use note instead of zeros. */
export async function CallStatsWidget({ overview }: Props) {
  const t = await getTranslations("overviewCalls");
  return (
    <WidgetCard id="call-stats-widget-heading" wide title={t("title")} link={{ href: "/dashboard/calls", label: t("allCalls") }}>
      {overview.callStats.total === 0 ? (
        <WidgetEmpty text={t("noStats")} action={{ href: "/dashboard/agents/request", label: t("actions.requestAgent.title") }} />
      ) : (
        <div className="mt-1">
          <CallStats stats={overview.callStats} idPrefix="overview" />
        </div>
      )}
    </WidgetCard>
  );
}

export async function RecentCallsWidget({ overview, detailed }: Props) {
  const [t, tCalls, dates] = await Promise.all([getTranslations("overviewCalls"), getTranslations("calls"), getDateFormatter()]);
  return (
    <WidgetCard id="recent-calls-heading" title={t("recentTitle")}>
      {overview.recentCalls.length === 0 ? (
        <WidgetEmpty text={t("noCalls")} />
      ) : (
        <ul className="divide-y divide-border">
          {overview.recentCalls.map((call) => (
            <li key={call.id} className="py-2.5 first:pt-0">
              <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                <Link href={`/dashboard/calls/${call.id}`} prefetch={false} className="font-medium underline-offset-2 hover:underline">
                  <time dateTime={call.startedAt.toISOString()}>{dates.dateTime(call.startedAt)}</time>
                </Link>
                <CallStatusBadge status={call.status} label={tCalls(`statuses.${call.status}`)} />
              </div>
              <p className="mt-0.5 truncate text-13 text-fg-muted">
                {t("callLine", { direction: tCalls(`directions.${call.direction}`), number: ltrIsolate(call.direction === "inbound" ? call.fromNumber : call.toNumber), duration: formatDuration(call.durationSeconds) })}
              </p>
              {detailed && (call.agentName || call.satisfaction !== null) ? (
                <p className="truncate text-13 text-fg-muted">
                  {[call.agentName, call.satisfaction !== null ? t("satisfaction", { value: call.satisfaction }) : null].filter(Boolean).join(" · ")}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </WidgetCard>
  );
}
