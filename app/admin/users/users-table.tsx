"use client";

import { createColumnHelper, rowPaginationFeature, rowSortingFeature, tableFeatures, useTable } from "@tanstack/react-table";
import type { SortingState, Updater } from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown, Search } from "lucide-react";
import Form from "next/form";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { ADMIN_PAGE_SIZES, type AdminUserSort } from "@/lib/constants";

type UserRow = { id: string; name: string; email: string; role: "customer" | "admin"; status: "active" | "disabled"; createdAt: Date };
type Params = { page: number; pageSize: number; sort: AdminUserSort; direction: "asc" | "desc"; query: string };

const features = tableFeatures({ rowSortingFeature, rowPaginationFeature });
const column = createColumnHelper<typeof features, UserRow>();

function hrefFor(pathname: string, params: Params, change: Partial<Params>): string {
  const next = { ...params, ...change };
  const search = new URLSearchParams({
    page: String(next.page),
    pageSize: String(next.pageSize),
    sort: next.sort,
    direction: next.direction,
  });
  if (next.query) search.set("query", next.query);
  return `${pathname}?${search}`;
}

/** Server-side paged, sorted and searched: the URL holds the state, the server the data. */
export function UsersTable({ rows, total, params }: { rows: UserRow[]; total: number; params: Params }) {
  const t = useTranslations("admin.users");
  const format = useFormatter();
  const router = useRouter();
  const pathname = usePathname();
  const pageCount = Math.max(1, Math.ceil(total / params.pageSize));

  const columns = column.columns([
    column.accessor("name", {
      header: t("columns.name"),
      cell: (info) => (
        <Link href={`/admin/users/${info.row.original.id}`} className="font-medium text-primary underline-offset-2 hover:underline">
          {info.getValue()}
        </Link>
      ),
    }),
    column.accessor("email", { header: t("columns.email") }),
    column.accessor("role", {
      header: t("columns.role"),
      cell: (info) => <Badge tone={info.getValue() === "admin" ? "primary" : "neutral"}>{t(`roles.${info.getValue()}`)}</Badge>,
    }),
    column.accessor("status", {
      header: t("columns.status"),
      cell: (info) => <Badge tone={info.getValue() === "active" ? "success" : "danger"}>{t(`statuses.${info.getValue()}`)}</Badge>,
    }),
    column.accessor("createdAt", {
      header: t("columns.createdAt"),
      cell: (info) => format.dateTime(info.getValue(), { dateStyle: "medium" }),
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
      if (next) router.push(hrefFor(pathname, params, { sort: next.id as AdminUserSort, direction: next.desc ? "desc" : "asc", page: 1 }));
    },
  });

  const first = total === 0 ? 0 : (params.page - 1) * params.pageSize + 1;
  const last = Math.min(total, params.page * params.pageSize);

  return (
    <div className="space-y-4">
      <Form action={pathname} role="search" className="flex max-w-md gap-2">
        <input type="hidden" name="pageSize" value={params.pageSize} />
        <input type="hidden" name="sort" value={params.sort} />
        <input type="hidden" name="direction" value={params.direction} />
        <label htmlFor="user-search" className="sr-only">
          {t("search")}
        </label>
        <input id="user-search" name="query" type="search" defaultValue={params.query} placeholder={t("searchPlaceholder")} className={inputClass} />
        <button type="submit" className={buttonClass("secondary")} aria-label={t("search")}>
          <Search aria-hidden className="size-4" />
        </button>
      </Form>

      <div className="overflow-x-auto rounded-lg border border-border bg-surface">
        <table className="w-full min-w-[40rem] text-left text-sm">
          <caption className="sr-only">{t("caption", { first, last, total })}</caption>
          <thead className="border-b border-border bg-surface-muted text-fg-muted">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const Icon = sorted === "asc" ? ArrowUp : sorted === "desc" ? ArrowDown : ArrowUpDown;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className="px-4 py-2 font-medium"
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
                  <td key={cell.id} className="px-4 py-2">
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="px-4 py-10 text-center text-fg-muted">
                  {t("empty")}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>

      <nav aria-label={t("pagination")} className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <p className="text-fg-muted">{t("range", { first, last, total })}</p>
        <div className="flex items-center gap-2">
          <label htmlFor="page-size" className="text-fg-muted">
            {t("pageSize")}
          </label>
          <select
            id="page-size"
            value={params.pageSize}
            onChange={(event) => router.push(hrefFor(pathname, params, { pageSize: Number(event.target.value), page: 1 }))}
            className={`${inputClass} w-auto`}
          >
            {ADMIN_PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
          <PageLink href={hrefFor(pathname, params, { page: params.page - 1 })} disabled={params.page <= 1} label={t("previous")} />
          <span aria-current="page">{t("pageOf", { page: params.page, pageCount })}</span>
          <PageLink href={hrefFor(pathname, params, { page: params.page + 1 })} disabled={params.page >= pageCount} label={t("next")} />
        </div>
      </nav>
    </div>
  );
}

function PageLink({ href, disabled, label }: { href: string; disabled: boolean; label: string }) {
  if (disabled) {
    return (
      <span aria-disabled="true" className={buttonClass("secondary", "opacity-50")}>
        {label}
      </span>
    );
  }
  return (
    <Link href={href} className={buttonClass("secondary")}>
      {label}
    </Link>
  );
}
