"use client";

import { createColumnHelper, tableFeatures, useTable } from "@tanstack/react-table";
import { Filter } from "lucide-react";
import Form from "next/form";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { LogTable } from "@/components/admin/log-table";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { AuditAction } from "@/db/schema";
import { useDateFormatter } from "@/lib/i18n/date-format-client";
import { auditHref, type AuditFilterParams } from "./href";

export type AuditRow = {
  id: string;
  action: AuditAction;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  targetUserId: string | null;
  targetName: string | null;
  targetEmail: string | null;
  ip: string | null;
  device: string;
  metadata: Record<string, string | number | boolean | null>;
  createdAt: Date;
};

export type AuditActionGroup = { group: "auth" | "admin" | "user"; actions: AuditAction[] };

const features = tableFeatures({});
const column = createColumnHelper<typeof features, AuditRow>();

/** Message keys cannot contain dots: "admin.role_changed" is labelled by "admin_role_changed". */
const actionKey = (action: AuditAction) => action.replace(".", "_");

function UserCell({ id, name, email, fallback }: { id: string | null; name: string | null; email: string | null; fallback: string }) {
  if (!id || !name) return <span className="text-fg-muted">{fallback}</span>;
  return (
    <span className="block min-w-0">
      <Link href={`/admin/users/${id}`} prefetch={false} className="font-medium text-primary underline-offset-2 hover:underline">
        {name}
      </Link>
      <span className="block break-all text-13 text-fg-muted">{email}</span>
    </span>
  );
}

function Details({ metadata }: { metadata: AuditRow["metadata"] }) {
  const entries = Object.entries(metadata);
  if (entries.length === 0) return null;
  return (
    <dl className="space-y-0.5 font-mono text-xs text-fg-muted">
      {entries.map(([key, value]) => (
        <div key={key} className="flex gap-1">
          <dt>{key}:</dt>
          <dd className="break-all">{String(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The audit log, newest first; the filters live in the URL (a GET form), the rows on the server.
 * Below 768 px each entry is a stacked card in the first column.
 */
export function AuditTable({ rows, filters, actionGroups, paged }: { rows: AuditRow[]; filters: AuditFilterParams; actionGroups: AuditActionGroup[]; paged: boolean }) {
  const t = useTranslations("admin.audit");
  const dates = useDateFormatter();
  const when = (date: Date) => (
    <time dateTime={date.toISOString()} className="whitespace-nowrap">
      {dates.dateTime(date)}
    </time>
  );
  const none = t("none");

  const columns = column.columns([
    column.accessor("createdAt", {
      header: t("columns.time"),
      cell: (info) => {
        const row = info.row.original;
        return (
          <div className="min-w-0">
            <span className="hidden md:inline">{when(row.createdAt)}</span>
            {/* On a phone the first cell carries the whole entry. */}
            <div className="space-y-1 md:hidden">
              <p className="font-medium">{t(`actions.${actionKey(row.action)}`)}</p>
              <p className="text-13 text-fg-muted">{when(row.createdAt)}</p>
              <p className="text-13">
                <span className="text-fg-muted">{t("columns.actor")}: </span>
                {row.actorName ?? none} {row.actorEmail ? <span className="break-all text-fg-muted">({row.actorEmail})</span> : null}
              </p>
              {row.targetName ? (
                <p className="text-13">
                  <span className="text-fg-muted">{t("columns.target")}: </span>
                  {row.targetName} <span className="break-all text-fg-muted">({row.targetEmail})</span>
                </p>
              ) : null}
              <p className="text-13 text-fg-muted">{[row.ip, row.device].filter(Boolean).join(" · ")}</p>
              <Details metadata={row.metadata} />
            </div>
          </div>
        );
      },
    }),
    column.accessor("action", { header: t("columns.action"), cell: (info) => t(`actions.${actionKey(info.getValue())}`) }),
    column.accessor("actorName", {
      header: t("columns.actor"),
      cell: (info) => <UserCell id={info.row.original.actorId} name={info.row.original.actorName} email={info.row.original.actorEmail} fallback={none} />,
    }),
    column.accessor("targetName", {
      header: t("columns.target"),
      cell: (info) => <UserCell id={info.row.original.targetUserId} name={info.row.original.targetName} email={info.row.original.targetEmail} fallback={none} />,
    }),
    column.accessor("ip", { header: t("columns.ip"), cell: (info) => <bdi className="font-mono text-13">{info.getValue() ?? none}</bdi> }),
    column.accessor("device", { header: t("columns.device"), cell: (info) => info.getValue() || <span className="text-fg-muted">{none}</span> }),
    column.accessor("metadata", { header: t("columns.details"), cell: (info) => <Details metadata={info.getValue()} /> }),
  ]);
  const table = useTable({ features, columns, data: rows });
  const filtered = Boolean(filters.actor || filters.action || filters.from || filters.to);

  return (
    <div className="space-y-4">
      <Form action="/admin/audit" role="search" aria-label={t("filters")} className="grid gap-3 rounded-xl border border-border bg-surface p-4 sm:grid-cols-2 lg:grid-cols-[2fr_2fr_1fr_1fr_auto] lg:items-end">
        <div className="space-y-1">
          <label htmlFor="audit-actor" className="text-13 font-medium">
            {t("actor")}
          </label>
          <input id="audit-actor" name="actor" type="search" defaultValue={filters.actor} placeholder={t("actorPlaceholder")} className={inputClass} />
        </div>
        <div className="space-y-1">
          <label htmlFor="audit-action" className="text-13 font-medium">
            {t("action")}
          </label>
          <select id="audit-action" name="action" defaultValue={filters.action ?? ""} className={inputClass}>
            <option value="">{t("allActions")}</option>
            {actionGroups.map(({ group, actions }) => (
              <optgroup key={group} label={t(`groups.${group}`)}>
                {actions.map((action) => (
                  <option key={action} value={action}>
                    {t(`actions.${actionKey(action)}`)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="audit-from" className="text-13 font-medium">
            {t("from")}
          </label>
          <input id="audit-from" name="from" type="date" defaultValue={filters.from} className={inputClass} />
        </div>
        <div className="space-y-1">
          <label htmlFor="audit-to" className="text-13 font-medium">
            {t("to")}
          </label>
          <input id="audit-to" name="to" type="date" defaultValue={filters.to} className={inputClass} />
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <button type="submit" className={buttonClass("secondary")}>
            <Filter aria-hidden className="size-4" />
            {t("apply")}
          </button>
          {filtered ? (
            <Link href="/admin/audit" prefetch={false} className="text-13 font-medium text-primary underline-offset-2 hover:underline">
              {t("clear")}
            </Link>
          ) : null}
        </div>
      </Form>

      <LogTable
        table={table}
        caption={t("caption")}
        phoneColumn="createdAt"
        widthClass="md:min-w-[60rem]"
        empty={
          <>
            {paged ? t("end") : filtered ? t("empty") : t("emptyAll")}
            {filtered || paged ? (
              <Link href={paged ? auditHref(filters) : "/admin/audit"} prefetch={false} className="ms-2 font-medium text-primary underline-offset-2 hover:underline">
                {paged ? t("backToNewest") : t("clear")}
              </Link>
            ) : null}
          </>
        }
      />
    </div>
  );
}
