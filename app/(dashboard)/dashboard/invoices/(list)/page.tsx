import { Receipt, Search } from "lucide-react";
import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { InvoiceStatusBadge, invoiceStatusKey } from "@/components/invoice-status-badge";
import { Page } from "@/components/page";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { InvoiceTable } from "@/components/invoice-table";
import { inputClass } from "@/components/ui/field";
import { countInvoicesForAccount, getAmountsDueForAccount, listInvoicesForAccount } from "@/db/queries/invoices";
import { formatMoney } from "@/lib/billing/money";
import { customerInvoiceFilters } from "@/lib/constants";
import { getDateFormatter } from "@/lib/i18n/date-format-server";
import { todayIn } from "@/lib/projects/dates";
import { requireUser } from "@/lib/session";
import { invoiceListSearchSchema } from "@/lib/validations/invoices";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invoices"))("title") };
}

export default async function InvoicesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const today = todayIn(user.timeZone);
  const filters = invoiceListSearchSchema.parse(await searchParams);
  const accountId = user.accountId;
  const [t, dates, locale, invoices, total, due] = await Promise.all([
    getTranslations("invoices"),
    getDateFormatter(),
    getLocale(),
    accountId ? listInvoicesForAccount(accountId, filters, today) : [],
    accountId ? countInvoicesForAccount(accountId) : 0,
    accountId ? getAmountsDueForAccount(accountId, today) : [],
  ]);
  const day = (value: string) => dates.day(value);
  const filtered = Boolean(filters.status || filters.from || filters.to);

  return (
    <Page title={t("title")} description={t("description")}>
      {total === 0 ? (
        <EmptyState icon={Receipt} title={t("emptyTitle")} description={t("emptyText")} />
      ) : (
        <div className="space-y-6">
          <Card aria-labelledby="total-due-heading">
            <h2 id="total-due-heading" className="text-13 font-medium text-fg-muted">
              {t("totalDue")}
            </h2>
            {due.length === 0 ? (
              <p className="mt-1 text-lg font-semibold">{t("nothingDue")}</p>
            ) : (
              <ul className="mt-1 space-y-1">
                {due.map((row) => (
                  <li key={row.currency} className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                    <span className="text-2xl font-semibold tabular-nums">{formatMoney(row.due, row.currency, locale)}</span>
                    {row.overdueCount > 0 ? (
                      <span className="rounded-full bg-danger-soft px-2 py-0.5 text-13 font-medium text-danger">
                        {t("overdueAmount", { amount: formatMoney(row.overdue, row.currency, locale), count: row.overdueCount })}
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </Card>

          <Form action="/dashboard/invoices" role="search" aria-label={t("filters")} className="flex flex-wrap items-end gap-3">
            <div className="space-y-1">
              <label htmlFor="invoice-status" className="block text-sm font-medium">
                {t("columns.status")}
              </label>
              <select id="invoice-status" name="status" defaultValue={filters.status ?? ""} className={`${inputClass} w-auto`}>
                <option value="">{t("allStatuses")}</option>
                {customerInvoiceFilters.map((status) => (
                  <option key={status} value={status}>
                    {t(`statuses.${status}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="space-y-1">
              <label htmlFor="invoice-from" className="block text-sm font-medium">
                {t("issuedFrom")}
              </label>
              <input id="invoice-from" name="from" type="date" defaultValue={filters.from ?? ""} className={`${inputClass} w-auto`} />
            </div>
            <div className="space-y-1">
              <label htmlFor="invoice-to" className="block text-sm font-medium">
                {t("issuedTo")}
              </label>
              <input id="invoice-to" name="to" type="date" defaultValue={filters.to ?? ""} className={`${inputClass} w-auto`} />
            </div>
            <button type="submit" className={buttonClass("secondary")}>
              <Search aria-hidden className="size-4" />
              {t("applyFilters")}
            </button>
            {filtered ? (
              <Link href="/dashboard/invoices" className="self-center font-medium text-primary underline-offset-2 hover:underline">
                {t("clearFilters")}
              </Link>
            ) : null}
          </Form>

          {invoices.length === 0 ? (
            <div className="rounded-xl border border-dashed border-border-strong bg-surface px-6 py-10 text-center">
              <p className="font-medium">{t("noMatches")}</p>
            </div>
          ) : (
            <InvoiceTable
              caption={t("caption")}
              rows={invoices.map((invoice) => ({
                id: invoice.id,
                number: invoice.number,
                project: invoice.projectName,
                issueDate: day(invoice.issueDate),
                dueDate: day(invoice.dueDate),
                total: formatMoney(invoice.total, invoice.currency, locale),
                badge: <InvoiceStatusBadge status={invoice.status} overdue={invoice.overdue} label={t(`statuses.${invoiceStatusKey(invoice)}`)} />,
                overdue: invoice.overdue,
              }))}
              labels={{ number: t("columns.number"), project: t("columns.project"), issueDate: t("columns.issueDate"), dueDate: t("columns.dueDate"), total: t("columns.total"), status: t("columns.status"), noProject: t("noProject") }}
            />
          )}
        </div>
      )}
    </Page>
  );
}
