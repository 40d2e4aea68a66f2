import type { AdminInvoiceSort, InvoiceStatus } from "@/lib/constants";

export type InvoicesTableParams = {
  page: number;
  pageSize: number;
  sort: AdminInvoiceSort;
  direction: "asc" | "desc";
  query: string;
  status?: InvoiceStatus;
};

/** The invoices table's URL for its current state with `change` applied; the URL is the table's state. */
export function invoicesTableHref(pathname: string, params: InvoicesTableParams, change: Partial<InvoicesTableParams>): string {
  const next = { ...params, ...change };
  const search = new URLSearchParams({ page: String(next.page), pageSize: String(next.pageSize), sort: next.sort, direction: next.direction });
  if (next.query) search.set("query", next.query);
  if (next.status) search.set("status", next.status);
  return `${pathname}?${search}`;
}
