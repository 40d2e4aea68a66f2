import { History, Search } from "lucide-react";
import Form from "next/form";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { KeysetPager } from "@/components/keyset-pager";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { listActivity } from "@/db/queries/activity";
import { activityRange } from "@/lib/activity/range";
import { activityAreas, ACTIVITY_PAGE_SIZE } from "@/lib/constants";
import { decodeCursor, encodeCursor } from "@/lib/cursor";
import { activityCursorSchema, parseActivityFilters, type ActivityFilterField, type ActivityFilters } from "@/lib/validations/activity";
import { ActivityList } from "./activity-list";

type RawParams = Record<string, string | string[] | undefined>;

/** The feed's URL for these filters, from the start or from a cursor. */
export function activityHref(basePath: string, filters: ActivityFilters, position: { after?: string; before?: string } = {}): string {
  const search = new URLSearchParams();
  for (const key of ["area", "from", "to"] as const) if (filters[key]) search.set(key, filters[key]);
  if (position.after) search.set("after", position.after);
  if (position.before) search.set("before", position.before);
  const query = search.toString();
  return query ? `${basePath}?${query}` : basePath;
}

/**
 * An account's timeline with its filters (area, days in the reader's zone) and Newer/Older pages, all
 * in the URL. `viewerId` null shows everything (staff); a member sees their own security events only.
 */
export async function ActivityFeed({
  accountId,
  viewerId,
  timeZone,
  basePath,
  searchParams,
  linkFor,
}: {
  accountId: string;
  viewerId: string | null;
  timeZone: string;
  basePath: string;
  searchParams: RawParams;
  linkFor?: (link: string) => string;
}) {
  const { filters, errors } = parseActivityFilters(searchParams);
  const position = activityCursorSchema.parse(searchParams);
  const after = decodeCursor(position.after);
  const before = after ? null : decodeCursor(position.before);
  const [t, page] = await Promise.all([
    getTranslations("activity"),
    listActivity(accountId, viewerId, {
      area: filters.area,
      ...activityRange(filters, timeZone),
      cursor: after,
      before,
      limit: ACTIVITY_PAGE_SIZE,
    }),
  ]);
  const paged = Boolean(after || before);
  const filtered = Boolean(filters.area || filters.from || filters.to);
  const dates = { from: filters.from, to: filters.to };

  const dateField = (field: ActivityFilterField, label: string) => {
    const id = `activity-filter-${field}`;
    const raw = searchParams[field];
    return (
      <div className="min-w-0 space-y-1">
        <label htmlFor={id} className="block text-13 font-medium">
          {label}
        </label>
        <input
          id={id}
          name={field}
          type="date"
          defaultValue={filters[field] ?? (typeof raw === "string" ? raw : "")}
          className={inputClass}
          {...(errors[field] ? { "aria-invalid": true, "aria-describedby": `${id}-error` } : {})}
        />
        {errors[field] ? (
          <p id={`${id}-error`} className="text-13 text-danger">
            {t(`validation.${field}`)}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <div className="space-y-4">
      <nav aria-label={t("areaFilter")} className="flex flex-wrap gap-1 rounded-lg border border-border bg-surface p-1">
        {([undefined, ...activityAreas] as const).map((area) => (
          <Link
            key={area ?? "all"}
            href={activityHref(basePath, { ...dates, area })}
            prefetch={false}
            aria-current={filters.area === area ? "page" : undefined}
            className={`rounded-md border px-3 py-1.5 text-sm font-medium ${filters.area === area ? "border-primary bg-primary-soft text-primary" : "border-transparent text-fg-muted hover:text-fg"}`}
          >
            {area ? t(`areas.${area}`) : t("allAreas")}
          </Link>
        ))}
      </nav>

      <Form action={basePath} role="search" aria-label={t("dateFilter")} className="grid gap-3 rounded-xl border border-border bg-surface p-4 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
        {filters.area ? <input type="hidden" name="area" value={filters.area} /> : null}
        {dateField("from", t("fromDate"))}
        {dateField("to", t("toDate"))}
        <div className="flex flex-wrap items-center gap-2 sm:pt-6">
          <button type="submit" className={buttonClass("secondary")}>
            <Search aria-hidden className="size-4" />
            {t("applyFilters")}
          </button>
          {filtered ? (
            <Link href={basePath} prefetch={false} className="text-13 font-medium text-primary underline-offset-2 hover:underline">
              {t("clearFilters")}
            </Link>
          ) : null}
        </div>
      </Form>
      <p className="text-13 text-fg-muted">{t("timesIn", { zone: timeZone.replace(/_/g, " ") })}</p>

      {page.rows.length === 0 ? (
        paged || filtered ? (
          <div className="rounded-xl border border-dashed border-border-strong bg-surface px-6 py-10 text-center">
            <p className="font-medium">{paged ? t("noMorePages") : t("noMatches")}</p>
            <Link href={paged ? activityHref(basePath, filters) : basePath} prefetch={false} className="mt-2 inline-block font-medium text-primary underline-offset-2 hover:underline">
              {paged ? t("firstPage") : t("clearFilters")}
            </Link>
          </div>
        ) : (
          <EmptyState icon={History} title={t("emptyTitle")} description={t("emptyText")} />
        )
      ) : (
        <ActivityList rows={page.rows} label={t("listLabel")} linkFor={linkFor} />
      )}

      {page.rows.length > 0 && (page.next || page.previous || paged) ? (
        <KeysetPager
          label={t("pagination")}
          newer={{ label: t("newer"), href: page.previous ? activityHref(basePath, filters, { before: encodeCursor(page.previous) }) : null }}
          older={{ label: t("older"), href: page.next ? activityHref(basePath, filters, { after: encodeCursor(page.next) }) : null }}
          first={paged ? { label: t("firstPage"), href: activityHref(basePath, filters) } : null}
        />
      ) : null}
    </div>
  );
}
