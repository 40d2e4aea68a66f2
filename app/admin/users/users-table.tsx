"use client";

import { createColumnHelper, rowPaginationFeature, rowSortingFeature, tableFeatures, useTable } from "@tanstack/react-table";
import type { SortingState, Updater } from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown, Search } from "lucide-react";
import Form from "next/form";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { TablePager } from "@/components/admin/table-pager";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { adminUserSortColumns, type AdminUserSort } from "@/lib/constants";
import { useDateFormatter } from "@/lib/i18n/date-format-client";
import { usersTableHref, type UsersTableParams } from "./href";

type UserRow = {
  id: string;
  name: string;
  email: string;
  role: "customer" | "admin";
  status: "active" | "disabled";
  emailVerifiedAt: Date | null;
  createdAt: Date;
};

const features = tableFeatures({ rowSortingFeature, rowPaginationFeature });
const column = createColumnHelper<typeof features, UserRow>();

/** What the Status column says: a disabled account, an unconfirmed email, or active. */
function accountState(row: UserRow): "disabled" | "unverified" | "active" {
  if (row.status === "disabled") return "disabled";
  return row.emailVerifiedAt ? "active" : "unverified";
}

const stateTone = { active: "success", unverified: "warning", disabled: "danger" } as const;

// Fixed shares of the width, so columns do not move as pages or searches change the rows.
const columnWidths: Record<string, string> = { name: "md:w-[24%]", email: "md:w-[32%]", role: "md:w-[13%]", status: "md:w-[14%]", createdAt: "md:w-[17%]" };

/**
 * Server-side paged, sorted and searched: the URL holds the state, the server the data. Below
 * 768 px the rows become stacked cards (name, email, role, status, created) and a select sorts.
 */
export function UsersTable({ rows, total, params }: { rows: UserRow[]; total: number; params: UsersTableParams }) {
  const t = useTranslations("admin.users");
  const dates = useDateFormatter();
  const router = useRouter();
  const pathname = usePathname();
  const href = (change: Partial<UsersTableParams>) => usersTableHref(pathname, params, change);

  const statusBadge = (row: UserRow) => <Badge tone={stateTone[accountState(row)]}>{t(`statuses.${accountState(row)}`)}</Badge>;
  const roleBadge = (row: UserRow) => <Badge tone={row.role === "admin" ? "primary" : "neutral"}>{t(`roles.${row.role}`)}</Badge>;

  const columns = column.columns([
    column.accessor("name", {
      header: t("columns.name"),
      cell: (info) => {
        const row = info.row.original;
        return (
          <div className="min-w-0">
            <Link href={`/admin/users/${row.id}`} prefetch={false} className="font-medium text-primary underline-offset-2 hover:underline">
              {row.name}
            </Link>
            <div className="mt-1 space-y-1 md:hidden">
              <p className="break-all text-13 text-fg-muted">{row.email}</p>
              <p className="flex flex-wrap items-center gap-1.5 text-13 text-fg-muted">
                {roleBadge(row)}
                {statusBadge(row)}
                <span>{t("createdOn", { date: dates.date(row.createdAt) })}</span>
              </p>
            </div>
          </div>
        );
      },
    }),
    column.accessor("email", { header: t("columns.email") }),
    column.accessor("role", { header: t("columns.role"), cell: (info) => roleBadge(info.row.original) }),
    column.accessor("status", { header: t("columns.status"), cell: (info) => statusBadge(info.row.original) }),
    column.accessor("createdAt", {
      header: t("columns.createdAt"),
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
      if (next) router.push(href({ sort: next.id as AdminUserSort, direction: next.desc ? "desc" : "asc", page: 1 }));
    },
  });

  const first = total === 0 ? 0 : (params.page - 1) * params.pageSize + 1;
  const last = Math.min(total, params.page * params.pageSize);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Form action={pathname} role="search" className="flex w-full max-w-md gap-2">
          <input type="hidden" name="pageSize" value={params.pageSize} />
          <input type="hidden" name="sort" value={params.sort} />
          <input type="hidden" name="direction" value={params.direction} />
          <label htmlFor="user-search" className="sr-only">
            {t("search")}
          </label>
          <input id="user-search" name="query" type="search" defaultValue={params.query} placeholder={t("searchPlaceholder")} className={inputClass} />
          <button type="submit" className={buttonClass("secondary", "px-3")} aria-label={t("search")}>
            <Search aria-hidden className="size-4" />
          </button>
        </Form>
        <div className="flex items-center gap-2 md:hidden">
          <label htmlFor="user-sort" className="whitespace-nowrap text-13 text-fg-muted">
            {t("sortBy")}
          </label>
          <select
            id="user-sort"
            value={`${params.sort}:${params.direction}`}
            onChange={(event) => {
              const [sort, direction] = event.target.value.split(":") as [AdminUserSort, "asc" | "desc"];
              router.push(href({ sort, direction, page: 1 }));
            }}
            className={`${inputClass} w-auto`}
          >
            {adminUserSortColumns.flatMap((key) =>
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
          {/* On a phone each row is a card and the "Sort by" menu sorts: no header row. */}
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
                      <button type="button" onClick={header.column.getToggleSortingHandler()} className="inline-flex items-center gap-1 rounded hover:text-fg">
                        <table.FlexRender header={header} />
                        <Icon aria-hidden className="size-3.5" />
                      </button>
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
                  <td key={cell.id} className={`truncate px-4 py-3 align-top md:align-middle ${cell.column.id === "name" ? "whitespace-normal" : "hidden md:table-cell"}`}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="px-4 py-12 text-center text-fg-muted">
                  {params.query ? t("empty") : t("emptyAll")}
                  {params.query ? (
                    <Link href={href({ query: "", page: 1 })} prefetch={false} className="ms-2 font-medium text-primary underline-offset-2 hover:underline">
                      {t("clearSearch")}
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
