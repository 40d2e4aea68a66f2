import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { InvoiceStatusBadge, invoiceStatusKey } from "@/components/invoice-status-badge";
import { InvoiceTable } from "@/components/invoice-table";
import { Card, CardHeader } from "@/components/ui/card";
import { adminListInvoicesOfAccount, adminListInvoicesOfProject } from "@/db/queries/invoices";
import { formatMoney } from "@/lib/billing/money";
import { getDateFormatter } from "@/lib/i18n/date-format-server";
import { todayIn } from "@/lib/projects/dates";
import { requireAdmin } from "@/lib/session";

const linkClass = "text-sm font-medium text-primary underline-offset-2 hover:underline";

/** A card of invoices for staff (drafts included), each linking to its staff page, with a link to write a new one. */
async function StaffInvoicesCard({ id, rows, newHref, caption }: { id: string; rows: Awaited<ReturnType<typeof adminListInvoicesOfAccount>>; newHref: string; caption: string }) {
  const [t, tInvoices, dates, locale] = await Promise.all([getTranslations("adminInvoices"), getTranslations("invoices"), getDateFormatter(), getLocale()]);
  return (
    <Card className="mt-6" aria-labelledby={id}>
      <CardHeader
        id={id}
        title={t("related.heading")}
        actions={
          <Link href={newHref} prefetch={false} className={linkClass}>
            {t("newInvoice")}
          </Link>
        }
      />
      {rows.length === 0 ? (
        <p className="mt-2 text-fg-muted">{t("related.none")}</p>
      ) : (
        <div className="mt-3">
          <InvoiceTable
            caption={caption}
            hrefBase="/admin/invoices"
            rows={rows.map((row) => ({
              id: row.id,
              number: row.number,
              project: row.projectName,
              issueDate: dates.day(row.issueDate),
              dueDate: dates.day(row.dueDate),
              total: formatMoney(row.total, row.currency, locale),
              badge: <InvoiceStatusBadge status={row.status} overdue={row.overdue} label={tInvoices(`statuses.${invoiceStatusKey(row)}`)} />,
              overdue: row.overdue,
            }))}
            labels={{ ...tInvoices.raw("columns"), noProject: tInvoices("noProject") }}
          />
        </div>
      )}
    </Card>
  );
}

/** For the staff user page: the customer account's invoices. */
export async function AccountInvoices({ accountId }: { accountId: string }) {
  const admin = await requireAdmin();
  const [t, rows] = await Promise.all([getTranslations("adminInvoices.related"), adminListInvoicesOfAccount(accountId, todayIn(admin.timeZone))]);
  return <StaffInvoicesCard id="account-invoices-heading" rows={rows} newHref={`/admin/invoices/new?account=${accountId}`} caption={t("accountCaption")} />;
}

/** For the staff project page: the project's invoices. */
export async function ProjectInvoices({ projectId, accountId }: { projectId: string; accountId: string }) {
  const admin = await requireAdmin();
  const [t, rows] = await Promise.all([getTranslations("adminInvoices.related"), adminListInvoicesOfProject(projectId, todayIn(admin.timeZone))]);
  return <StaffInvoicesCard id="project-invoices-heading" rows={rows} newHref={`/admin/invoices/new?account=${accountId}&project=${projectId}`} caption={t("projectCaption")} />;
}
