import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SubscriptionStatusBadge } from "@/components/billing/subscription-status-badge";
import { Card, CardHeader } from "@/components/ui/card";
import { getCurrentSubscription } from "@/db/queries/subscriptions";
import { getDateFormatter } from "@/lib/i18n/date-format-server";

/** The customer account's subscription as Stripe last reported it: plan, status and period end. */
export async function CustomerSubscription({ accountId }: { accountId: string }) {
  const [t, tBilling, dates, subscription] = await Promise.all([getTranslations("adminPlans.customer"), getTranslations("billing"), getDateFormatter(), getCurrentSubscription(accountId)]);
  return (
    <Card className="mt-6" aria-labelledby="customer-subscription-heading">
      <CardHeader id="customer-subscription-heading" title={t("title")} />
      {subscription ? (
        <dl className="mt-3 grid gap-4 sm:grid-cols-3">
          <div>
            <dt className="text-13 text-fg-muted">{t("plan")}</dt>
            <dd className="font-medium">
              <Link href={`/admin/plans/${subscription.plan.id}`} prefetch={false} className="text-primary underline-offset-2 hover:underline">
                {subscription.plan.name}
              </Link>
            </dd>
          </div>
          <div>
            <dt className="text-13 text-fg-muted">{t("status")}</dt>
            <dd className="mt-0.5">
              <SubscriptionStatusBadge
                status={subscription.status}
                ending={subscription.cancelAtPeriodEnd}
                label={subscription.cancelAtPeriodEnd && subscription.status === "active" ? tBilling("statuses.ending") : tBilling(`statuses.${subscription.status}`)}
              />
            </dd>
          </div>
          <div>
            <dt className="text-13 text-fg-muted">{t(subscription.cancelAtPeriodEnd ? "endsOn" : "renewsOn")}</dt>
            <dd className="font-medium">
              <time dateTime={subscription.currentPeriodEnd.toISOString()}>{dates.dateTime(subscription.currentPeriodEnd)}</time>
            </dd>
          </div>
        </dl>
      ) : (
        <p className="mt-2 text-fg-muted">{t("none")}</p>
      )}
    </Card>
  );
}
