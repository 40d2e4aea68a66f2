import { CreditCard } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BillingActionForm } from "@/components/billing/action-form";
import { SubscriptionStatusBadge } from "@/components/billing/subscription-status-badge";
import { UsageBar } from "@/components/billing/usage-bar";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { getOldestOpenInvoice } from "@/db/queries/billing-history";
import { getAmountsDueForAccount } from "@/db/queries/invoices";
import type { SessionUser } from "@/db/queries/sessions";
import { getCurrentSubscription } from "@/db/queries/subscriptions";
import { formatMoney } from "@/lib/billing/money";
import { daysRemaining } from "@/lib/billing/period";
import { usageThisPeriod } from "@/lib/billing/usage";
import { todayIn } from "@/lib/projects/dates";
import { payInvoiceAction } from "../invoices/actions";

const linkClass = "text-sm font-medium text-primary underline-offset-2 hover:underline";

/** The account's subscription and what it owes at a glance, with the two billing shortcuts. */
export async function BillingWidgets({ user }: { user: SessionUser & { accountId: string } }) {
  const [t, tBilling, subscription, openTotals, oldest] = await Promise.all([
    getTranslations("overviewBilling"),
    getTranslations("billing"),
    getCurrentSubscription(user.accountId),
    getAmountsDueForAccount(user.accountId, todayIn(user.timeZone)),
    getOldestOpenInvoice(user.accountId),
  ]);
  const usage = subscription
    ? await usageThisPeriod(user.accountId, { start: subscription.currentPeriodStart, end: subscription.currentPeriodEnd, includedMinutes: subscription.plan.includedMinutes })
    : null;
  const openCount = openTotals.reduce((sum, row) => sum + row.count, 0);
  const overdueCount = openTotals.reduce((sum, row) => sum + row.overdueCount, 0);
  const ending = subscription?.cancelAtPeriodEnd ?? false;
  return (
    <>
      <Card aria-labelledby="subscription-widget-heading">
        <CardHeader
          id="subscription-widget-heading"
          title={t("subscriptionTitle")}
          actions={
            <Link href="/dashboard/billing" prefetch={false} className={linkClass}>
              {t("details")}
            </Link>
          }
        />
        {subscription && usage ? (
          <div className="mt-3 space-y-3">
            <p className="flex flex-wrap items-center gap-2">
              <span className="text-lg font-semibold">{subscription.plan.name}</span>
              <SubscriptionStatusBadge
                status={subscription.status}
                ending={ending}
                label={ending && subscription.status === "active" ? tBilling("statuses.ending") : tBilling(`statuses.${subscription.status}`)}
              />
            </p>
            <p className="text-13 text-fg-muted">{t(ending ? "endsIn" : "renewsIn", { count: daysRemaining(subscription.currentPeriodEnd, user.timeZone) })}</p>
            <div>
              <UsageBar percent={usage.percent} label={t("usageLabel")} valueText={t("usage", { used: usage.minutes, included: usage.includedMinutes })} />
              <p className="mt-1.5 text-13 text-fg-muted">{t("usage", { used: usage.minutes, included: usage.includedMinutes })}</p>
            </div>
          </div>
        ) : (
          <div className="mt-3 space-y-3">
            <p className="text-fg-muted">{t("noSubscription")}</p>
            <ButtonLink href="/dashboard/billing" size="sm">
              {t("choosePlan")}
            </ButtonLink>
          </div>
        )}
      </Card>
      <Card aria-labelledby="open-invoices-heading">
        <CardHeader
          id="open-invoices-heading"
          title={t("openInvoicesTitle")}
          actions={
            <Link href="/dashboard/invoices" prefetch={false} className={linkClass}>
              {t("allInvoices")}
            </Link>
          }
        />
        {openCount === 0 ? (
          <p className="mt-3 text-fg-muted">{t("noOpenInvoices")}</p>
        ) : (
          <div className="mt-3 space-y-2">
            <p>{t("openCount", { count: openCount })}</p>
            <ul aria-label={t("amountDueLabel")} className="space-y-0.5">
              {openTotals.map((row) => (
                <li key={row.currency} className="text-lg font-semibold tabular-nums">
                  {t("amountDue", { amount: formatMoney(row.due, row.currency, user.locale) })}
                </li>
              ))}
            </ul>
            {overdueCount > 0 ? <Badge tone="danger">{t("overdueCount", { count: overdueCount })}</Badge> : null}
          </div>
        )}
      </Card>
      <Card aria-labelledby="billing-actions-heading">
        <CardHeader id="billing-actions-heading" title={t("actionsTitle")} />
        <div className="mt-3 flex flex-col items-start gap-3">
          {oldest ? <BillingActionForm action={payInvoiceAction} fields={{ invoiceId: oldest.id }} label={t("payOldest", { number: oldest.number })} pendingLabel={t("opening")} /> : null}
          <ButtonLink href="/dashboard/billing" variant="secondary">
            <CreditCard aria-hidden className="size-4" />
            {t("manageSubscription")}
          </ButtonLink>
        </div>
      </Card>
    </>
  );
}
