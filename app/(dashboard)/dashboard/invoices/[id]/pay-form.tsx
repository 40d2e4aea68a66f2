"use client";

import { CreditCard } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { payInvoiceAction } from "../actions";

export function PayForm({ invoiceId, amount }: { invoiceId: string; amount: string }) {
  const t = useTranslations("invoices.pay");
  const [state, action] = useActionState(payInvoiceAction, initialActionState);
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="invoiceId" value={invoiceId} />
      <SubmitButton pendingLabel={t("pending")} className="w-full">
        <CreditCard aria-hidden className="size-4" />
        {t("button", { amount })}
      </SubmitButton>
      <p className="text-13 text-fg-muted">{t("hint")}</p>
    </form>
  );
}
