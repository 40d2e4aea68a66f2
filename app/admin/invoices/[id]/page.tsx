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
import { adminGetInvoice } from "@/db/queries/invoices";
import { adminListProjectsOfAccount } from "@/db/queries/projects";
import { formatMoney, minorUnitDigits } from "@/lib/billing/money";
import { invoiceSteps } from "@/lib/constants";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getDateFormatter } from "@/lib/i18n/date-format-server";
import { todayIn } from "@/lib/projects/dates";
import { requireAdmin } from "@/lib/session";
import { updateInvoiceAction } from "../actions";
import { InvoiceEditor } from "../invoice-editor";
import { InvoiceStepsForm, RecordPaymentForm } from "./invoice-forms";

type Params = Promise<{ id: string }>;

const loadInvoice = cache(async (id: string) => {
  const admin = await requireAdmin();
  const invoice = z.uuid().safeParse(id).success ? await adminGetInvoice(id, todayIn(admin.timeZone)) : null;
  if (!invoice) notFound();
  return invoice;
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: (await loadInvoice((await params).id)).number };
}

/** Typed amounts as staff type them ("268.35"), not as they are shown. */
function plainAmount(amount: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  return (amount / 10 ** digits).toFixed(digits);
}

export default async function AdminInvoicePage({ params, searchParams }: { params: Params; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [admin, invoice, search] = await Promise.all([requireAdmin(), loadInvoice((await params).id), searchParams]);
  const [t, tInvoices, dates, locale] = await Promise.all([getTranslations("adminInvoices"), getTranslations("invoices"), getDateFormatter(), getLocale()]);
  const projects = invoice.status === "draft" ? await adminListProjectsOfAccount(invoice.accountId) : [];
  const day = (value: string) => dates.day(value);
  // Stripe owns a subscription invoice: staff read it, and change nothing here.
  const fromStripe = invoice.kind === "subscription";
  const isOpen = invoice.status === "open" && !fromStripe;
  const steps = fromStripe ? [] : invoiceSteps.filter((step) => (step === "send" ? invoice.status === "draft" : step === "void" ? invoice.status === "draft" || isOpen : isOpen));
  const dateTime = (date: Date) => dates.dateTime(date);

  return (
    <>
      <div className="mx-auto w-full max-w-6xl">
        <Link href="/admin/invoices" prefetch={false} className="text-sm text-primary underline-offset-2 hover:underline">
          {t("back")}
        </Link>
      </div>
      <div className="mt-3">
        <Page title={tInvoices("heading", { number: invoice.number })} actions={<InvoiceStatusBadge status={invoice.status} overdue={invoice.overdue} label={tInvoices(`statuses.${invoiceStatusKey(invoice)}`)} />}>
          <div className="-mt-3 mb-6 space-y-1 text-fg-muted">
            <p>{t("customerLine", { customer: invoice.customerName })}</p>
            {invoice.projectId && invoice.projectName ? (
              <p>
                {t.rich("projectLine", {
                  project: invoice.projectName,
                  link: (chunks) => (
                    <Link href={`/admin/projects/${invoice.projectId}`} prefetch={false} className="font-medium text-primary underline-offset-2 hover:underline">
                      {chunks}
                    </Link>
                  ),
                })}
              </p>
            ) : null}
          </div>
          {search.created || search.paid ? (
            <p role="status" className="mb-6 rounded-md bg-success-soft px-3 py-2 text-sm text-success">
              {t(search.created ? "messages.created" : "messages.paid")}
            </p>
          ) : null}
          <ClientMessages namespaces={["adminInvoices", "invoices"]}>
            <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-3">
              <div className="min-w-0 space-y-6 lg:col-span-2">
                <InvoiceItemsCard invoice={invoice} items={invoice.items} />
                {invoice.status === "draft" ? (
                  <Card aria-labelledby="edit-heading">
                    <CardHeader id="edit-heading" title={t("editHeading")} description={t("draftNote")} />
                    <InvoiceEditor
                      action={updateInvoiceAction}
                      hidden={{ invoiceId: invoice.id }}
                      projects={projects.map((row) => ({ id: row.id, name: row.name }))}
                      initial={{
                        projectId: invoice.projectId ?? "",
                        currency: invoice.currency,
                        taxRate: String(invoice.taxRate / 100),
                        issueDate: invoice.issueDate,
                        dueDate: invoice.dueDate,
                        notes: invoice.notes,
                        items: invoice.items.map((item) => ({ description: item.description, quantity: String(item.quantity), unitAmount: plainAmount(item.unitAmount, invoice.currency) })),
                      }}
                      submitLabel={t("form.save")}
                    />
                  </Card>
                ) : invoice.notes ? (
                  <Card aria-labelledby="notes-heading">
                    <CardHeader id="notes-heading" title={tInvoices("notes")} />
                    <p className="mt-2 whitespace-pre-line break-words">{invoice.notes}</p>
                  </Card>
                ) : null}
                <InvoicePaymentsCard payments={invoice.payments} showNotes />
              </div>
              <div className="min-w-0 space-y-6">
                <Card aria-labelledby="status-heading">
                  <CardHeader id="status-heading" title={t("statusHeading")} />
                  <dl className="mt-3 grid grid-cols-2 gap-3 text-sm">
                    <div>
                      <dt className="text-13 text-fg-muted">{tInvoices("issueDate")}</dt>
                      <dd className="font-medium">{day(invoice.issueDate)}</dd>
                    </div>
                    <div>
                      <dt className="text-13 text-fg-muted">{tInvoices("dueDate")}</dt>
                      <dd className={`font-medium ${invoice.overdue ? "text-danger" : ""}`}>{day(invoice.dueDate)}</dd>
                    </div>
                    <div>
                      <dt className="text-13 text-fg-muted">{tInvoices("total")}</dt>
                      <dd className="font-medium">{formatMoney(invoice.total, invoice.currency, locale)}</dd>
                    </div>
                    {isOpen ? (
                      <div>
                        <dt className="text-13 text-fg-muted">{tInvoices("balance")}</dt>
                        <dd className="font-medium">{formatMoney(invoice.total - invoice.amountPaid, invoice.currency, locale)}</dd>
                      </div>
                    ) : null}
                    {invoice.sentAt ? (
                      <div className="col-span-2">
                        <dt className="text-13 text-fg-muted">{t("sentAt")}</dt>
                        <dd className="font-medium">{dateTime(invoice.sentAt)}</dd>
                      </div>
                    ) : null}
                  </dl>
                  <div className="mt-5">
                    <InvoiceStepsForm invoiceId={invoice.id} number={invoice.number} steps={steps}>
                      {steps.length === 0 ? <p className="text-fg-muted">{t(fromStripe ? "fromStripe" : "noSteps")}</p> : null}
                      <a href={`/api/invoices/${invoice.id}/pdf`} download className={buttonClass("secondary", "w-full")}>
                        <Download aria-hidden className="size-4" />
                        {tInvoices("downloadPdf")}
                      </a>
                    </InvoiceStepsForm>
                  </div>
                </Card>
                {isOpen ? (
                  <Card aria-labelledby="payment-heading">
                    <CardHeader id="payment-heading" title={t("payment.heading")} description={t("payment.description")} />
                    <RecordPaymentForm invoiceId={invoice.id} currency={invoice.currency} balance={plainAmount(invoice.total - invoice.amountPaid, invoice.currency)} today={todayIn(admin.timeZone)} />
                  </Card>
                ) : null}
              </div>
            </div>
          </ClientMessages>
        </Page>
      </div>
    </>
  );
}
