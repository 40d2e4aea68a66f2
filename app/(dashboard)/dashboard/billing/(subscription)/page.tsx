import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { AreaEmptyState } from "@/components/area-empty-state";
import { Page } from "@/components/page";
import { listBillingHistory } from "@/db/queries/billing-history";
import { listPlans } from "@/db/queries/plans";
import { getCurrentSubscription } from "@/db/queries/subscriptions";
import { subscriptionUsage } from "@/lib/billing/usage";
import { todayIn } from "@/lib/projects/dates";
import { requireUser } from "@/lib/session";
import { BillingHistory } from "../billing-history";
import { ChangePlanStep } from "../change-plan-step";
import { PlanComparison } from "../plan-comparison";
import { SubscriptionCard } from "../subscription-card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("billing") };
}

const searchSchema = z.object({
  change: z.uuid().optional().catch(undefined),
  checkout: z.enum(["success", "cancelled"]).optional().catch(undefined),
  requested: z.enum(["change", "cancel", "reactivate"]).optional().catch(undefined),
});

/**
 * The account's subscription, usage, plans and billing history. Every change is asked of the
 * payment provider; this page shows only what its webhook confirmed.
 */
export default async function BillingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  if (!user.accountId) return <AreaEmptyState area="billing" />;
  const accountId = user.accountId;
  const [t, nav, search, subscription, allPlans, history] = await Promise.all([
    getTranslations("billing"),
    getTranslations("nav"),
    searchParams.then((params) => searchSchema.parse(params)),
    getCurrentSubscription(accountId),
    listPlans(),
    listBillingHistory(accountId, todayIn(user.timeZone)),
  ]);
  const usage = subscription ? await subscriptionUsage(subscription) : null;
  // Plans no longer offered stay visible to their subscribers.
  const plans = allPlans.filter((plan) => plan.active || plan.id === subscription?.plan.id);
  const changeTo = subscription && search.change !== subscription.plan.id ? plans.find((plan) => plan.id === search.change && plan.active) : undefined;
  // A success URL only says the customer came back from checkout: it grants nothing.
  const notes = [
    search.checkout === "success" && !subscription ? { text: t("notes.checkoutSuccess"), done: true } : null,
    search.checkout === "cancelled" && !subscription ? { text: t("notes.checkoutCancelled"), done: false } : null,
    search.requested ? { text: t(`notes.${search.requested}`), done: true } : null,
  ].filter((note) => note !== null);
  return (
    <Page title={nav("billing")} description={t("description")}>
      <div className="space-y-6">
        {notes.map((note) => (
          <p key={note.text} role="status" className={`rounded-md px-3 py-2 text-sm ${note.done ? "bg-success-soft text-success" : "bg-surface-muted text-fg"}`}>
            {note.text}
          </p>
        ))}
        <SubscriptionCard user={user} subscription={subscription} usage={usage} />
        {subscription && changeTo ? <ChangePlanStep user={user} currentPlanName={subscription.plan.name} plan={changeTo} /> : null}
        <PlanComparison locale={user.locale} plans={plans} subscription={subscription} />
        <BillingHistory history={history} locale={user.locale} />
      </div>
    </Page>
  );
}
