"use client";

import { createColumnHelper, rowPaginationFeature, rowSortingFeature, tableFeatures, useTable } from "@tanstack/react-table";
import type { SortingState, Updater } from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown, Search } from "lucide-react";
import Form from "next/form";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { TablePager } from "@/components/admin/table-pager";
import { InvoiceStatusBadge, invoiceStatusKey } from "@/components/invoice-status-badge";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { adminInvoiceSortColumns, invoiceStatuses, type AdminInvoiceSort, type InvoiceStatus } from "@/lib/constants";
import { useDateFormatter } from "@/lib/i18n/date-format-client";
import { invoicesTableHref, type InvoicesTableParams } from "../href";

type InvoiceRow = {
  id: string;
  number: string;
  customer: string;
  status: InvoiceStatus;
  overdue: boolean;
  total: number;
  totalText: string;
  issueDate: string;
  dueDate: string;
};

const features = tableFeatures({ rowSortingFeature, rowPaginationFeature });
const column = createColumnHelper<typeof features, InvoiceRow>();

const columnWidths: Record<string, string> = {
  number: "md:w-[18%]",
  customer: "md:w-[24%]",
  status: "md:w-[14%]",
  total: "md:w-[14%]",
  issueDate: "md:w-[15%]",
  dueDate: "md:w-[15%]",
};

/**
 * Every customer's invoices, paged, sorted, searched and filtered on the server with the state in
 * the URL (as the projects table). Below 768 px each row is a card and a select sorts.
 */
export function InvoicesTable({ rows, total, params }: { rows: InvoiceRow[]; total: number; params: InvoicesTableParams }) {
  const t = useTranslations("adminInvoices");
  const tInvoices = useTranslations("invoices");
  const dates = useDateFormatter();
  const router = useRouter();
  const pathname = usePathname();
  const href = (change: Partial<InvoicesTableParams>) => invoicesTableHref(pathname, params, change);
  const day = (value: string) => dates.day(value);
  const statusBadge = (row: InvoiceRow) => <InvoiceStatusBadge status={row.status} overdue={row.overdue} label={tInvoices(`statuses.${invoiceStatusKey(row)}`)} />;

  const columns = column.columns([
    column.accessor("number", {
      header: t("columns.number"),
      cell: (info) => {
        const row = info.row.original;
        return (
          <div className="min-w-0">
            <Link href={`/admin/invoices/${row.id}`} prefetch={false} className="whitespace-nowrap font-medium text-primary underline-offset-2 hover:underline">
              {row.number}
            </Link>
            <div className="mt-1 space-y-1 md:hidden">
              <p className="flex flex-wrap items-center gap-1.5 text-13 text-fg-muted">
                <span className="break-words">{row.customer}</span>
                {statusBadge(row)}
              </p>
              <p className="text-13 text-fg-muted">{t("cardLine", { total: row.totalText, date: day(row.dueDate) })}</p>
            </div>
          </div>
        );
      },
    }),
    column.accessor("customer", {
      header: t("columns.customer"),
      cell: (info) => <span className="block truncate">{info.getValue()}</span>,
    }),
    column.accessor("status", { header: t("columns.status"), cell: (info) => statusBadge(info.row.original) }),
    column.accessor("total", { header: t("columns.total"), cell: (info) => <span className="whitespace-nowrap tabular-nums">{info.row.original.totalText}</span> }),
    column.accessor("issueDate", { header: t("columns.issueDate"), cell: (info) => <span className="whitespace-nowrap">{day(info.getValue())}</span> }),
    column.accessor("dueDate", {
      header: t("columns.dueDate"),
      cell: (info) => <span className={`whitespace-nowrap ${info.row.original.overdue ? "font-medium text-danger" : ""}`}>{day(info.getValue())}</span>,
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
      if (next) router.push(href({ sort: next.id as AdminInvoiceSort, direction: next.desc ? "desc" : "asc", page: 1 }));
    },
  });

  const first = total === 0 ? 0 : (params.page - 1) * params.pageSize + 1;
  const last = Math.min(total, params.page * params.pageSize);
  const filtered = Boolean(params.query || params.status);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <Form action={pathname} role="search" aria-label={t("filters")} className="flex w-full flex-wrap items-end gap-2 lg:w-auto">
          <input type="hidden" name="pageSize" value={params.pageSize} />
          <input type="hidden" name="sort" value={params.sort} />
          <input type="hidden" name="direction" value={params.direction} />
          <div className="min-w-0 flex-1 basis-48 space-y-1">
            <label htmlFor="invoice-search" className="block text-13 text-fg-muted">
              {t("search")}
            </label>
            <input id="invoice-search" name="query" type="search" defaultValue={params.query} placeholder={t("searchPlaceholder")} className={inputClass} />
          </div>
          <div className="space-y-1">
            <label htmlFor="invoice-status-filter" className="block text-13 text-fg-muted">
              {t("columns.status")}
            </label>
            <select id="invoice-status-filter" name="status" defaultValue={params.status ?? ""} className={`${inputClass} w-auto`}>
              <option value="">{t("allStatuses")}</option>
              {invoiceStatuses.map((status) => (
                <option key={status} value={status}>
                  {tInvoices(`statuses.${status}`)}
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
          <label htmlFor="invoice-sort" className="whitespace-nowrap text-13 text-fg-muted">
            {t("sortBy")}
          </label>
          <select
            id="invoice-sort"
            value={`${params.sort}:${params.direction}`}
            onChange={(event) => {
              const [sort, direction] = event.target.value.split(":") as [AdminInvoiceSort, "asc" | "desc"];
              router.push(href({ sort, direction, page: 1 }));
            }}
            className={`${inputClass} w-auto`}
          >
            {adminInvoiceSortColumns.flatMap((key) =>
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
                  <td key={cell.id} className={`px-4 py-3 align-top md:align-middle ${cell.column.id === "number" ? "" : "hidden truncate md:table-cell"}`}>
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
                    <Link href={href({ query: "", status: undefined, page: 1 })} prefetch={false} className="ms-2 font-medium text-primary underline-offset-2 hover:underline">
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
