import { getTranslations } from "next-intl/server";
import { BillingActionForm } from "@/components/billing/action-form";
import { FocusOnArrival } from "@/components/focus-on-arrival";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import type { Plan } from "@/db/queries/plans";
import type { SessionUser } from "@/db/queries/sessions";
import { formatMoney } from "@/lib/billing/money";
import { previewPlanChange } from "@/lib/billing/subscriptions";
import { getDateFormatter } from "@/lib/i18n/date-format-server";
import { changePlanAction } from "./actions";

/** The confirmation step of a plan switch: what the provider will charge or credit now, before anything changes. */
export async function ChangePlanStep({ user, currentPlanName, plan }: { user: SessionUser; currentPlanName: string; plan: Plan }) {
  const [t, dates, preview] = await Promise.all([getTranslations("billing.change"), getDateFormatter(), previewPlanChange(user, { planId: plan.id })]);
  const money = (amount: number, currency: string) => formatMoney(amount, currency, user.locale);
  return (
    <Card id="change-plan" aria-labelledby="change-plan-heading" className="scroll-mt-24 border-primary">
      <CardHeader id="change-plan-heading" title={t("title", { plan: plan.name })} description={t("from", { current: currentPlanName, plan: plan.name })} />
      <FocusOnArrival targetId="change-plan-heading" />
      {preview.status === "ok" ? (
        <div className="mt-4 space-y-4">
          <p className="text-base font-medium" data-testid="proration">
            {preview.amountDue > 0
              ? t("charge", { amount: money(preview.amountDue, preview.currency) })
              : preview.amountDue < 0
                ? t("credit", { amount: money(-preview.amountDue, preview.currency) })
                : t("nothingDue")}
          </p>
          <p className="text-sm text-fg-muted">
            {t("thenMonthly", { price: money(plan.monthlyPrice, plan.currency), date: dates.date(preview.periodEnd) })}
          </p>
          <div className="flex flex-wrap items-start gap-2">
            <BillingActionForm action={changePlanAction} fields={{ planId: plan.id }} label={t("confirm", { plan: plan.name })} pendingLabel={t("pending")} />
            <ButtonLink href="/dashboard/billing" variant="secondary">
              {t("keep")}
            </ButtonLink>
          </div>
        </div>
      ) : (
        <div className="mt-3 space-y-3">
          <p role="alert" className="rounded-md bg-danger-soft px-3 py-2 text-sm text-danger">
            {(await getTranslations("billing.refusals"))(preview.status)}
          </p>
          <ButtonLink href="/dashboard/billing" variant="secondary">
            {t("back")}
          </ButtonLink>
        </div>
      )}
    </Card>
  );
}
