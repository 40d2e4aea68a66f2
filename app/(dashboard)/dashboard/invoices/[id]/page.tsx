import { Download } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { z } from "zod";
import { InvoiceItemsCard, InvoicePaymentsCard } from "@/components/invoice-parts";
import { InvoiceStatusBadge, invoiceStatusKey } from "@/components/invoice-status-badge";
import { Page } from "@/components/page";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { getInvoiceForAccount } from "@/db/queries/invoices";
import { formatMoney } from "@/lib/billing/money";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getDateFormatter } from "@/lib/i18n/date-format-server";
import { todayIn } from "@/lib/projects/dates";
import { requireUser } from "@/lib/session";
import { invoicePageSearchSchema } from "@/lib/validations/invoices";
import { PayForm } from "./pay-form";

type Params = Promise<{ id: string }>;

/** The invoice of the URL if it is the user's account's and was sent; anything else is the same 404. */
const loadInvoice = cache(async (id: string) => {
  const user = await requireUser();
  const invoice = user.accountId && z.uuid().safeParse(id).success ? await getInvoiceForAccount(user.accountId, id, todayIn(user.timeZone)) : null;
  if (!invoice) notFound();
  return invoice;
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: (await loadInvoice((await params).id)).number };
}

export default async function InvoicePage({ params, searchParams }: { params: Params; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [invoice, { checkout }] = await Promise.all([loadInvoice((await params).id), searchParams.then((search) => invoicePageSearchSchema.parse(search))]);
  const [t, dates, locale] = await Promise.all([getTranslations("invoices"), getDateFormatter(), getLocale()]);
  const day = (value: string) => dates.day(value);
  const balance = formatMoney(invoice.total - invoice.amountPaid, invoice.currency, locale);
  const fact = (label: string, value: React.ReactNode, className = "") => (
    <div>
      <dt className="text-13 text-fg-muted">{label}</dt>
      <dd className={`font-medium ${className}`}>{value}</dd>
    </div>
  );

  return (
    <>
      <div className="mx-auto w-full max-w-6xl">
        <Link href="/dashboard/invoices" className="text-sm text-primary underline-offset-2 hover:underline">
          {t("back")}
        </Link>
      </div>
      <div className="mt-3">
        <Page title={t("heading", { number: invoice.number })} actions={<InvoiceStatusBadge status={invoice.status} overdue={invoice.overdue} label={t(`statuses.${invoiceStatusKey(invoice)}`)} />}>
          {/* The return from checkout proves nothing: only the payment provider's event marks an invoice paid. */}
          {checkout === "success" && invoice.status !== "paid" ? (
            <p role="status" className="mb-6 rounded-md bg-primary-soft px-3 py-2 text-sm text-primary">
              {t("checkout.success")}
            </p>
          ) : null}
          {checkout === "cancelled" ? (
            <p role="status" className="mb-6 rounded-md bg-surface-muted px-3 py-2 text-sm">
              {t("checkout.cancelled")}
            </p>
          ) : null}
          <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-3">
            <div className="min-w-0 space-y-6 lg:col-span-2">
              <InvoiceItemsCard invoice={invoice} items={invoice.items} />
              <InvoicePaymentsCard payments={invoice.payments} />
              {invoice.notes ? (
                <Card aria-labelledby="notes-heading">
                  <CardHeader id="notes-heading" title={t("notes")} />
                  <p className="mt-2 whitespace-pre-line break-words">{invoice.notes}</p>
                </Card>
              ) : null}
            </div>
            <div className="min-w-0 space-y-6 max-lg:order-first">
              <Card aria-labelledby="summary-heading">
                <CardHeader id="summary-heading" title={t("summary")} />
                <dl className="mt-3 grid grid-cols-2 gap-3 text-sm">
                  {fact(t("issueDate"), day(invoice.issueDate))}
                  {fact(t("dueDate"), day(invoice.dueDate), invoice.overdue ? "text-danger" : "")}
                  {invoice.status === "paid" && invoice.paidAt ? fact(t("paidOn"), dates.date(invoice.paidAt)) : null}
                  {invoice.projectId && invoice.projectName
                    ? fact(
                        t("project"),
                        <Link href={`/dashboard/projects/${invoice.projectId}`} className="break-words text-primary underline-offset-2 hover:underline">
                          {invoice.projectName}
                        </Link>,
                      )
                    : null}
                  {fact(t("total"), formatMoney(invoice.total, invoice.currency, locale))}
                  {invoice.status === "open" ? fact(t("balance"), balance, invoice.overdue ? "text-danger" : "") : null}
                </dl>
                <div className="mt-5 space-y-3">
                  {invoice.status === "open" && invoice.total > invoice.amountPaid ? (
                    invoice.kind === "subscription" ? (
                      // Stripe charges subscription invoices to the saved card: paying one here too would charge twice.
                      <p className="text-sm text-fg-muted">
                        {t.rich("subscriptionCharge", { link: (chunks) => <Link href="/dashboard/billing" className="font-medium text-primary underline underline-offset-2">{chunks}</Link> })}
                      </p>
                    ) : (
                      <ClientMessages namespaces={["invoices"]}>
                        <PayForm invoiceId={invoice.id} amount={balance} />
                      </ClientMessages>
                    )
                  ) : null}
                  <a href={`/api/invoices/${invoice.id}/pdf`} download className={buttonClass("secondary", "w-full")}>
                    <Download aria-hidden className="size-4" />
                    {t("downloadPdf")}
                  </a>
                </div>
              </Card>
            </div>
          </div>
        </Page>
      </div>
    </>
  );
}
