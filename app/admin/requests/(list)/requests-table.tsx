"use client";

import { createColumnHelper, tableFeatures, useTable } from "@tanstack/react-table";
import { Search } from "lucide-react";
import Form from "next/form";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { LogTable } from "@/components/admin/log-table";
import { ProjectRequestStatusBadge } from "@/components/project-request-status-badge";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { projectRequestStatuses, type ProjectRequestStatus } from "@/lib/constants";
import { useDateFormatter } from "@/lib/i18n/date-format-client";
import type { RequestFilterParams } from "../href";

type RequestRow = {
  id: string;
  title: string;
  customerName: string;
  status: ProjectRequestStatus;
  createdAt: Date;
  decidedAt: Date | null;
};

const features = tableFeatures({});
const column = createColumnHelper<typeof features, RequestRow>();

/** Every customer's requests, waiting ones first; the status filter lives in the URL. Below 768 px each request is a card. */
export function RequestsTable({ rows, filters, paged }: { rows: RequestRow[]; filters: RequestFilterParams; paged: boolean }) {
  const t = useTranslations("adminRequests");
  const dates = useDateFormatter();
  const when = (date: Date) => (
    <time dateTime={date.toISOString()} className="whitespace-nowrap">
      {dates.dateTime(date)}
    </time>
  );
  const columns = column.columns([
    column.accessor("title", {
      header: t("columns.title"),
      cell: (info) => {
        const row = info.row.original;
        return (
          <div className="min-w-0 md:min-w-56">
            <Link href={`/admin/requests/${row.id}`} prefetch={false} className="break-words font-medium text-primary underline-offset-2 hover:underline">
              {row.title}
            </Link>
            <div className="mt-1 space-y-1 md:hidden">
              <p>{row.customerName}</p>
              <p className="flex flex-wrap items-center gap-1.5 text-13 text-fg-muted">
                <ProjectRequestStatusBadge status={row.status} />
                {when(row.createdAt)}
              </p>
            </div>
          </div>
        );
      },
    }),
    column.accessor("customerName", { header: t("columns.customer"), cell: (info) => <span className="break-words">{info.getValue()}</span> }),
    column.accessor("status", { header: t("columns.status"), cell: (info) => <ProjectRequestStatusBadge status={info.getValue()} /> }),
    column.accessor("createdAt", { header: t("columns.submittedAt"), cell: (info) => when(info.getValue()) }),
    column.accessor("decidedAt", {
      header: t("columns.decidedAt"),
      cell: (info) => {
        const decided = info.getValue();
        return decided ? when(decided) : <span className="text-fg-muted">{t("notDecided")}</span>;
      },
    }),
  ]);
  const table = useTable({ features, columns, data: rows });
  const statusLabel = useTranslations("projectRequests.statuses");

  return (
    <div className="space-y-4">
      <Form action="/admin/requests" role="search" aria-label={t("filters")} className="flex flex-wrap items-end gap-3">
        <div className="space-y-1">
          <label htmlFor="requests-status" className="text-13 font-medium">
            {t("status")}
          </label>
          <select id="requests-status" name="status" defaultValue={filters.status ?? ""} className={`${inputClass} w-auto`}>
            <option value="">{t("allStatuses")}</option>
            <option value="waiting">{t("waiting")}</option>
            {projectRequestStatuses.map((status) => (
              <option key={status} value={status}>
                {statusLabel(status)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          <Search aria-hidden className="size-4" />
          {t("apply")}
        </button>
        {filters.status ? (
          <Link href="/admin/requests" prefetch={false} className="self-center text-13 font-medium text-primary underline-offset-2 hover:underline">
            {t("clear")}
          </Link>
        ) : null}
      </Form>
      <LogTable
        table={table}
        caption={t("caption")}
        phoneColumn="title"
        widthClass="md:min-w-[48rem]"
        empty={
          <>
            {filters.status || paged ? t("empty") : t("emptyAll")}
            {filters.status ? (
              <Link href="/admin/requests" prefetch={false} className="ms-2 font-medium text-primary underline-offset-2 hover:underline">
                {t("clear")}
              </Link>
            ) : null}
          </>
        }
      />
    </div>
  );
}
