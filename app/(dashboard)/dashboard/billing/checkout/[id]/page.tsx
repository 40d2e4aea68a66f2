import { FlaskConical } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { z } from "zod";
import { Page } from "@/components/page";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getOpenDemoCheckout } from "@/lib/billing/demo-checkout";
import { formatMoney } from "@/lib/billing/money";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { requireUser } from "@/lib/session";
import { DemoCardForm } from "./demo-card-form";

type Props = { params: Promise<{ id: string }> };

/** The user's own demo checkout; another user's id, a malformed one, or Stripe mode is a 404. */
const checkoutOf = cache(async (id: string) => {
  const user = await requireUser();
  if (!z.uuid().safeParse(id).success) return null;
  return getOpenDemoCheckout(user, id);
});

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("checkout"))("title") };
}

export default async function DemoCheckoutPage({ params }: Props) {
  const checkout = await checkoutOf((await params).id);
  if (!checkout) notFound();
  const [t, locale] = await Promise.all([getTranslations("checkout"), getLocale()]);
  const amount = formatMoney(checkout.amount, checkout.currency, locale);
  const back = checkout.purpose === "invoice" && checkout.invoiceId ? `/dashboard/invoices/${checkout.invoiceId}?checkout=cancelled` : "/dashboard/billing?checkout=cancelled";
  const item =
    checkout.purpose === "invoice"
      ? t("forInvoice", { number: checkout.invoiceNumber ?? "" })
      : checkout.purpose === "subscription"
        ? t("forPlan", { plan: checkout.planName ?? "" })
        : t("forOverdue", { plan: checkout.planName ?? "" });
  return (
    <Page title={t("title")} width="narrow">
      <div role="note" aria-labelledby="demo-mode-title" className="mb-6 flex gap-3 rounded-lg border border-warning bg-warning-soft p-4 text-sm">
        <FlaskConical aria-hidden className="mt-0.5 size-5 shrink-0 text-warning" />
        <div>
          <p id="demo-mode-title" className="font-semibold">
            {t("demoMode")}
          </p>
          <p className="mt-1">{t("demoHelp")}</p>
        </div>
      </div>
      <Card>
        <dl className="mb-6 flex flex-wrap items-baseline justify-between gap-2 border-b border-border pb-4">
          <dt className="sr-only">{t("payingFor")}</dt>
          <dd className="text-fg">{item}</dd>
          <dt className="sr-only">{t("amount")}</dt>
          <dd className="text-2xl font-semibold tabular-nums" data-testid="checkout-amount">
            {amount}
          </dd>
        </dl>
        {checkout.open ? (
          <ClientMessages namespaces={["checkout"]}>
            <DemoCardForm checkoutId={checkout.id} payLabel={t("pay", { amount })} />
          </ClientMessages>
        ) : (
          <p role="status" className="text-fg-muted">
            {checkout.status === "complete" ? t("alreadyPaid") : t("closed")}
          </p>
        )}
        <Link href={back} prefetch={false} className={`${buttonClass("ghost")} mt-4 w-full`}>
          {checkout.open ? t("cancel") : t("back")}
        </Link>
      </Card>
    </Page>
  );
}
