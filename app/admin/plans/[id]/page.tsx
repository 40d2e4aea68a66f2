import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { z } from "zod";
import { Page } from "@/components/page";
import { Card } from "@/components/ui/card";
import { getPlan } from "@/db/queries/plans";
import { minorUnitDigits } from "@/lib/billing/money";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { requireAdmin } from "@/lib/session";
import { PlanForm } from "./plan-form";

type Params = Promise<{ id: string }>;

/** The plan of the URL for an admin; anyone else, a malformed or an unknown id get the same 404. */
const loadPlan = cache(async (id: string) => {
  await requireAdmin();
  const plan = z.uuid().safeParse(id).success ? await getPlan(id) : null;
  if (!plan) notFound();
  return plan;
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: (await loadPlan((await params).id)).name };
}

export default async function AdminPlanPage({ params }: { params: Params }) {
  const plan = await loadPlan((await params).id);
  const t = await getTranslations("adminPlans");
  const digits = minorUnitDigits(plan.currency);
  return (
    <>
      <div className="mx-auto w-full max-w-6xl">
        <Link href="/admin/plans" prefetch={false} className="text-sm text-primary underline-offset-2 hover:underline">
          {t("back")}
        </Link>
      </div>
      <div className="mt-3">
        <Page title={plan.name} description={t("editDescription")} width="narrow">
          <Card>
            <ClientMessages namespaces={["adminPlans"]}>
              <PlanForm
                plan={{
                  planId: plan.id,
                  name: plan.name,
                  description: plan.description,
                  monthlyPrice: (plan.monthlyPrice / 10 ** digits).toFixed(digits),
                  currency: plan.currency,
                  features: plan.features.join("\n"),
                  includedMinutes: String(plan.includedMinutes),
                  maxAgents: String(plan.maxAgents),
                  recordingRetentionDays: String(plan.recordingRetentionDays),
                  stripePriceId: plan.stripePriceId ?? "",
                  active: plan.active,
                  position: String(plan.position),
                }}
              />
            </ClientMessages>
          </Card>
        </Page>
      </div>
    </>
  );
}
