import { Plus } from "lucide-react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Page } from "@/components/page";
import { ButtonLink } from "@/components/ui/button";
import { adminListInvoices } from "@/db/queries/invoices";
import { formatMoney } from "@/lib/billing/money";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { todayIn } from "@/lib/projects/dates";
import { requireAdmin } from "@/lib/session";
import { adminInvoicesSearchSchema } from "@/lib/validations/invoices";
import { invoicesTableHref } from "../href";
import { InvoicesTable } from "./invoices-table";

export async function generateMetadata(): Promise<Metadata> {
  await requireAdmin();
  return { title: (await getTranslations("adminInvoices"))("title") };
}

export default async function AdminInvoicesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin();
  const params = adminInvoicesSearchSchema.parse(await searchParams);
  const [t, locale, { rows, total }] = await Promise.all([getTranslations("adminInvoices"), getLocale(), adminListInvoices(params, todayIn(admin.timeZone))]);
  const pageCount = Math.max(1, Math.ceil(total / params.pageSize));
  if (params.page > pageCount) redirect(invoicesTableHref("/admin/invoices", params, { page: pageCount }));
  return (
    <Page
      title={t("title")}
      description={t("description")}
      actions={
        <ButtonLink href="/admin/invoices/new">
          <Plus aria-hidden className="size-4" />
          {t("newInvoice")}
        </ButtonLink>
      }
    >
      <ClientMessages namespaces={["adminInvoices", "invoices", "pager"]}>
        <InvoicesTable rows={rows.map((row) => ({ ...row, totalText: formatMoney(row.total, row.currency, locale) }))} total={total} params={params} />
      </ClientMessages>
    </Page>
  );
}
