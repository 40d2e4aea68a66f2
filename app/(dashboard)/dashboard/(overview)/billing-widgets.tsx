import { getTranslations } from "next-intl/server";
import { SubscriptionStatusBadge } from "@/components/billing/subscription-status-badge";
import { UsageBar } from "@/components/billing/usage-bar";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import type { SessionUser } from "@/db/queries/sessions";
import { formatMoney } from "@/lib/billing/money";
import { getDateFormatter } from "@/lib/i18n/date-format-server";
import type { Overview } from "@/lib/overview/service";
import { WidgetCard, WidgetEmpty } from "./widget-card";

type Props = { overview: Overview; user: SessionUser; detailed: boolean };

/** The plan, its status, the days left in the period and the minutes used against the plan's. */
export async function SubscriptionWidget({ overview, detailed }: Props) {
  const [t, tBilling, dates] = await Promise.all([getTranslations("overviewBilling"), getTranslations("billing"), getDateFormatter()]);
  const { subscription, usage } = overview;
  const ending = subscription?.cancelAtPeriodEnd ?? false;
  return (
    <WidgetCard id="subscription-widget-heading" title={t("subscriptionTitle")} link={{ href: "/dashboard/billing", label: t("details") }}>
      {subscription && usage ? (
        <div className="space-y-3">
          <p className="flex flex-wrap items-center gap-2">
            <span className="text-lg font-semibold">{subscription.planName}</span>
            <SubscriptionStatusBadge
              status={subscription.status}
              ending={ending}
              label={ending && subscription.status === "active" ? tBilling("statuses.ending") : tBilling(`statuses.${subscription.status}`)}
            />
          </p>
          <p className="text-13 text-fg-muted">
            {t(ending ? "endsIn" : "renewsIn", { count: overview.daysRemaining ?? 0 })}
            {detailed ? ` · ${t("periodEnd", { date: dates.date(subscription.currentPeriodEnd) })}` : null}
          </p>
          <div>
            <UsageBar percent={usage.percent} label={t("usageLabel")} valueText={t("usage", { used: usage.minutes, included: usage.includedMinutes })} />
            <p className="mt-1.5 text-13 text-fg-muted">{t("usage", { used: usage.minutes, included: usage.includedMinutes })}</p>
          </div>
        </div>
      ) : (
        <div className="space-y-3">
          <p className="text-fg-muted">{t("noSubscription")}</p>
          <ButtonLink href="/dashboard/billing" size="sm">
            {t("choosePlan")}
          </ButtonLink>
        </div>
      )}
    </WidgetCard>
  );
}

/** What the account owes, per currency, and how much of it is overdue. */
export async function InvoicesWidget({ overview, user, detailed }: Props) {
  const t = await getTranslations("overviewBilling");
  const { openInvoiceCount: openCount, overdueInvoiceCount: overdueCount } = overview;
  return (
    <WidgetCard id="open-invoices-heading" title={t("openInvoicesTitle")} link={{ href: "/dashboard/invoices", label: t("allInvoices") }}>
      {openCount === 0 ? (
        <WidgetEmpty text={t("noOpenInvoices")} />
      ) : (
        <div className="space-y-2">
          <p>{t("openCount", { count: openCount })}</p>
          <ul aria-label={t("amountDueLabel")} className="space-y-0.5">
            {overview.amountsDue.map((row) => (
              <li key={row.currency}>
                <span className="text-lg font-semibold tabular-nums">{t("amountDue", { amount: formatMoney(row.due, row.currency, user.locale) })}</span>
                {detailed && row.overdue > 0 ? <span className="ms-2 text-13 text-danger">{t("overdueAmount", { amount: formatMoney(row.overdue, row.currency, user.locale) })}</span> : null}
              </li>
            ))}
          </ul>
          {overdueCount > 0 ? <Badge tone="danger">{t("overdueCount", { count: overdueCount })}</Badge> : null}
        </div>
      )}
    </WidgetCard>
  );
}
