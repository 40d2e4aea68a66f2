import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Page } from "@/components/page";
import { Badge } from "@/components/ui/badge";
import { listPlans } from "@/db/queries/plans";
import { formatMoney } from "@/lib/billing/money";
import { requireAdmin } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  await requireAdmin();
  return { title: (await getTranslations("adminPlans"))("title") };
}

/** Every plan in the order customers see them, with prices and limits; a handful of rows, so no paging. */
export default async function AdminPlansPage() {
  const admin = await requireAdmin();
  const [t, plans] = await Promise.all([getTranslations("adminPlans"), listPlans()]);
  const cell = "px-4 py-3 align-top";
  return (
    <Page title={t("title")} description={t("description")}>
      <div className="overflow-hidden rounded-xl border border-border bg-surface shadow-card">
        <table className="w-full text-start text-sm">
          <caption className="sr-only">{t("caption", { count: plans.length })}</caption>
          <thead className="border-b border-border bg-surface-muted text-13 text-fg-muted">
            <tr>
              <th scope="col" className="px-4 py-2.5 font-medium">
                {t("columns.name")}
              </th>
              <th scope="col" className="px-4 py-2.5 text-end font-medium">
                {t("columns.price")}
              </th>
              <th scope="col" className="hidden px-4 py-2.5 text-end font-medium md:table-cell">
                {t("columns.includedMinutes")}
              </th>
              <th scope="col" className="hidden px-4 py-2.5 text-end font-medium md:table-cell">
                {t("columns.maxAgents")}
              </th>
              <th scope="col" className="hidden px-4 py-2.5 text-end font-medium md:table-cell">
                {t("columns.retention")}
              </th>
              <th scope="col" className="hidden px-4 py-2.5 font-medium md:table-cell">
                {t("columns.stripePriceId")}
              </th>
              <th scope="col" className="px-4 py-2.5 font-medium">
                {t("columns.status")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {plans.length === 0 ? (
              <tr>
                <td colSpan={7} className="px-4 py-10 text-center text-fg-muted">
                  {t("empty")}
                </td>
              </tr>
            ) : (
              plans.map((plan) => (
                <tr key={plan.id}>
                  <th scope="row" className={`${cell} font-medium`}>
                    <Link href={`/admin/plans/${plan.id}`} prefetch={false} className="text-primary underline-offset-2 hover:underline">
                      {plan.name}
                    </Link>
                    {/* Below 768 px the limit columns are hidden: they show under the name. */}
                    <span className="mt-0.5 block text-13 font-normal text-fg-muted md:hidden">
                      {t("limits", { minutes: plan.includedMinutes, agents: plan.maxAgents, days: plan.recordingRetentionDays })}
                    </span>
                  </th>
                  <td className={`${cell} whitespace-nowrap text-end tabular-nums`}>{t("perMonth", { price: formatMoney(plan.monthlyPrice, plan.currency, admin.locale) })}</td>
                  <td className={`${cell} hidden text-end tabular-nums md:table-cell`}>{t("minutes", { count: plan.includedMinutes })}</td>
                  <td className={`${cell} hidden text-end tabular-nums md:table-cell`}>{plan.maxAgents}</td>
                  <td className={`${cell} hidden text-end tabular-nums md:table-cell`}>{t("days", { count: plan.recordingRetentionDays })}</td>
                  <td className={`${cell} hidden break-all font-mono text-13 md:table-cell`} dir="auto">{plan.stripePriceId ?? <span className="font-sans text-fg-muted">{t("noStripePrice")}</span>}</td>
                  <td className={cell}>
                    <Badge tone={plan.active ? "success" : "neutral"}>{t(plan.active ? "active" : "inactive")}</Badge>
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </Page>
  );
}
