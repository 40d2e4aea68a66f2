import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { InvoiceStatusBadge, invoiceStatusKey } from "@/components/invoice-status-badge";
import { Card, CardHeader } from "@/components/ui/card";
import type { listBillingHistory } from "@/db/queries/billing-history";
import { formatMoney } from "@/lib/billing/money";
import { getDateFormatter } from "@/lib/i18n/date-format-server";

type HistoryRow = Awaited<ReturnType<typeof listBillingHistory>>[number];

/** Subscription and project invoices together, newest first; each opens its invoice page. */
export async function BillingHistory({ history, locale }: { history: HistoryRow[]; locale: string }) {
  const [t, tInvoices, dates] = await Promise.all([getTranslations("billing.history"), getTranslations("invoices"), getDateFormatter()]);
  const cell = "px-4 py-3";
  return (
    <Card aria-labelledby="history-heading">
      <CardHeader
        id="history-heading"
        title={t("title")}
        actions={
          <Link href="/dashboard/invoices" prefetch={false} className="text-sm font-medium text-primary underline-offset-2 hover:underline">
            {t("allInvoices")}
          </Link>
        }
      />
      {history.length === 0 ? (
        <p className="mt-3 text-fg-muted">{t("empty")}</p>
      ) : (
        <div className="-mx-5 mt-4 sm:-mx-6">
          <table className="w-full text-start text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="border-b border-border text-13 text-fg-muted">
              <tr>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  {t("number")}
                </th>
                <th scope="col" className="hidden px-4 py-2.5 font-medium sm:table-cell">
                  {t("kind")}
                </th>
                <th scope="col" className="hidden px-4 py-2.5 font-medium sm:table-cell">
                  {t("date")}
                </th>
                <th scope="col" className="px-4 py-2.5 text-end font-medium">
                  {t("total")}
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  {t("status")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {history.map((invoice) => {
                return (
                  <tr key={invoice.id}>
                    <th scope="row" className={`${cell} font-medium`}>
                      <Link href={`/dashboard/invoices/${invoice.id}`} prefetch={false} className="text-primary underline-offset-2 hover:underline">
                        {invoice.number}
                      </Link>
                      {/* Below 640 px the kind and date columns are hidden: they show under the number. */}
                      <span className="mt-0.5 block text-13 font-normal text-fg-muted sm:hidden">
                        {t(`kinds.${invoice.kind}`)} · {dates.day(invoice.issueDate)}
                      </span>
                    </th>
                    <td className={`${cell} hidden sm:table-cell`}>{t(`kinds.${invoice.kind}`)}</td>
                    <td className={`${cell} hidden whitespace-nowrap sm:table-cell`}>{dates.day(invoice.issueDate)}</td>
                    <td className={`${cell} whitespace-nowrap text-end tabular-nums`}>{formatMoney(invoice.total, invoice.currency, locale)}</td>
                    <td className={cell}>
                      <InvoiceStatusBadge status={invoice.status} overdue={invoice.overdue} label={tInvoices(`statuses.${invoiceStatusKey(invoice)}`)} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
