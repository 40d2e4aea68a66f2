import { getLocale, getTranslations } from "next-intl/server";
import { InvoiceStatusBadge, invoiceStatusKey } from "@/components/invoice-status-badge";
import { InvoiceTable } from "@/components/invoice-table";
import { Card, CardHeader } from "@/components/ui/card";
import { listInvoicesOfProjectForAccount } from "@/db/queries/invoices";
import { formatMoney } from "@/lib/billing/money";
import { getDateFormatter } from "@/lib/i18n/date-format-server";
import { todayIn } from "@/lib/projects/dates";
import { requireUser } from "@/lib/session";

/** The project's invoices the customer may see (never drafts), on the project page. */
export async function ProjectInvoices({ projectId }: { projectId: string }) {
  const user = await requireUser();
  const [t, dates, locale, rows] = await Promise.all([
    getTranslations("invoices"),
    getDateFormatter(),
    getLocale(),
    user.accountId ? listInvoicesOfProjectForAccount(user.accountId, projectId, todayIn(user.timeZone)) : [],
  ]);
  return (
    <Card aria-labelledby="project-invoices-heading">
      <CardHeader id="project-invoices-heading" title={t("projectInvoices.heading")} />
      {rows.length === 0 ? (
        <p className="mt-2 text-fg-muted">{t("projectInvoices.none")}</p>
      ) : (
        <div className="mt-3">
          <InvoiceTable
            caption={t("projectInvoices.caption")}
            rows={rows.map((row) => ({
              id: row.id,
              number: row.number,
              project: null,
              issueDate: dates.day(row.issueDate),
              dueDate: dates.day(row.dueDate),
              total: formatMoney(row.total, row.currency, locale),
              badge: <InvoiceStatusBadge status={row.status} overdue={row.overdue} label={t(`statuses.${invoiceStatusKey(row)}`)} />,
              overdue: row.overdue,
            }))}
            labels={{ ...t.raw("columns"), noProject: t("noProject") }}
            showProject={false}
          />
        </div>
      )}
    </Card>
  );
}
