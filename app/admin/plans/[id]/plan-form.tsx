"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, FieldShell, inputClass, SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { currencies, PLAN_DESCRIPTION_MAX, PLAN_FEATURES_MAX, PLAN_NAME_MAX } from "@/lib/constants";
import { updatePlanAction } from "../actions";

/** The plan as the form shows it: the price in major units ("29.00"), the features one per line. */
export type PlanFormValues = {
  planId: string;
  name: string;
  description: string;
  monthlyPrice: string;
  currency: string;
  features: string;
  includedMinutes: string;
  maxAgents: string;
  recordingRetentionDays: string;
  stripePriceId: string;
  active: boolean;
  position: string;
};

export function PlanForm({ plan }: { plan: PlanFormValues }) {
  const t = useTranslations("adminPlans");
  const [state, action] = useActionState(updatePlanAction, initialActionState);
  const values = { ...plan, ...state.values };
  // An unticked checkbox is not sent: once submitted, the submitted form says whether it was ticked.
  const active = state.values ? state.values.active === "on" : plan.active;
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="planId" value={plan.planId} />
      <Field label={t("fields.name")} name="name" defaultValue={values.name} error={errors.name} required maxLength={PLAN_NAME_MAX} />
      <FieldShell
        id="field-description"
        label={t("fields.description")}
        error={errors.description}
        control={(aria) => <textarea id="field-description" name="description" rows={2} maxLength={PLAN_DESCRIPTION_MAX} defaultValue={values.description} className={inputClass} {...aria} />}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("fields.monthlyPrice")} name="monthlyPrice" inputMode="decimal" autoComplete="off" defaultValue={values.monthlyPrice} error={errors.monthlyPrice} hint={t("hints.monthlyPrice")} required />
        <SelectField key={values.currency} label={t("fields.currency")} name="currency" defaultValue={values.currency} error={errors.currency}>
          {currencies.map((currency) => (
            <option key={currency} value={currency}>
              {currency.toUpperCase()}
            </option>
          ))}
        </SelectField>
      </div>
      <FieldShell
        id="field-features"
        label={t("fields.features")}
        error={errors.features}
        hint={t("hints.features", { max: PLAN_FEATURES_MAX })}
        control={(aria) => <textarea id="field-features" name="features" rows={6} defaultValue={values.features} className={inputClass} {...aria} />}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={t("fields.includedMinutes")} name="includedMinutes" type="number" min={0} step={1} inputMode="numeric" defaultValue={values.includedMinutes} error={errors.includedMinutes} />
        <Field label={t("fields.maxAgents")} name="maxAgents" type="number" min={0} step={1} inputMode="numeric" defaultValue={values.maxAgents} error={errors.maxAgents} />
        <Field
          label={t("fields.recordingRetentionDays")}
          name="recordingRetentionDays"
          type="number"
          min={0}
          step={1}
          inputMode="numeric"
          defaultValue={values.recordingRetentionDays}
          error={errors.recordingRetentionDays}
        />
      </div>
      <Field label={t("fields.stripePriceId")} name="stripePriceId" autoComplete="off" spellCheck={false} defaultValue={values.stripePriceId} error={errors.stripePriceId} hint={t("hints.stripePriceId")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("fields.position")} name="position" type="number" min={0} step={1} inputMode="numeric" defaultValue={values.position} error={errors.position} hint={t("hints.position")} />
        <div className="flex items-start gap-2 sm:pt-7">
          <input key={String(active)} id="field-active" name="active" type="checkbox" defaultChecked={active} aria-describedby="field-active-hint" className="mt-0.5 size-4 accent-primary" />
          <div>
            <label htmlFor="field-active" className="text-sm font-medium">
              {t("fields.active")}
            </label>
            <p id="field-active-hint" className="text-xs text-fg-muted">
              {t("hints.active")}
            </p>
          </div>
        </div>
      </div>
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
