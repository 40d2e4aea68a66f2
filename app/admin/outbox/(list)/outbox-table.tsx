"use client";

import { createColumnHelper, tableFeatures, useTable } from "@tanstack/react-table";
import { Search } from "lucide-react";
import Form from "next/form";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { LogTable } from "@/components/admin/log-table";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { EmailStatus } from "@/db/schema";
import type { OutboxFilterParams } from "../href";
import { initialActionState } from "@/lib/action-state";
import { useDateFormatter } from "@/lib/i18n/date-format-client";
import { retryEmailAction } from "../actions";
import { EmailStatusBadge } from "../status-badge";

type OutboxRow = {
  id: string;
  toAddress: string;
  subject: string;
  template: string;
  status: EmailStatus;
  attempts: number;
  error: string | null;
  createdAt: Date;
  sentAt: Date | null;
};

const features = tableFeatures({});
const column = createColumnHelper<typeof features, OutboxRow>();

/**
 * What the mail layer handled, newest first; status and recipient filters live in the URL. Below
 * 768 px each message is a stacked card in the first column.
 */
export function OutboxTable({ rows, filters, statuses, paged }: { rows: OutboxRow[]; filters: OutboxFilterParams; statuses: readonly EmailStatus[]; paged: boolean }) {
  const t = useTranslations("admin.outbox");
  const dates = useDateFormatter();
  const when = (date: Date | null) =>
    date ? (
      <time dateTime={date.toISOString()} className="whitespace-nowrap">
        {dates.dateTime(date)}
      </time>
    ) : (
      <span className="text-fg-muted">{t("none")}</span>
    );
  // One outcome for the table, shown above it: a retried row may leave a "Failed" filter at once.
  const [state, retryAction] = useActionState(retryEmailAction, initialActionState);
  const retry = (row: OutboxRow) =>
    row.status === "failed" ? (
      <form action={retryAction}>
        <SubmitButton variant="secondary" name="emailId" value={row.id} pendingLabel={t("retrying")} describedBy={`email-${row.id}`}>
          {t("retry")}
        </SubmitButton>
      </form>
    ) : null;

  const columns = column.columns([
    column.accessor("toAddress", {
      header: t("columns.recipient"),
      cell: (info) => {
        const row = info.row.original;
        return (
          <div className="min-w-0 md:min-w-52">
            <Link id={`email-${row.id}`} href={`/admin/outbox/${row.id}`} prefetch={false} className="break-words font-medium text-primary underline-offset-2 hover:underline">
              {row.toAddress}
            </Link>
            <div className="mt-1 space-y-1 md:hidden">
              <p>{row.subject}</p>
              <p className="flex flex-wrap items-center gap-1.5 text-13 text-fg-muted">
                <EmailStatusBadge status={row.status} />
                <span>{row.template}</span>
                <span>{t("attemptsCount", { count: row.attempts })}</span>
              </p>
              {row.error ? <p className="break-all text-13 text-danger">{row.error}</p> : null}
              <p className="text-13 text-fg-muted">{when(row.createdAt)}</p>
              {retry(row)}
            </div>
          </div>
        );
      },
    }),
    // Fewer, fuller columns, so the row's Retry stays in view on a laptop screen.
    column.accessor("subject", {
      header: t("columns.subject"),
      cell: (info) => (
        <div className="min-w-48">
          <p>{info.getValue()}</p>
          <p className="mt-0.5 font-mono text-13 text-fg-muted">{info.row.original.template}</p>
        </div>
      ),
    }),
    column.accessor("status", {
      header: t("columns.status"),
      cell: (info) => {
        const row = info.row.original;
        return (
          <div className="min-w-40 space-y-1">
            <p className="flex flex-wrap items-center gap-1.5">
              <EmailStatusBadge status={row.status} />
              <span className="text-13 text-fg-muted">{t("attemptsCount", { count: row.attempts })}</span>
            </p>
            {row.error ? <p className="break-words text-13 text-danger">{row.error}</p> : null}
          </div>
        );
      },
    }),
    column.accessor("createdAt", {
      header: t("columns.createdAt"),
      cell: (info) => (
        <div className="space-y-0.5">
          <p>{when(info.getValue())}</p>
          {info.row.original.sentAt ? <p className="text-13 text-fg-muted">{t("sentOn", { date: dates.dateTime(info.row.original.sentAt) })}</p> : null}
        </div>
      ),
    }),
    column.display({ id: "actions", header: () => <span className="sr-only">{t("columns.actions")}</span>, cell: (info) => retry(info.row.original) }),
  ]);
  const table = useTable({ features, columns, data: rows });
  const filtered = Boolean(filters.status || filters.query);

  return (
    <div className="space-y-4">
      <Form action="/admin/outbox" role="search" aria-label={t("filters")} className="flex flex-wrap items-end gap-3">
        <div className="w-full max-w-xs space-y-1">
          <label htmlFor="outbox-query" className="text-13 font-medium">
            {t("search")}
          </label>
          <input id="outbox-query" name="query" type="search" defaultValue={filters.query} placeholder={t("searchPlaceholder")} className={inputClass} />
        </div>
        <div className="space-y-1">
          <label htmlFor="outbox-status" className="text-13 font-medium">
            {t("status")}
          </label>
          <select id="outbox-status" name="status" defaultValue={filters.status ?? ""} className={`${inputClass} w-auto`}>
            <option value="">{t("allStatuses")}</option>
            {statuses.map((status) => (
              <option key={status} value={status}>
                {t(`statuses.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          <Search aria-hidden className="size-4" />
          {t("apply")}
        </button>
        {filtered ? (
          <Link href="/admin/outbox" prefetch={false} className="self-center text-13 font-medium text-primary underline-offset-2 hover:underline">
            {t("clear")}
          </Link>
        ) : null}
      </Form>

      <FormMessage state={state} />
      <LogTable
        table={table}
        caption={t("caption")}
        phoneColumn="toAddress"
        widthClass="md:min-w-[52rem]"
        empty={
          <>
            {paged ? t("end") : filtered ? t("empty") : t("emptyAll")}
            {filtered || paged ? (
              <Link href="/admin/outbox" prefetch={false} className="ms-2 font-medium text-primary underline-offset-2 hover:underline">
                {paged ? t("backToNewest") : t("clear")}
              </Link>
            ) : null}
          </>
        }
      />
    </div>
  );
}
