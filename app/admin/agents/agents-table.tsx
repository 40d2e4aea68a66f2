"use client";

import { createColumnHelper, tableFeatures, useTable } from "@tanstack/react-table";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { AgentKindBadge } from "@/components/agents/agent-badges";
import { LogTable } from "@/components/admin/log-table";
import { Avatar } from "@/components/avatar";
import { Badge } from "@/components/ui/badge";
import type { AgentKind } from "@/lib/constants";

type AgentRow = { id: string; name: string; kind: AgentKind; avatarFileId: string | null; languages: string; specialties: string[]; active: boolean; accounts: number };

const features = tableFeatures({});
const column = createColumnHelper<typeof features, AgentRow>();

/** The team, by name; below 768 px each agent is a card. Language names arrive already in the reader's language. */
export function AgentsTable({ rows }: { rows: AgentRow[] }) {
  const t = useTranslations("adminAgents");
  const active = (value: boolean) => <Badge tone={value ? "success" : "neutral"}>{t(value ? "active" : "inactive")}</Badge>;
  const columns = column.columns([
    column.accessor("name", {
      header: t("columns.name"),
      cell: (info) => {
        const row = info.row.original;
        return (
          <div className="flex min-w-0 items-center gap-3 md:min-w-48">
            <Avatar name={row.name} fileId={row.avatarFileId} />
            <div className="min-w-0">
              <Link href={`/admin/agents/${row.id}`} prefetch={false} className="break-words font-medium text-primary underline-offset-2 hover:underline">
                {row.name}
              </Link>
              <p className="mt-1 flex flex-wrap items-center gap-1.5 text-13 text-fg-muted md:hidden">
                <AgentKindBadge kind={row.kind} />
                {active(row.active)}
                {t("accountCount", { count: row.accounts })}
              </p>
            </div>
          </div>
        );
      },
    }),
    column.accessor("kind", { header: t("columns.kind"), cell: (info) => <AgentKindBadge kind={info.getValue()} /> }),
    column.accessor("languages", { header: t("columns.languages"), cell: (info) => <span className="break-words">{info.getValue()}</span> }),
    column.accessor("specialties", {
      header: t("columns.specialties"),
      cell: (info) => (
        <span className="flex flex-wrap gap-1">
          {info.getValue().map((tag) => (
            <Badge key={tag}>{tag}</Badge>
          ))}
        </span>
      ),
    }),
    column.accessor("active", { header: t("columns.active"), cell: (info) => active(info.getValue()) }),
    column.accessor("accounts", { header: t("columns.accounts"), cell: (info) => <span className="tabular-nums">{info.getValue()}</span> }),
  ]);
  const table = useTable({ features, columns, data: rows });
  return <LogTable table={table} caption={t("caption")} phoneColumn="name" widthClass="md:min-w-[48rem]" empty={t("empty")} />;
}
