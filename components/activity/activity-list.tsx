import { Bot, CreditCard, FolderKanban, MessagesSquare, PhoneCall, ShieldCheck, type LucideIcon } from "lucide-react";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { ActivityRow } from "@/db/queries/activity";
import { activityTypes } from "@/lib/activity/types";
import { formatMoney } from "@/lib/billing/money";
import { formatDuration } from "@/lib/calls/format";
import type { ActivityArea } from "@/lib/constants";
import { getDateFormatter } from "@/lib/i18n/date-format-server";

const areaIcons: Record<ActivityArea, LucideIcon> = {
  projects: FolderKanban,
  messages: MessagesSquare,
  billing: CreditCard,
  calls: PhoneCall,
  agents: Bot,
  security: ShieldCheck,
};

/** Params as the message wants them: money and durations as text, flags as "true"/"false" for `select`. */
function messageValues(params: ActivityRow["params"], locale: string): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) values[key] = typeof value === "boolean" ? String(value) : value;
  if (typeof params.amount === "number" && typeof params.currency === "string") values.amount = formatMoney(params.amount, params.currency, locale);
  if (typeof params.duration === "number") values.duration = formatDuration(params.duration);
  return values;
}

/**
 * A timeline, newest first as given: an icon per area, the entry's text in the reader's language,
 * who did it when known, the time in the reader's zone and format, and a link to the entry's page.
 */
export async function ActivityList({
  rows,
  label,
  compact = false,
  linkFor = (link) => link,
}: {
  rows: ActivityRow[];
  label: string;
  compact?: boolean;
  /** Where a link leads this reader (staff open the staff pages). */
  linkFor?: (link: string) => string;
}) {
  const [t, locale, dates] = await Promise.all([getTranslations("activity"), getLocale(), getDateFormatter()]);
  return (
    <ul aria-label={label} className="divide-y divide-border rounded-xl border border-border bg-surface">
      {rows.map((row) => {
        const Icon = areaIcons[row.area];
        const text = row.type in activityTypes ? t(`types.${row.type}` as never, messageValues(row.params, locale) as never) : t("types.unknown");
        const low = row.type === "call.completed" && row.params.low === true;
        return (
          <li key={row.id} className={`flex items-start gap-3 ${compact ? "px-4 py-3" : "px-4 py-4 sm:px-5"}`}>
            <span className="mt-0.5 grid size-8 shrink-0 place-items-center rounded-full bg-surface-muted" title={t(`areas.${row.area}`)}>
              <Icon aria-hidden className="size-4 text-fg-muted" />
              <span className="sr-only">{t(`areas.${row.area}`)}: </span>
            </span>
            <div className="min-w-0 flex-1">
              <p className="break-words font-medium text-fg">
                {row.link ? (
                  <Link href={linkFor(row.link)} prefetch={false} className="text-primary underline-offset-4 hover:underline">
                    {text}
                  </Link>
                ) : (
                  text
                )}
                {low ? (
                  <span className="ms-2 align-middle">
                    <Badge tone="warning">{t("lowSatisfaction")}</Badge>
                  </span>
                ) : null}
              </p>
              <p className="mt-0.5 text-13 text-fg-muted">
                <time dateTime={row.occurredAt.toISOString()}>{dates.dateTime(row.occurredAt)}</time>
                {row.actorName ? <span> · {t("by", { name: row.actorName })}</span> : null}
              </p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
