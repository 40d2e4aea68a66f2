"use client";

import { createColumnHelper, tableFeatures, useTable } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { LogTable } from "@/components/admin/log-table";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { useDateFormatter } from "@/lib/i18n/date-format-client";
import { retryJobAction } from "./actions";

type JobRow = { id: string; name: string; createdOn: Date; failedOn: Date | null; retryCount: number; error: string | null };

const features = tableFeatures({});
const column = createColumnHelper<typeof features, JobRow>();

function RetryJobForm({ job }: { job: JobRow }) {
  const t = useTranslations("admin.jobs");
  const [state, action] = useActionState(retryJobAction, initialActionState);
  return (
    <form action={action} className="space-y-2">
      <FormMessage state={state} />
      <input type="hidden" name="name" value={job.name} />
      <input type="hidden" name="jobId" value={job.id} />
      {state.ok ? null : (
        <SubmitButton variant="secondary" pendingLabel={t("retrying")} describedBy={`job-${job.id}`}>
          {t("retry")}
        </SubmitButton>
      )}
    </form>
  );
}

/** Failed jobs, newest failure first; below 768 px each is a stacked card in the first column. */
export function JobsTable({ rows }: { rows: JobRow[] }) {
  const t = useTranslations("admin.jobs");
  const dates = useDateFormatter();
  const when = (date: Date | null) =>
    date ? (
      <time dateTime={date.toISOString()} className="whitespace-nowrap">
        {dates.dateTime(date)}
      </time>
    ) : null;

  const columns = column.columns([
    column.accessor("name", {
      header: t("columns.name"),
      cell: (info) => {
        const row = info.row.original;
        return (
          <div className="min-w-0">
            <p id={`job-${row.id}`} className="font-mono text-13 font-medium">
              {row.name}
            </p>
            <p className="break-all font-mono text-xs text-fg-muted">{row.id}</p>
            <div className="mt-1 space-y-1 md:hidden">
              {row.error ? <p className="break-all text-13 text-danger">{row.error}</p> : null}
              <p className="text-13 text-fg-muted">
                {t("failedAtRetries", { count: row.retryCount })} {when(row.failedOn)}
              </p>
              <RetryJobForm job={row} />
            </div>
          </div>
        );
      },
    }),
    column.accessor("createdOn", { header: t("columns.createdOn"), cell: (info) => when(info.getValue()) }),
    column.accessor("failedOn", { header: t("columns.failedOn"), cell: (info) => when(info.getValue()) }),
    column.accessor("retryCount", { header: t("columns.retryCount") }),
    column.accessor("error", { header: t("columns.error"), cell: (info) => <span className="break-all text-13">{info.getValue() ?? ""}</span> }),
    column.display({ id: "actions", header: () => <span className="sr-only">{t("columns.actions")}</span>, cell: (info) => <RetryJobForm job={info.row.original} /> }),
  ]);
  const table = useTable({ features, columns, data: rows });

  return <LogTable table={table} caption={t("caption")} phoneColumn="name" widthClass="md:min-w-[56rem]" empty={null} />;
}
