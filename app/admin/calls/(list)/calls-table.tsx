"use client";

import { createColumnHelper, tableFeatures, useTable } from "@tanstack/react-table";
import { Filter } from "lucide-react";
import Form from "next/form";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { LogTable } from "@/components/admin/log-table";
import { CallStatusBadge } from "@/components/calls/call-status-badge";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { callStatuses, type CallDirection, type CallStatus } from "@/lib/constants";
import { adminCallsHref, type AdminCallFilterParams } from "../href";

/** A call as the staff table shows it, formatted on the server in the staff member's timezone. */
export type AdminCallRow = {
  id: string;
  startedAt: string;
  time: string;
  customer: string;
  customerUserId: string | null;
  status: CallStatus;
  direction: CallDirection;
  agent: string | null;
  duration: string;
  satisfaction: number | null;
};

const features = tableFeatures({});
const column = createColumnHelper<typeof features, AdminCallRow>();

/**
 * Every customer's calls, newest first; the filters live in the URL (a GET form), the rows on the
 * server. Below 768 px each call is a stacked card in the first column.
 */
export function AdminCallsTable({ rows, filters, paged }: { rows: AdminCallRow[]; filters: AdminCallFilterParams; paged: boolean }) {
  const t = useTranslations("adminCalls");
  const tCalls = useTranslations("calls");
  const when = (row: AdminCallRow) => (
    <time dateTime={row.startedAt} className="whitespace-nowrap">
      {row.time}
    </time>
  );
  const customer = (row: AdminCallRow) =>
    row.customerUserId ? (
      <Link href={`/admin/users/${row.customerUserId}`} prefetch={false} className="font-medium text-primary underline-offset-2 hover:underline">
        {row.customer}
      </Link>
    ) : (
      <span className="font-medium">{row.customer}</span>
    );
  const satisfaction = (value: number | null) => (value === null ? <span className="text-fg-muted">{t("notRated")}</span> : tCalls("rating", { value }));
  const open = (row: AdminCallRow) => (
    <Link href={`/admin/calls/${row.id}`} prefetch={false} className="whitespace-nowrap font-medium text-primary underline-offset-2 hover:underline">
      {t("open")}
      <span className="sr-only"> {t("openLabel", { customer: row.customer, time: row.time })}</span>
    </Link>
  );

  const columns = column.columns([
    column.accessor("time", {
      header: t("columns.time"),
      cell: (info) => {
        const row = info.row.original;
        return (
          <div className="min-w-0">
            <span className="hidden md:inline">{when(row)}</span>
            {/* On a phone the first cell carries the whole call. */}
            <div className="space-y-1 md:hidden">
              <p className="flex flex-wrap items-center gap-2">
                {customer(row)}
                <CallStatusBadge status={row.status} label={tCalls(`statuses.${row.status}`)} />
              </p>
              <p className="text-13 text-fg-muted">{when(row)}</p>
              <p className="text-13 text-fg-muted">
                {[tCalls(`directions.${row.direction}`), row.agent ?? t("noAgent"), row.duration].join(" · ")} · {satisfaction(row.satisfaction)}
              </p>
              {open(row)}
            </div>
          </div>
        );
      },
    }),
    column.accessor("customer", { header: t("columns.customer"), cell: (info) => customer(info.row.original) }),
    column.accessor("status", { header: t("columns.status"), cell: (info) => <CallStatusBadge status={info.getValue()} label={tCalls(`statuses.${info.getValue()}`)} /> }),
    column.accessor("direction", { header: t("columns.direction"), cell: (info) => tCalls(`directions.${info.getValue()}`) }),
    column.accessor("agent", { header: t("columns.agent"), cell: (info) => info.getValue() ?? <span className="text-fg-muted">{t("noAgent")}</span> }),
    column.accessor("duration", { header: t("columns.duration"), cell: (info) => <span className="tabular-nums">{info.getValue()}</span> }),
    column.accessor("satisfaction", { header: t("columns.satisfaction"), cell: (info) => satisfaction(info.getValue()) }),
    column.display({ id: "open", header: () => <span className="sr-only">{t("open")}</span>, cell: (info) => open(info.row.original) }),
  ]);
  const table = useTable({ features, columns, data: rows });
  const filtered = Boolean(filters.status || filters.customer);

  return (
    <div className="space-y-4">
      <Form action="/admin/calls" role="search" aria-label={t("filters")} className="grid gap-3 rounded-xl border border-border bg-surface p-4 sm:grid-cols-[2fr_1fr_auto] sm:items-end">
        <div className="space-y-1">
          <label htmlFor="admin-calls-customer" className="text-13 font-medium">
            {t("customer")}
          </label>
          <input id="admin-calls-customer" name="customer" type="search" defaultValue={filters.customer} placeholder={t("customerPlaceholder")} className={inputClass} />
        </div>
        <div className="space-y-1">
          <label htmlFor="admin-calls-status" className="text-13 font-medium">
            {t("columns.status")}
          </label>
          <select id="admin-calls-status" name="status" defaultValue={filters.status ?? ""} className={inputClass}>
            <option value="">{t("allStatuses")}</option>
            {callStatuses.map((status) => (
              <option key={status} value={status}>
                {tCalls(`statuses.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <button type="submit" className={buttonClass("secondary")}>
            <Filter aria-hidden className="size-4" />
            {t("apply")}
          </button>
          {filtered ? (
            <Link href="/admin/calls" prefetch={false} className="text-13 font-medium text-primary underline-offset-2 hover:underline">
              {t("clear")}
            </Link>
          ) : null}
        </div>
      </Form>

      <LogTable
        table={table}
        caption={t("caption")}
        phoneColumn="time"
        widthClass="md:min-w-[56rem]"
        empty={
          <>
            {paged ? t("end") : filtered ? t("empty") : t("emptyAll")}
            {filtered || paged ? (
              <Link href={paged ? adminCallsHref(filters) : "/admin/calls"} prefetch={false} className="ms-2 font-medium text-primary underline-offset-2 hover:underline">
                {paged ? t("backToNewest") : t("clear")}
              </Link>
            ) : null}
          </>
        }
      />
    </div>
  );
}
