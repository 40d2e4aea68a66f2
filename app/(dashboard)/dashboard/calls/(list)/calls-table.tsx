"use client";

import { createColumnHelper, tableFeatures, useTable } from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown, PhoneIncoming, PhoneOutgoing } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { CallStatusBadge } from "@/components/calls/call-status-badge";
import type { CallDirection, CallSort, CallStatus } from "@/lib/constants";

/** A call as the history shows it: every value already formatted on the server, in the user's timezone. */
export type CallTableRow = {
  id: string;
  startedAt: string;
  time: string;
  direction: CallDirection;
  status: CallStatus;
  fromNumber: string;
  toNumber: string;
  agent: string | null;
  duration: string;
  satisfaction: number | null;
};

const features = tableFeatures({});
const column = createColumnHelper<typeof features, CallTableRow>();

/** Which column each sort belongs to. */
const sortColumns: Record<string, CallSort> = { time: "startedAt", duration: "duration", satisfaction: "satisfaction" };

/**
 * One page of the call history. Sorting happens on the server: a sortable header is a link to the
 * same filters in another order. On a narrow screen the table scrolls sideways in its own region.
 */
export function CallsTable({ rows, sort, order, sortHrefs }: { rows: CallTableRow[]; sort: CallSort; order: "asc" | "desc"; sortHrefs: Record<CallSort, string> }) {
  const t = useTranslations("calls");

  const sortHeader = (id: string, label: string) => {
    const key = sortColumns[id]!;
    const Icon = sort === key ? (order === "asc" ? ArrowUp : ArrowDown) : ArrowUpDown;
    return (
      <Link href={sortHrefs[key]} prefetch={false} className="inline-flex items-center gap-1 rounded hover:text-fg">
        {label}
        <Icon aria-hidden className="size-3.5" />
        {sort === key ? null : <span className="sr-only">{t("sortBy")}</span>}
      </Link>
    );
  };

  const columns = column.columns([
    column.accessor("time", {
      header: () => sortHeader("time", t("columns.time")),
      cell: (info) => (
        <time dateTime={info.row.original.startedAt} className="whitespace-nowrap">
          {info.getValue()}
        </time>
      ),
    }),
    column.accessor("direction", {
      header: t("columns.direction"),
      cell: (info) => {
        const Icon = info.getValue() === "inbound" ? PhoneIncoming : PhoneOutgoing;
        return (
          <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
            <Icon aria-hidden className="size-4 text-fg-muted" />
            {t(`directions.${info.getValue()}`)}
          </span>
        );
      },
    }),
    column.accessor("status", { header: t("columns.status"), cell: (info) => <CallStatusBadge status={info.getValue()} label={t(`statuses.${info.getValue()}`)} /> }),
    column.accessor("fromNumber", {
      header: t("columns.numbers"),
      cell: (info) => (
        <span className="whitespace-nowrap font-mono text-13">
          <bdi dir="ltr">{info.getValue()}</bdi> <span aria-hidden className="inline-block rtl:-scale-x-100">→</span>
          <span className="sr-only">{t("numberTo")}</span> <bdi dir="ltr">{info.row.original.toNumber}</bdi>
        </span>
      ),
    }),
    column.accessor("agent", { header: t("columns.agent"), cell: (info) => <span className="whitespace-nowrap">{info.getValue() ?? <span className="text-fg-muted">{t("noAgent")}</span>}</span> }),
    column.accessor("duration", { header: () => sortHeader("duration", t("columns.duration")), cell: (info) => <span className="tabular-nums">{info.getValue()}</span> }),
    column.accessor("satisfaction", {
      header: () => sortHeader("satisfaction", t("columns.satisfaction")),
      cell: (info) => {
        const value = info.getValue();
        return value === null ? <span className="text-fg-muted">{t("notRated")}</span> : <span className="tabular-nums">{t("rating", { value })}</span>;
      },
    }),
    column.display({
      id: "open",
      header: () => <span className="sr-only">{t("columns.open")}</span>,
      cell: (info) => (
        <Link href={`/dashboard/calls/${info.row.original.id}`} prefetch={false} className="whitespace-nowrap font-medium text-primary underline-offset-2 hover:underline">
          {t("open")}
          <span className="sr-only"> {t("openLabel", { time: info.row.original.time })}</span>
        </Link>
      ),
    }),
  ]);
  const table = useTable({ features, columns, data: rows });

  return (
    <div role="region" aria-label={t("caption")} tabIndex={0} className="relative overflow-x-auto rounded-xl border border-border bg-surface shadow-card">
      <table className="w-full min-w-[52rem] text-start text-sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="border-b border-border bg-surface-muted text-13 text-fg-muted">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const key = sortColumns[header.column.id];
                return (
                  <th key={header.id} scope="col" className="px-4 py-2.5 font-medium" aria-sort={key && key === sort ? (order === "asc" ? "ascending" : "descending") : undefined}>
                    <table.FlexRender header={header} />
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-border">
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className="hover:bg-surface-muted/60">
              {row.getAllCells().map((cell) => (
                <td key={cell.id} className="px-4 py-3 align-middle">
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
