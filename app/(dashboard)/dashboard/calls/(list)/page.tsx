import { Download, PhoneCall, Search } from "lucide-react";
import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CallStats } from "@/components/calls/call-stats";
import { EmptyState } from "@/components/empty-state";
import { KeysetPager } from "@/components/keyset-pager";
import { Page } from "@/components/page";
import { buttonClass, ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { getCallStatistics, listCallAgentsForAccount, listCallsForAccount } from "@/db/queries/calls";
import { formatDuration } from "@/lib/calls/format";
import { callListQueryOf } from "@/lib/calls/history";
import { CALL_SEARCH_MAX, CALL_SEARCH_MIN, callDirections, callSortColumns, callStatuses, type CallSort } from "@/lib/constants";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getDateFormatter } from "@/lib/i18n/date-format-server";
import { requireUser } from "@/lib/session";
import { callCursorSchema, parseCallHistoryParams, type CallFilterField, type CallHistoryParams } from "@/lib/validations/call-history";
import { callExportHref, callHistoryHref } from "../href";
import { CallsTable } from "./calls-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("calls"))("title") };
}

/** A header's link: the same filters sorted by `sort`, descending first, the other way when already so. */
function sortHref(params: CallHistoryParams, sort: CallSort): string {
  const order = params.sort === sort && params.order === "desc" ? "asc" : "desc";
  return callHistoryHref({ ...params, sort, order });
}

/** The pager's words follow the order: "newer" and "older" only make sense for time. */
function pagerLabels(params: CallHistoryParams): ["newer" | "older" | "previous", "newer" | "older" | "next"] {
  if (params.sort !== "startedAt") return ["previous", "next"];
  return params.order === "desc" ? ["newer", "older"] : ["older", "newer"];
}

export default async function CallsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const raw = await searchParams;
  const { params, errors } = parseCallHistoryParams(raw);
  const position = callCursorSchema.parse(raw);
  const t = await getTranslations("calls");
  const accountId = user.accountId;
  if (!accountId) {
    return (
      <Page title={t("title")} description={t("description")}>
        <EmptyState icon={PhoneCall} title={t("emptyTitle")} description={t("emptyText")} />
      </Page>
    );
  }

  const [tStats, dates, stats, agents, page] = await Promise.all([
    getTranslations("callStats"),
    getDateFormatter(),
    getCallStatistics(accountId, user.timeZone),
    listCallAgentsForAccount(accountId),
    listCallsForAccount(accountId, { ...callListQueryOf(params, user.timeZone), cursor: position.after ?? position.before, before: !position.after && Boolean(position.before) }),
  ]);
  const filtered = Boolean(params.status || params.direction || params.agent || params.from || params.to || params.q);
  const paged = Boolean(position.after || position.before);
  const [previousLabel, nextLabel] = pagerLabels(params);
  const fieldError = (field: CallFilterField) => (errors[field] ? t(`validation.${field}`, { min: CALL_SEARCH_MIN, max: CALL_SEARCH_MAX }) : undefined);

  const filterField = (field: CallFilterField, label: string, control: (props: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => React.ReactNode) => {
    const id = `call-filter-${field}`;
    const error = fieldError(field);
    return (
      <div className="min-w-0 space-y-1">
        <label htmlFor={id} className="block text-13 font-medium">
          {label}
        </label>
        {control({ id, ...(error ? { "aria-invalid": true, "aria-describedby": `${id}-error` } : {}) })}
        {error ? (
          <p id={`${id}-error`} className="text-13 text-danger">
            {error}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <Page
      title={t("title")}
      description={t("description")}
      actions={
        <ButtonLink href="/dashboard/calls/requests" variant="secondary">
          <PhoneCall aria-hidden className="size-4" />
          {t("startCall")}
        </ButtonLink>
      }
    >
      {stats.total === 0 ? (
        <EmptyState icon={PhoneCall} title={t("emptyTitle")} description={t("emptyText")} />
      ) : (
        <div className="space-y-6">
          <Card aria-labelledby="call-stats-heading">
            <CardHeader id="call-stats-heading" title={tStats("title")} />
            <div className="mt-4">
              <CallStats stats={stats} idPrefix="history" />
            </div>
          </Card>

          <Form
            action="/dashboard/calls"
            role="search"
            aria-label={t("filters")}
            className="grid gap-3 rounded-xl border border-border bg-surface p-4 sm:grid-cols-2 lg:grid-cols-4 2xl:grid-cols-[repeat(6,minmax(0,1fr))_auto] 2xl:items-start"
          >
            {params.sort !== "startedAt" || params.order !== "desc" ? (
              <>
                <input type="hidden" name="sort" value={params.sort} />
                <input type="hidden" name="order" value={params.order} />
              </>
            ) : null}
            {filterField("q", t("search"), (props) => (
              <input {...props} name="q" type="search" defaultValue={params.q ?? (typeof raw.q === "string" ? raw.q : "")} placeholder={t("searchPlaceholder")} maxLength={CALL_SEARCH_MAX} className={inputClass} />
            ))}
            {filterField("status", t("columns.status"), (props) => (
              <select {...props} name="status" defaultValue={params.status ?? ""} className={inputClass}>
                <option value="">{t("allStatuses")}</option>
                {callStatuses.map((status) => (
                  <option key={status} value={status}>
                    {t(`statuses.${status}`)}
                  </option>
                ))}
              </select>
            ))}
            {filterField("direction", t("columns.direction"), (props) => (
              <select {...props} name="direction" defaultValue={params.direction ?? ""} className={inputClass}>
                <option value="">{t("allDirections")}</option>
                {callDirections.map((direction) => (
                  <option key={direction} value={direction}>
                    {t(`directions.${direction}`)}
                  </option>
                ))}
              </select>
            ))}
            {filterField("agent", t("columns.agent"), (props) => (
              <select {...props} name="agent" defaultValue={params.agent ?? ""} className={inputClass}>
                <option value="">{t("allAgents")}</option>
                {agents.map((agent) => (
                  <option key={agent.id} value={agent.id}>
                    {agent.name}
                  </option>
                ))}
              </select>
            ))}
            {filterField("from", t("fromDate"), (props) => (
              <input {...props} name="from" type="date" defaultValue={params.from ?? ""} className={inputClass} />
            ))}
            {filterField("to", t("toDate"), (props) => (
              <input {...props} name="to" type="date" defaultValue={params.to ?? ""} className={inputClass} />
            ))}
            <div className="flex flex-wrap items-center gap-2 sm:col-span-2 lg:col-span-4 2xl:col-span-1 2xl:pt-6">
              <button type="submit" className={buttonClass("secondary")}>
                <Search aria-hidden className="size-4" />
                {t("applyFilters")}
              </button>
              {filtered ? (
                <Link href={callHistoryHref({ sort: params.sort, order: params.order })} prefetch={false} className="text-13 font-medium text-primary underline-offset-2 hover:underline">
                  {t("clearFilters")}
                </Link>
              ) : null}
            </div>
          </Form>

          <div className="flex flex-wrap items-center justify-between gap-3">
            <p className="text-13 text-fg-muted">{t("timesIn", { zone: user.timeZone.replace(/_/g, " ") })}</p>
            <a href={callExportHref(params)} download className={buttonClass("secondary", "", "sm")}>
              <Download aria-hidden className="size-4" />
              {t("export")}
            </a>
          </div>

          {page.rows.length === 0 ? (
            <div className="rounded-xl border border-dashed border-border-strong bg-surface px-6 py-10 text-center">
              <p className="font-medium">{paged ? t("noMorePages") : t("noMatches")}</p>
              {paged || filtered ? (
                <Link href={paged ? callHistoryHref(params) : callHistoryHref({ sort: params.sort, order: params.order })} prefetch={false} className="mt-2 inline-block font-medium text-primary underline-offset-2 hover:underline">
                  {paged ? t("firstPage") : t("clearFilters")}
                </Link>
              ) : null}
            </div>
          ) : (
            <ClientMessages namespaces={["calls"]}>
              <CallsTable
                rows={page.rows.map((row) => ({
                  id: row.id,
                  startedAt: row.startedAt.toISOString(),
                  time: dates.dateTime(row.startedAt),
                  direction: row.direction,
                  status: row.status,
                  fromNumber: row.fromNumber,
                  toNumber: row.toNumber,
                  agent: row.agentName,
                  duration: formatDuration(row.durationSeconds),
                  satisfaction: row.satisfaction,
                }))}
                sort={params.sort}
                order={params.order}
                sortHrefs={Object.fromEntries(callSortColumns.map((sort) => [sort, sortHref(params, sort)])) as Record<CallSort, string>}
              />
            </ClientMessages>
          )}

          {page.next || page.previous || paged ? (
            <KeysetPager
              label={t("pagination")}
              newer={{ label: t(`pager.${previousLabel}`), href: page.previous ? callHistoryHref(params, { before: page.previous }) : null }}
              older={{ label: t(`pager.${nextLabel}`), href: page.next ? callHistoryHref(params, { after: page.next }) : null }}
              first={paged ? { label: t("firstPage"), href: callHistoryHref(params) } : null}
            />
          ) : null}
        </div>
      )}
    </Page>
  );
}
