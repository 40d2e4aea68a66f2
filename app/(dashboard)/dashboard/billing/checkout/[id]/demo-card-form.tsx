"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { payDemoCheckoutAction } from "./actions";

/** The demo checkout's card form: the server decides what the card does and answers next to the field. */
export function DemoCardForm({ checkoutId, payLabel }: { checkoutId: string; payLabel: string }) {
  const t = useTranslations("checkout");
  const [state, action] = useActionState(payDemoCheckoutAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};
  return (
    <form action={action} className="space-y-4">
      <FormMessage state={state} />
      <input type="hidden" name="checkoutId" value={checkoutId} />
      <Field label={t("cardNumber")} name="cardNumber" inputMode="numeric" autoComplete="cc-number" placeholder="4242 4242 4242 4242" defaultValue={values.cardNumber} error={errors.cardNumber} />
      <div className="grid grid-cols-2 gap-4">
        <Field label={t("expiry")} name="expiry" inputMode="numeric" autoComplete="cc-exp" placeholder={t("expiryPlaceholder")} defaultValue={values.expiry} error={errors.expiry} />
        <Field label={t("cvc")} name="cvc" inputMode="numeric" autoComplete="cc-csc" placeholder="123" defaultValue={values.cvc} error={errors.cvc} />
      </div>
      <Field label={t("cardholder")} name="cardholder" autoComplete="cc-name" defaultValue={values.cardholder} error={errors.cardholder} />
      <SubmitButton pendingLabel={t("paying")} className="w-full">
        {payLabel}
      </SubmitButton>
    </form>
  );
}
