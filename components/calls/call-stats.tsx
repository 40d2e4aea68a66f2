import { getFormatter, getTranslations } from "next-intl/server";
import type { CallStatistics } from "@/db/queries/calls";
import { formatDuration } from "@/lib/calls/format";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getDateFormatter } from "@/lib/i18n/date-format-server";
import { CallsPerDayChart } from "./calls-per-day-chart";

/**
 * The account's call statistics: five figures and the calls of the last 30 days as a chart, with
 * the same days as a table for screen readers and anyone who wants the numbers.
 */
export async function CallStats({ stats, idPrefix }: { stats: CallStatistics; idPrefix: string }) {
  const [t, format, dates] = await Promise.all([getTranslations("callStats"), getFormatter(), getDateFormatter()]);
  const none = t("none");
  const figures = [
    { key: "total", value: format.number(stats.total) },
    { key: "thisMonth", value: format.number(stats.thisMonth) },
    { key: "successRate", value: stats.successRate === null ? none : format.number(stats.successRate, { style: "percent", maximumFractionDigits: 1 }) },
    { key: "averageDuration", value: stats.averageDuration === null ? none : formatDuration(stats.averageDuration) },
    { key: "averageSatisfaction", value: stats.averageSatisfaction === null ? none : t("outOfFive", { value: format.number(stats.averageSatisfaction, { maximumFractionDigits: 1 }) }) },
  ] as const;
  const days = stats.days.map((entry) => ({ ...entry, label: dates.shortDay(entry.day) }));
  const chartHeading = `${idPrefix}-chart-heading`;
  return (
    <div className="space-y-5">
      <dl className="grid grid-cols-2 gap-x-4 gap-y-3 sm:grid-cols-3 lg:grid-cols-5">
        {figures.map((figure) => (
          <div key={figure.key} className="min-w-0">
            <dt className="text-13 text-fg-muted">{t(`figures.${figure.key}`)}</dt>
            <dd className="text-lg font-semibold tabular-nums">{figure.value}</dd>
          </div>
        ))}
      </dl>
      <figure aria-labelledby={chartHeading} className="space-y-2">
        <figcaption id={chartHeading} className="text-13 font-medium text-fg-muted">
          {t("chartTitle", { days: days.length })}
        </figcaption>
        {/* A provider of its own: the chart formats its numbers in the reader's locale wherever it is shown. */}
        <ClientMessages namespaces={[]}>
          <CallsPerDayChart data={days} callsLabel={t("calls")} />
        </ClientMessages>
        <details className="text-13">
          <summary className="cursor-pointer rounded text-fg-muted hover:text-fg">{t("showTable")}</summary>
          <div className="mt-2 max-h-64 overflow-y-auto rounded-md border border-border">
            <table className="w-full text-start">
              <caption className="sr-only">{t("chartTitle", { days: days.length })}</caption>
              <thead className="bg-surface-muted text-fg-muted">
                <tr>
                  <th scope="col" className="px-3 py-1.5 font-medium">
                    {t("day")}
                  </th>
                  <th scope="col" className="px-3 py-1.5 text-end font-medium">
                    {t("calls")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-border">
                {days.map((entry) => (
                  <tr key={entry.day}>
                    <td className="px-3 py-1">
                      <time dateTime={entry.day}>{dates.day(entry.day)}</time>
                    </td>
                    <td className="px-3 py-1 text-end tabular-nums">{format.number(entry.calls)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </figure>
    </div>
  );
}
