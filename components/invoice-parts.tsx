import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { formatMoney } from "@/lib/billing/money";
import type { InvoiceStatus, PaymentMethod, PaymentStatus } from "@/lib/constants";
import { getDateFormatter } from "@/lib/i18n/date-format-server";

type Item = { id: string; description: string; quantity: number; unitAmount: number; amount: number };
type Totals = { status: InvoiceStatus; currency: string; taxRate: number; subtotal: number; tax: number; total: number; amountPaid: number };

/** The invoice's lines with subtotal, tax (its rate shown), total, what was paid and the balance. */
export async function InvoiceItemsCard({ invoice, items }: { invoice: Totals; items: Item[] }) {
  const [t, locale] = await Promise.all([getTranslations("invoices"), getLocale()]);
  const money = (amount: number) => formatMoney(amount, invoice.currency, locale);
  const rate = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(invoice.taxRate / 10_000);
  const totalRow = (label: string, value: string, strong = false) => (
    <tr className={strong ? "font-semibold" : ""}>
      <th scope="row" colSpan={3} className={`px-4 py-1.5 text-end max-sm:hidden ${strong ? "font-semibold" : "font-normal"}`}>
        {label}
      </th>
      <th scope="row" className={`px-4 py-1.5 text-start sm:hidden ${strong ? "font-semibold" : "font-normal"}`}>
        {label}
      </th>
      <td className="whitespace-nowrap px-4 py-1.5 text-end tabular-nums">{value}</td>
    </tr>
  );
  return (
    // A card whose table runs to its edges: the padding is on the heading only.
    <section aria-labelledby="items-heading" className="rounded-xl border border-border bg-surface pb-3 shadow-card">
      <div className="px-5 pt-5 sm:px-6 sm:pt-6">
        <CardHeader id="items-heading" title={t("items.heading")} />
      </div>
      <div className="mt-3 overflow-x-auto">
        <table className="w-full text-start text-sm">
          <caption className="sr-only">{t("items.heading")}</caption>
          <thead className="border-y border-border bg-surface-muted text-13 text-fg-muted">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">
                {t("items.description")}
              </th>
              <th scope="col" className="px-4 py-2 text-end font-medium max-sm:hidden">
                {t("items.quantity")}
              </th>
              <th scope="col" className="px-4 py-2 text-end font-medium max-sm:hidden">
                {t("items.unitAmount")}
              </th>
              <th scope="col" className="px-4 py-2 text-end font-medium">
                {t("items.amount")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {items.map((item) => (
              <tr key={item.id}>
                <td className="px-4 py-2.5 align-top">
                  <span className="break-words">{item.description}</span>
                  <span className="block text-13 text-fg-muted sm:hidden">{t("items.quantityTimes", { quantity: item.quantity, amount: money(item.unitAmount) })}</span>
                </td>
                <td className="px-4 py-2.5 text-end tabular-nums max-sm:hidden">{item.quantity}</td>
                <td className="whitespace-nowrap px-4 py-2.5 text-end tabular-nums max-sm:hidden">{money(item.unitAmount)}</td>
                <td className="whitespace-nowrap px-4 py-2.5 text-end tabular-nums">{money(item.amount)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t border-border">
            {totalRow(t("subtotal"), money(invoice.subtotal))}
            {totalRow(t("taxWithRate", { rate }), money(invoice.tax))}
            {totalRow(t("total"), money(invoice.total), true)}
            {totalRow(t("amountPaid"), money(invoice.amountPaid))}
            {invoice.status === "open" ? totalRow(t("balance"), money(invoice.total - invoice.amountPaid), true) : null}
          </tfoot>
        </table>
      </div>
    </section>
  );
}

type PaymentRow = {
  id: string;
  amount: number;
  currency: string;
  status: PaymentStatus;
  method: PaymentMethod;
  cardBrand: string | null;
  cardLast4: string | null;
  failureMessage: string | null;
  note: string | null;
  occurredAt: Date;
};

/** Payments and failed attempts, oldest first, with when (in the reader's time zone), how and how much. */
export async function InvoicePaymentsCard({ payments, showNotes = false }: { payments: PaymentRow[]; showNotes?: boolean }) {
  const [t, dates, locale] = await Promise.all([getTranslations("invoices"), getDateFormatter(), getLocale()]);
  return (
    <Card aria-labelledby="payments-heading">
      <CardHeader id="payments-heading" title={t("payments.heading")} />
      {payments.length === 0 ? (
        <p className="mt-2 text-fg-muted">{t("payments.none")}</p>
      ) : (
        <ul className="mt-3 divide-y divide-border">
          {payments.map((payment) => (
            <li key={payment.id} className="flex flex-wrap items-start justify-between gap-2 py-2.5">
              <div className="min-w-0">
                <p className="font-medium tabular-nums">{formatMoney(payment.amount, payment.currency, locale)}</p>
                <p className="text-13 text-fg-muted">
                  <time dateTime={payment.occurredAt.toISOString()}>{dates.dateTime(payment.occurredAt)}</time>
                  {" · "}
                  {t(`paymentMethods.${payment.method}`)}
                  {payment.cardBrand && payment.cardLast4 ? ` · ${t("payments.card", { brand: payment.cardBrand, last4: payment.cardLast4 })}` : null}
                </p>
                {payment.status === "failed" && payment.failureMessage ? <p className="text-13 text-danger">{t("payments.failure", { message: payment.failureMessage })}</p> : null}
                {showNotes && payment.note ? <p className="break-words text-13 text-fg-muted">{payment.note}</p> : null}
              </div>
              <Badge tone={payment.status === "succeeded" ? "success" : "danger"}>{t(`paymentStatuses.${payment.status}`)}</Badge>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
