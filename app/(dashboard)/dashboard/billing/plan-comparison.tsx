import { Check } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { BillingActionForm } from "@/components/billing/action-form";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import type { Plan } from "@/db/queries/plans";
import type { CurrentSubscription } from "@/db/queries/subscriptions";
import { formatMoney } from "@/lib/billing/money";
import { subscribeAction } from "./actions";

/** Plans side by side, the current one marked; subscribing goes to checkout, switching to a confirmation step first. */
export async function PlanComparison({ plans, subscription, locale }: { plans: Plan[]; subscription: CurrentSubscription | null; locale: string }) {
  const t = await getTranslations("billing.plans");
  const rowHeader = "px-4 py-3 text-start align-top text-13 font-medium text-fg-muted";
  const cell = "px-4 py-3 align-top";
  const isCurrent = (plan: Plan) => plan.id === subscription?.plan.id;
  const action = (plan: Plan) =>
    !subscription ? (
      <BillingActionForm action={subscribeAction} fields={{ planId: plan.id }} label={t("subscribe", { plan: plan.name })} pendingLabel={t("opening")} />
    ) : isCurrent(plan) ? (
      <span className="text-13 font-medium text-fg-muted">{t("yourPlan")}</span>
    ) : plan.active ? (
      <ButtonLink href={`/dashboard/billing?change=${plan.id}#change-plan`} variant="secondary">
        {t("switch", { plan: plan.name })}
      </ButtonLink>
    ) : null;
  const features = (plan: Plan) => (
    <ul className="space-y-1.5">
      {plan.features.map((feature) => (
        <li key={feature} className="flex gap-2">
          <Check aria-hidden className="mt-0.5 size-4 shrink-0 text-success" />
          <span>{feature}</span>
        </li>
      ))}
    </ul>
  );
  return (
    <Card aria-labelledby="plans-heading">
      <CardHeader id="plans-heading" title={t("title")} description={t(subscription ? "helpSubscribed" : "helpNew")} />
      {plans.length === 0 ? (
        <p className="mt-3 text-fg-muted">{t("none")}</p>
      ) : (
        <>
          {/* Below 768 px three plans side by side do not fit: each plan is a card of its own. */}
          <ul aria-label={t("caption")} className="mt-4 space-y-4 md:hidden">
            {plans.map((plan) => (
              <li key={plan.id} aria-labelledby={`plan-card-${plan.id}`} className={`rounded-lg border p-4 ${isCurrent(plan) ? "border-primary bg-primary-soft/60" : "border-border"}`}>
                <h3 id={`plan-card-${plan.id}`} className="flex flex-wrap items-center gap-2 text-base font-semibold">
                  {plan.name}
                  {isCurrent(plan) ? <Badge tone="primary">{t("current")}</Badge> : null}
                </h3>
                {plan.description ? <p className="mt-1 text-13 text-fg-muted">{plan.description}</p> : null}
                <p className="mt-3">
                  <span className="text-lg font-semibold tabular-nums">{formatMoney(plan.monthlyPrice, plan.currency, locale)}</span> <span className="text-fg-muted">{t("month")}</span>
                </p>
                <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                  <dt className="text-fg-muted">{t("includedMinutes")}</dt>
                  <dd>{t("minutes", { count: plan.includedMinutes })}</dd>
                  <dt className="text-fg-muted">{t("agents")}</dt>
                  <dd>{t("agentCount", { count: plan.maxAgents })}</dd>
                  <dt className="text-fg-muted">{t("retention")}</dt>
                  <dd>{t("days", { count: plan.recordingRetentionDays })}</dd>
                </dl>
                <div className="mt-3 text-sm">{features(plan)}</div>
                <div className="mt-4">{action(plan)}</div>
              </li>
            ))}
          </ul>
          <div className="-mx-5 mt-4 hidden md:block sm:-mx-6">
            <table className="w-full text-sm">
              <caption className="sr-only">{t("caption")}</caption>
              <thead>
                <tr className="border-b border-border">
                  <td className="w-36 px-4 py-3" />
                  {plans.map((plan) => (
                    <th key={plan.id} scope="col" className={`px-4 py-3 text-start align-top ${isCurrent(plan) ? "bg-primary-soft/60" : ""}`}>
                      <span className="block text-base font-semibold">{plan.name}</span>
                      {isCurrent(plan) ? <Badge tone="primary">{t("current")}</Badge> : null}
                      {plan.description ? <span className="mt-1 block text-13 font-normal text-fg-muted">{plan.description}</span> : null}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-border">
                <tr>
                  <th scope="row" className={rowHeader}>
                    {t("price")}
                  </th>
                  {plans.map((plan) => (
                    <td key={plan.id} className={`${cell} ${isCurrent(plan) ? "bg-primary-soft/60" : ""}`}>
                      <span className="text-lg font-semibold tabular-nums">{formatMoney(plan.monthlyPrice, plan.currency, locale)}</span> <span className="text-fg-muted">{t("month")}</span>
                    </td>
                  ))}
                </tr>
                <tr>
                  <th scope="row" className={rowHeader}>
                    {t("includedMinutes")}
                  </th>
                  {plans.map((plan) => (
                    <td key={plan.id} className={`${cell} tabular-nums ${isCurrent(plan) ? "bg-primary-soft/60" : ""}`}>
                      {t("minutes", { count: plan.includedMinutes })}
                    </td>
                  ))}
                </tr>
                <tr>
                  <th scope="row" className={rowHeader}>
                    {t("agents")}
                  </th>
                  {plans.map((plan) => (
                    <td key={plan.id} className={`${cell} tabular-nums ${isCurrent(plan) ? "bg-primary-soft/60" : ""}`}>
                      {t("agentCount", { count: plan.maxAgents })}
                    </td>
                  ))}
                </tr>
                <tr>
                  <th scope="row" className={rowHeader}>
                    {t("retention")}
                  </th>
                  {plans.map((plan) => (
                    <td key={plan.id} className={`${cell} tabular-nums ${isCurrent(plan) ? "bg-primary-soft/60" : ""}`}>
                      {t("days", { count: plan.recordingRetentionDays })}
                    </td>
                  ))}
                </tr>
                <tr>
                  <th scope="row" className={rowHeader}>
                    {t("features")}
                  </th>
                  {plans.map((plan) => (
                    <td key={plan.id} className={`${cell} ${isCurrent(plan) ? "bg-primary-soft/60" : ""}`}>
                      {features(plan)}
                    </td>
                  ))}
                </tr>
                <tr>
                  <td className="px-4 py-3" />
                  {plans.map((plan) => (
                    <td key={plan.id} className={`${cell} ${isCurrent(plan) ? "bg-primary-soft/60" : ""}`}>
                      {action(plan)}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>
        </>
      )}
    </Card>
  );
}
