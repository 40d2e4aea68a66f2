"use client";

import { createColumnHelper, tableFeatures, useTable } from "@tanstack/react-table";
import { Filter } from "lucide-react";
import Form from "next/form";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { LogTable } from "@/components/admin/log-table";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { AdminThreadRow } from "@/db/queries/messages";
import { threadStatuses } from "@/lib/constants";
import { useDateFormatter } from "@/lib/i18n/date-format-client";
import { inboxHref, type InboxFilterParams } from "../href";

const features = tableFeatures({});
const column = createColumnHelper<typeof features, AdminThreadRow>();

/**
 * The staff inbox: unread threads (for this staff user) first, then the latest; filters in the URL
 * (a GET form), rows from the server. Below 768 px each thread is a card in the first column.
 */
export function InboxTable({ rows, filters, paged }: { rows: AdminThreadRow[]; filters: InboxFilterParams; paged: boolean }) {
  const t = useTranslations("adminMessaging");
  const tStatus = useTranslations("messaging.statuses");
  const dates = useDateFormatter();
  const when = (date: Date) => (
    <time dateTime={date.toISOString()} className="whitespace-nowrap">
      {dates.dateTime(date)}
    </time>
  );
  const statusBadges = (row: AdminThreadRow) => (
    <span className="flex flex-wrap gap-1.5">
      <Badge tone={row.status === "open" ? "success" : "neutral"}>{tStatus(row.status)}</Badge>
      {row.awaitingReply && row.status === "open" ? <Badge tone="warning">{t("awaitingReply")}</Badge> : null}
    </span>
  );

  const columns = column.columns([
    column.accessor("subject", {
      header: t("columns.subject"),
      cell: (info) => {
        const row = info.row.original;
        return (
          <div className="flex min-w-0 gap-2.5">
            <span aria-hidden className={`mt-2 size-2 shrink-0 rounded-full ${row.unread ? "bg-primary" : "bg-transparent"}`} />
            <div className="min-w-0 space-y-1">
              <Link href={`/admin/messages/${row.id}`} prefetch={false} className={`relative block break-words text-primary underline-offset-2 hover:underline ${row.unread ? "font-semibold" : "font-medium"}`}>
                {row.unread ? <span className="sr-only">{t("unread")}: </span> : null}
                {row.subject}
              </Link>
              {row.preview ? <p className="line-clamp-2 break-words text-13 text-fg-muted">{row.preview}</p> : null}
              {/* On a phone the first cell carries the whole thread. */}
              <div className="space-y-1 text-13 md:hidden">
                <p>
                  <span className="text-fg-muted">{t("columns.customer")}: </span>
                  {row.accountName}
                </p>
                {row.projectName ? (
                  <p>
                    <span className="text-fg-muted">{t("columns.project")}: </span>
                    {row.projectName}
                  </p>
                ) : null}
                <p className="text-fg-muted">{when(row.lastMessageAt)}</p>
                {statusBadges(row)}
              </div>
            </div>
          </div>
        );
      },
    }),
    column.accessor("accountName", { header: t("columns.customer"), cell: (info) => <span className="break-words">{info.getValue()}</span> }),
    column.accessor("projectName", { header: t("columns.project"), cell: (info) => info.getValue() ?? <span className="text-fg-muted">{t("none")}</span> }),
    column.accessor("status", { header: t("columns.status"), cell: (info) => statusBadges(info.row.original) }),
    column.accessor("lastMessageAt", { header: t("columns.lastMessage"), cell: (info) => when(info.getValue()) }),
  ]);
  const table = useTable({ features, columns, data: rows });
  const filtered = Boolean(filters.status || filters.query);

  return (
    <div className="space-y-4">
      <Form action="/admin/messages" role="search" aria-label={t("filters")} className="grid gap-3 rounded-xl border border-border bg-surface p-4 sm:grid-cols-[2fr_1fr_auto] sm:items-end">
        <div className="space-y-1">
          <label htmlFor="inbox-query" className="text-13 font-medium">
            {t("search")}
          </label>
          <input id="inbox-query" name="query" type="search" defaultValue={filters.query} placeholder={t("searchPlaceholder")} className={inputClass} />
        </div>
        <div className="space-y-1">
          <label htmlFor="inbox-status" className="text-13 font-medium">
            {t("status")}
          </label>
          <select id="inbox-status" name="status" defaultValue={filters.status ?? ""} className={inputClass}>
            <option value="">{t("allStatuses")}</option>
            {threadStatuses.map((status) => (
              <option key={status} value={status}>
                {tStatus(status)}
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
            <Link href="/admin/messages" prefetch={false} className="text-13 font-medium text-primary underline-offset-2 hover:underline">
              {t("clear")}
            </Link>
          ) : null}
        </div>
      </Form>

      <LogTable
        table={table}
        caption={t("caption")}
        phoneColumn="subject"
        widthClass="md:min-w-[52rem]"
        empty={
          <>
            {paged ? t("end") : filtered ? t("empty") : t("emptyAll")}
            {filtered || paged ? (
              <Link href={paged ? inboxHref(filters) : "/admin/messages"} prefetch={false} className="ms-2 font-medium text-primary underline-offset-2 hover:underline">
                {paged ? t("backToNewest") : t("clear")}
              </Link>
            ) : null}
          </>
        }
      />
    </div>
  );
}
