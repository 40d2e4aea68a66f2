import { getTranslations } from "next-intl/server";
import { BillingActionForm } from "@/components/billing/action-form";
import { SubscriptionStatusBadge } from "@/components/billing/subscription-status-badge";
import { UsageBar } from "@/components/billing/usage-bar";
import { Card, CardHeader } from "@/components/ui/card";
import type { SessionUser } from "@/db/queries/sessions";
import type { CurrentSubscription } from "@/db/queries/subscriptions";
import { formatMoney } from "@/lib/billing/money";
import { daysRemaining } from "@/lib/billing/period";
import type { Usage } from "@/lib/billing/usage";
import { CANCEL_REASON_MAX } from "@/lib/constants";
import { getDateFormatter } from "@/lib/i18n/date-format-server";
import { reactivateSubscriptionAction } from "./actions";
import { CancelSubscriptionForm } from "./cancel-form";

/** The current plan, its status and period, this period's usage, and cancelling or reactivating it. */
export async function SubscriptionCard({ user, subscription, usage }: { user: SessionUser; subscription: CurrentSubscription | null; usage: Usage | null }) {
  const [t, dates] = await Promise.all([getTranslations("billing"), getDateFormatter()]);
  if (!subscription || !usage) {
    return (
      <Card aria-labelledby="subscription-heading">
        <CardHeader id="subscription-heading" title={t("subscription.title")} />
        <p className="mt-2 text-fg-muted">{t("subscription.none")}</p>
      </Card>
    );
  }
  const ending = subscription.cancelAtPeriodEnd;
  const periodEnd = dates.date(subscription.currentPeriodEnd);
  const days = daysRemaining(subscription.currentPeriodEnd, user.timeZone);
  const statusLabel = ending && subscription.status === "active" ? t("statuses.ending") : t(`statuses.${subscription.status}`);
  return (
    <Card aria-labelledby="subscription-heading">
      <CardHeader id="subscription-heading" title={t("subscription.title")} />
      <dl className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <dt className="text-13 text-fg-muted">{t("subscription.plan")}</dt>
          <dd className="text-lg font-semibold">{subscription.plan.name}</dd>
          <dd className="text-13 text-fg-muted">{t("perMonth", { price: formatMoney(subscription.plan.monthlyPrice, subscription.plan.currency, user.locale) })}</dd>
        </div>
        <div>
          <dt className="text-13 text-fg-muted">{t("subscription.status")}</dt>
          <dd className="mt-1">
            <SubscriptionStatusBadge status={subscription.status} ending={ending} label={statusLabel} />
          </dd>
        </div>
        <div>
          <dt className="text-13 text-fg-muted">{t(ending ? "subscription.endsOn" : "subscription.renewsOn")}</dt>
          <dd className="font-medium">
            <time dateTime={subscription.currentPeriodEnd.toISOString()}>{periodEnd}</time>
          </dd>
        </div>
        <div>
          <dt className="text-13 text-fg-muted">{t("subscription.remaining")}</dt>
          <dd className="font-medium">{t("subscription.days", { count: days })}</dd>
        </div>
      </dl>

      <section aria-labelledby="usage-heading" className="mt-6 border-t border-border pt-5">
        <h3 id="usage-heading" className="text-sm font-semibold">
          {t("usage.title")}
        </h3>
        <p className="mt-1 text-13 text-fg-muted">{t("usage.help")}</p>
        <div className="mt-3">
          <UsageBar percent={usage.percent} label={t("usage.barLabel")} valueText={t("usage.minutes", { used: usage.minutes, included: usage.includedMinutes })} />
        </div>
        <p className="mt-2 flex flex-wrap justify-between gap-x-4 text-sm">
          <span>{t("usage.minutes", { used: usage.minutes, included: usage.includedMinutes })}</span>
          <span className="text-fg-muted">{t("usage.calls", { count: usage.calls })}</span>
        </p>
        {usage.percent >= 80 ? (
          <p className={`mt-2 rounded-md px-3 py-2 text-sm ${usage.percent >= 100 ? "bg-danger-soft text-danger" : "bg-warning-soft text-warning"}`}>
            {t(usage.percent >= 100 ? "usage.limitReached" : "usage.warning", { percent: usage.percent })}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="manage-subscription-heading" className="mt-6 border-t border-border pt-5">
        <h3 id="manage-subscription-heading" className="text-sm font-semibold">
          {t(ending ? "reactivate.title" : "cancel.title")}
        </h3>
        {ending ? (
          <div className="mt-2 space-y-3">
            <p className="text-sm text-fg-muted">{t("reactivate.text", { date: periodEnd })}</p>
            <BillingActionForm action={reactivateSubscriptionAction} label={t("reactivate.submit")} pendingLabel={t("reactivate.pending")} />
          </div>
        ) : (
          <div className="mt-2 max-w-xl space-y-3">
            <p className="text-sm text-fg-muted">{t("cancel.text", { date: periodEnd })}</p>
            <CancelSubscriptionForm
              texts={{
                reasonLabel: t("cancel.reasonLabel"),
                reasonHint: t("cancel.reasonHint", { max: CANCEL_REASON_MAX }),
                submit: t("cancel.submit"),
                pending: t("cancel.pending"),
                confirmTitle: t("cancel.confirmTitle"),
                confirmText: t("cancel.confirmText", { date: periodEnd }),
                confirm: t("cancel.confirm"),
                keep: t("cancel.keep"),
              }}
            />
          </div>
        )}
      </section>
    </Card>
  );
}
