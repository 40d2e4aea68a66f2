"use client";

import { createColumnHelper, rowPaginationFeature, rowSortingFeature, tableFeatures, useTable } from "@tanstack/react-table";
import type { SortingState, Updater } from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown, Search } from "lucide-react";
import Form from "next/form";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { TablePager } from "@/components/admin/table-pager";
import { ProgressBar } from "@/components/projects/progress-bar";
import { ProjectStatusBadge } from "@/components/projects/project-status-badge";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { adminProjectSortColumns, projectStatuses, type AdminProjectSort, type ProjectStatus } from "@/lib/constants";
import { useDateFormatter } from "@/lib/i18n/date-format-client";
import { projectsTableHref, type ProjectsTableParams } from "../href";

type ProjectRow = {
  id: string;
  name: string;
  accountId: string;
  customer: string;
  status: ProjectStatus;
  progress: number;
  dueDate: string | null;
  updatedAt: Date;
};

const features = tableFeatures({ rowSortingFeature, rowPaginationFeature });
const column = createColumnHelper<typeof features, ProjectRow>();

const columnWidths: Record<string, string> = {
  name: "md:w-[24%]",
  customer: "md:w-[17%]",
  status: "md:w-[13%]",
  progress: "md:w-[16%]",
  dueDate: "md:w-[15%]",
  updatedAt: "md:w-[15%]",
};
const sortable = new Set<string>(adminProjectSortColumns);

/**
 * Every customer's projects, paged, sorted, searched and filtered on the server with the state in
 * the URL (as the users table). Below 768 px each row is a card and a select sorts.
 */
export function ProjectsTable({ rows, total, params, accounts }: { rows: ProjectRow[]; total: number; params: ProjectsTableParams; accounts: { id: string; name: string }[] }) {
  const t = useTranslations("adminProjects");
  const tProjects = useTranslations("projects");
  const dates = useDateFormatter();
  const router = useRouter();
  const pathname = usePathname();
  const href = (change: Partial<ProjectsTableParams>) => projectsTableHref(pathname, params, change);
  const day = (value: string | null) => (value ? dates.day(value) : t("noDate"));
  const statusBadge = (row: ProjectRow) => <ProjectStatusBadge status={row.status} label={tProjects(`statuses.${row.status}`)} />;
  const progress = (row: ProjectRow) => <ProgressBar value={row.progress} label={tProjects("progressOf", { name: row.name })} valueText={tProjects("percent", { value: row.progress })} />;

  const columns = column.columns([
    column.accessor("name", {
      header: t("columns.name"),
      cell: (info) => {
        const row = info.row.original;
        return (
          <div className="min-w-0">
            <Link href={`/admin/projects/${row.id}`} prefetch={false} className="break-words font-medium text-primary underline-offset-2 hover:underline">
              {row.name}
            </Link>
            <div className="mt-1 space-y-2 md:hidden">
              <p className="flex flex-wrap items-center gap-1.5 text-13 text-fg-muted">
                <span className="break-words">{row.customer}</span>
                {statusBadge(row)}
              </p>
              {progress(row)}
              <p className="text-13 text-fg-muted">{t("dueOn", { date: day(row.dueDate) })}</p>
            </div>
          </div>
        );
      },
    }),
    column.accessor("customer", {
      header: t("columns.customer"),
      cell: (info) => (
        <Link href={href({ account: info.row.original.accountId, page: 1 })} prefetch={false} className="truncate underline-offset-2 hover:underline" title={t("filterByCustomer", { name: info.getValue() })}>
          {info.getValue()}
        </Link>
      ),
    }),
    column.accessor("status", { header: t("columns.status"), cell: (info) => statusBadge(info.row.original) }),
    column.accessor("progress", { header: t("columns.progress"), enableSorting: false, cell: (info) => progress(info.row.original) }),
    column.accessor("dueDate", { header: t("columns.dueDate"), cell: (info) => <span className="whitespace-nowrap">{day(info.getValue())}</span> }),
    column.accessor("updatedAt", {
      header: t("columns.updatedAt"),
      cell: (info) => <span className="whitespace-nowrap">{dates.date(info.getValue())}</span>,
    }),
  ]);

  const sorting: SortingState = [{ id: params.sort, desc: params.direction === "desc" }];
  const table = useTable({
    features,
    columns,
    data: rows,
    rowCount: total,
    manualSorting: true,
    manualPagination: true,
    enableSortingRemoval: false,
    state: { sorting, pagination: { pageIndex: params.page - 1, pageSize: params.pageSize } },
    onSortingChange: (updater: Updater<SortingState>) => {
      const [next] = typeof updater === "function" ? updater(sorting) : updater;
      if (next) router.push(href({ sort: next.id as AdminProjectSort, direction: next.desc ? "desc" : "asc", page: 1 }));
    },
  });

  const first = total === 0 ? 0 : (params.page - 1) * params.pageSize + 1;
  const last = Math.min(total, params.page * params.pageSize);
  const filtered = Boolean(params.query || params.status || params.account);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <Form action={pathname} role="search" aria-label={t("filters")} className="flex w-full flex-wrap items-end gap-2 lg:w-auto">
          <input type="hidden" name="pageSize" value={params.pageSize} />
          <input type="hidden" name="sort" value={params.sort} />
          <input type="hidden" name="direction" value={params.direction} />
          <div className="min-w-0 flex-1 basis-48 space-y-1">
            <label htmlFor="project-search" className="block text-13 text-fg-muted">
              {t("search")}
            </label>
            <input id="project-search" name="query" type="search" defaultValue={params.query} placeholder={t("searchPlaceholder")} className={inputClass} />
          </div>
          <div className="space-y-1">
            <label htmlFor="project-status-filter" className="block text-13 text-fg-muted">
              {t("columns.status")}
            </label>
            <select id="project-status-filter" name="status" defaultValue={params.status ?? ""} className={`${inputClass} w-auto`}>
              <option value="">{t("allStatuses")}</option>
              {projectStatuses.map((status) => (
                <option key={status} value={status}>
                  {tProjects(`statuses.${status}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="min-w-0 space-y-1">
            <label htmlFor="project-customer-filter" className="block text-13 text-fg-muted">
              {t("columns.customer")}
            </label>
            <select id="project-customer-filter" name="account" defaultValue={params.account ?? ""} className={`${inputClass} w-auto max-w-[16rem]`}>
              <option value="">{t("allCustomers")}</option>
              {accounts.map((account) => (
                <option key={account.id} value={account.id}>
                  {account.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={buttonClass("secondary")}>
            <Search aria-hidden className="size-4" />
            {t("applyFilters")}
          </button>
        </Form>
        <div className="flex items-center gap-2 md:hidden">
          <label htmlFor="project-sort" className="whitespace-nowrap text-13 text-fg-muted">
            {t("sortBy")}
          </label>
          <select
            id="project-sort"
            value={`${params.sort}:${params.direction}`}
            onChange={(event) => {
              const [sort, direction] = event.target.value.split(":") as [AdminProjectSort, "asc" | "desc"];
              router.push(href({ sort, direction, page: 1 }));
            }}
            className={`${inputClass} w-auto`}
          >
            {adminProjectSortColumns.flatMap((key) =>
              (["asc", "desc"] as const).map((direction) => (
                <option key={`${key}:${direction}`} value={`${key}:${direction}`}>
                  {t(`sortOptions.${direction}`, { column: t(`columns.${key}`) })}
                </option>
              )),
            )}
          </select>
        </div>
      </div>

      <div className="overflow-hidden rounded-xl border border-border bg-surface shadow-card">
        <table className="w-full table-fixed text-start text-sm">
          <caption className="sr-only">{t("caption", { first, last, total })}</caption>
          <thead className="hidden border-b border-border bg-surface-muted text-13 text-fg-muted md:table-header-group">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const Icon = sorted === "asc" ? ArrowUp : sorted === "desc" ? ArrowDown : ArrowUpDown;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className={`px-4 py-2.5 font-medium ${columnWidths[header.column.id] ?? ""}`}
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                    >
                      {sortable.has(header.column.id) ? (
                        <button type="button" onClick={header.column.getToggleSortingHandler()} className="inline-flex items-center gap-1 rounded hover:text-fg">
                          <table.FlexRender header={header} />
                          <Icon aria-hidden className="size-3.5" />
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
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
                  <td key={cell.id} className={`px-4 py-3 align-top md:align-middle ${cell.column.id === "name" ? "" : "hidden truncate md:table-cell"}`}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="px-4 py-12 text-center text-fg-muted">
                  {filtered ? t("empty") : t("emptyAll")}
                  {filtered ? (
                    <Link href={href({ query: "", status: undefined, account: undefined, page: 1 })} prefetch={false} className="ms-2 font-medium text-primary underline-offset-2 hover:underline">
                      {t("clearFilters")}
                    </Link>
                  ) : null}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>

      <TablePager label={t("pagination")} page={params.page} pageSize={params.pageSize} total={total} href={href} />
    </div>
  );
}
