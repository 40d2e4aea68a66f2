import { AlertTriangle } from "lucide-react";
import { getTranslations } from "next-intl/server";
import type { ActionState } from "@/lib/action-state";
import { BillingActionForm } from "./action-form";

/** Shown on every dashboard page while the subscription waits for a payment. */
export async function PastDueBanner({ fixPaymentAction }: { fixPaymentAction: (state: ActionState, formData: FormData) => Promise<ActionState> }) {
  const t = await getTranslations("billing.pastDue");
  // A region, not an alert: it is there on every page, and a screen reader need not announce it on each one.
  return (
    <section aria-labelledby="past-due-title" className="mx-auto mb-6 flex w-full max-w-6xl flex-wrap items-center gap-x-4 gap-y-3 rounded-xl border border-danger bg-danger-soft px-4 py-3 text-danger sm:px-5">
      <AlertTriangle aria-hidden className="size-5 shrink-0" />
      <div className="min-w-0 flex-1 basis-60">
        <p id="past-due-title" className="font-semibold">
          {t("title")}
        </p>
        <p className="text-sm">{t("text")}</p>
      </div>
      <BillingActionForm action={fixPaymentAction} label={t("fixPayment")} pendingLabel={t("opening")} variant="danger" />
    </section>
  );
}
