import { getLocale, getTranslations } from "next-intl/server";
import { Card, CardHeader } from "@/components/ui/card";
import type { CallDetail as Call } from "@/db/queries/calls";
import { formatMoney } from "@/lib/billing/money";
import { formatDuration } from "@/lib/calls/format";
import { getDateFormatter } from "@/lib/i18n/date-format-server";
import { CallStatusBadge } from "./call-status-badge";

/**
 * Everything about one call, for its customer and for staff: the facts in the reader's timezone,
 * the recording (streamed with Range support so the player can seek), the summary and transcript.
 */
export async function CallDetail({ call }: { call: Omit<Call, "accountId"> }) {
  const [t, dates, locale] = await Promise.all([getTranslations("calls"), getDateFormatter(), getLocale()]);
  const fact = (label: string, value: React.ReactNode) => (
    <div className="min-w-0">
      <dt className="text-13 text-fg-muted">{label}</dt>
      <dd className="break-words font-medium">{value}</dd>
    </div>
  );
  return (
    <div className="grid items-start gap-6 lg:grid-cols-3">
      <Card aria-labelledby="call-facts-heading" className="lg:col-span-1">
        <CardHeader id="call-facts-heading" title={t("detail.overview")} />
        <dl className="mt-4 grid grid-cols-2 gap-x-4 gap-y-3 lg:grid-cols-1">
          {fact(
            t("detail.startedAt"),
            <time dateTime={call.startedAt.toISOString()}>{dates.dateTime(call.startedAt)}</time>,
          )}
          {fact(t("detail.status"), <CallStatusBadge status={call.status} label={t(`statuses.${call.status}`)} />)}
          {fact(t("detail.direction"), t(`directions.${call.direction}`))}
          {fact(t("detail.from"), <span className="font-mono" dir="ltr">{call.fromNumber}</span>)}
          {fact(t("detail.to"), <span className="font-mono" dir="ltr">{call.toNumber}</span>)}
          {fact(t("detail.agent"), call.agentName ? `${call.agentName} (${t(`detail.agentKinds.${call.agentKind ?? "human"}`)})` : <span className="text-fg-muted">{t("noAgent")}</span>)}
          {fact(t("detail.duration"), <span className="tabular-nums">{formatDuration(call.durationSeconds)}</span>)}
          {fact(t("detail.cost"), <span className="tabular-nums">{formatMoney(call.cost, call.currency, locale)}</span>)}
          {fact(t("detail.satisfaction"), call.satisfaction === null ? <span className="text-fg-muted">{t("notRated")}</span> : t("rating", { value: call.satisfaction }))}
          {call.platformCallId ? fact(t("detail.platformCallId"), <span className="break-all font-mono text-13">{call.platformCallId}</span>) : null}
        </dl>
      </Card>
      <div className="space-y-6 lg:col-span-2">
        <Card aria-labelledby="call-recording-heading">
          <CardHeader id="call-recording-heading" title={t("detail.recording")} />
          {call.recording ? (
            <div className="mt-4 space-y-2">
              <audio controls preload="metadata" src={`/api/calls/${call.id}/recording`} aria-labelledby="call-recording-heading" className="w-full">
                <a href={`/api/calls/${call.id}/recording`}>{t("detail.audioFallback")}</a>
              </audio>
              <a href={`/api/calls/${call.id}/recording`} download className="text-13 font-medium text-primary underline-offset-2 hover:underline">
                {t("detail.downloadRecording")}
              </a>
            </div>
          ) : (
            <p className="mt-3 text-fg-muted">{t("detail.noRecording")}</p>
          )}
        </Card>
        <Card aria-labelledby="call-summary-heading">
          <CardHeader id="call-summary-heading" title={t("detail.summary")} />
          {call.summary ? <p className="mt-3 whitespace-pre-wrap break-words">{call.summary}</p> : <p className="mt-3 text-fg-muted">{t("detail.noSummary")}</p>}
        </Card>
        <Card aria-labelledby="call-transcript-heading">
          <CardHeader id="call-transcript-heading" title={t("detail.transcript")} />
          {call.transcript ? (
            <div className="mt-3 max-h-[32rem] overflow-y-auto rounded-md bg-surface-muted p-3" tabIndex={0} role="region" aria-labelledby="call-transcript-heading">
              <p className="whitespace-pre-wrap break-words text-sm leading-relaxed">{call.transcript}</p>
            </div>
          ) : (
            <p className="mt-3 text-fg-muted">{t("detail.noTranscript")}</p>
          )}
        </Card>
      </div>
    </div>
  );
}
