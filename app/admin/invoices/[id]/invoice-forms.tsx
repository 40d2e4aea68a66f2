"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ConfirmSubmit } from "@/components/ui/confirm-dialog";
import { Field, FieldShell, inputClass, SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { invoiceSteps, INVOICE_NOTES_MAX, paymentMethods } from "@/lib/constants";
import { invoiceStepAction, recordPaymentAction } from "../actions";

export type InvoiceStep = (typeof invoiceSteps)[number];

/**
 * The invoice's next steps (send, mark uncollectible, void), each confirmed in a dialog first. One
 * form for all: its outcome stays on screen when the step that was taken is no longer offered.
 */
export function InvoiceStepsForm({ invoiceId, number, steps, children }: { invoiceId: string; number: string; steps: InvoiceStep[]; children?: React.ReactNode }) {
  const t = useTranslations("adminInvoices.steps");
  const [state, action] = useActionState(invoiceStepAction, initialActionState);
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="invoiceId" value={invoiceId} />
      {invoiceSteps
        .filter((step) => steps.includes(step))
        .map((step) => (
          <div key={step}>
            <ConfirmSubmit
              name="step"
              value={step}
              label={t(`${step}.label`)}
              pendingLabel={t(`${step}.pending`)}
              title={t(`${step}.title`, { number })}
              description={t(`${step}.description`)}
              confirmLabel={t(`${step}.confirm`)}
              cancelLabel={t("cancel")}
              variant={step === "send" ? "primary" : step === "void" ? "danger" : "secondary"}
            />
          </div>
        ))}
      {children}
    </form>
  );
}

/** Money received outside the payments adapter; the amount is in the invoice's currency. */
export function RecordPaymentForm({ invoiceId, currency, balance, today }: { invoiceId: string; currency: string; balance: string; today: string }) {
  const t = useTranslations("adminInvoices.payment");
  const tInvoices = useTranslations("invoices");
  const [state, action] = useActionState(recordPaymentAction, initialActionState);
  const values = { amount: balance, method: "bank_transfer", paidOn: today, note: "", ...state.values };
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="mt-3 space-y-3" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="invoiceId" value={invoiceId} />
      <input type="hidden" name="currency" value={currency} />
      <Field key={`amount-${values.amount}`} label={t("amount", { currency: currency.toUpperCase() })} name="amount" inputMode="decimal" defaultValue={values.amount} error={errors.amount} required />
      <SelectField key={`method-${values.method}`} label={t("method")} name="method" defaultValue={values.method} error={errors.method}>
        {paymentMethods.map((method) => (
          <option key={method} value={method}>
            {tInvoices(`paymentMethods.${method}`)}
          </option>
        ))}
      </SelectField>
      <Field key={`paid-${values.paidOn}`} label={t("paidOn")} name="paidOn" type="date" defaultValue={values.paidOn} error={errors.paidOn} required />
      <FieldShell
        id="field-payment-note"
        label={t("note")}
        error={errors.note}
        control={(aria) => <textarea key={`note-${values.note}`} id="field-payment-note" name="note" rows={2} maxLength={INVOICE_NOTES_MAX} defaultValue={values.note} className={inputClass} {...aria} />}
      />
      <SubmitButton pendingLabel={t("pending")}>{t("submit")}</SubmitButton>
    </form>
  );
}
