"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { AttachmentPicker } from "@/components/attachment-picker";
import { buttonClass } from "@/components/ui/button";
import { Field, FieldShell, inputClass, SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { budgetRanges, contactPreferences } from "@/lib/constants";
import { submitProjectRequestAction } from "../actions";

/**
 * The questionnaire. The server checks every field and answers next to it; the browser only holds
 * the form back while attachments are still uploading. A sent request opens its own page.
 */
export function ProjectRequestForm() {
  const t = useTranslations("projectRequests");
  const [state, action] = useActionState(submitProjectRequestAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};
  const textArea = (name: "goals" | "scope", rows: number) => (
    <FieldShell
      id={`field-${name}`}
      label={t(`form.${name}`)}
      hint={t(`form.${name}Hint`)}
      error={errors[name]}
      control={(aria) => <textarea id={`field-${name}`} name={name} rows={rows} defaultValue={values[name]} className={inputClass} {...aria} />}
    />
  );
  return (
    <form action={action} className="space-y-5">
      <FormMessage state={state} />
      <Field label={t("form.titleLabel")} name="title" hint={t("form.titleHint")} defaultValue={values.title} error={errors.title} autoComplete="off" />
      {textArea("goals", 5)}
      {textArea("scope", 4)}
      <div className="grid gap-5 sm:grid-cols-2">
        <SelectField label={t("form.budget")} name="budgetRange" defaultValue={values.budgetRange ?? ""} error={errors.budgetRange} key={`budget-${values.budgetRange ?? ""}`}>
          <option value="" disabled>
            {t("form.chooseBudget")}
          </option>
          {budgetRanges.map((range) => (
            <option key={range} value={range}>
              {t(`budgets.${range}`)}
            </option>
          ))}
        </SelectField>
        <Field label={t("form.deadline")} name="desiredDeadline" type="date" hint={t("form.deadlineHint")} defaultValue={values.desiredDeadline} error={errors.desiredDeadline} />
      </div>
      <fieldset className="space-y-2" aria-describedby={errors.contactPreference ? "contact-error" : undefined}>
        <legend className="text-sm font-medium text-fg">{t("form.contact")}</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {contactPreferences.map((preference) => (
            <label key={preference} className="inline-flex min-h-10 items-center gap-2 text-sm">
              <input type="radio" name="contactPreference" value={preference} defaultChecked={(values.contactPreference ?? "email") === preference} className="size-4 accent-primary" />
              {t(`contacts.${preference}`)}
            </label>
          ))}
        </div>
        {errors.contactPreference ? (
          <p id="contact-error" className="text-sm text-danger">
            {errors.contactPreference}
          </p>
        ) : null}
      </fieldset>
      <AttachmentPicker purpose="request_attachment" name="attachmentIds" label={t("form.attachments")} error={errors.attachmentIds} />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingLabel={t("form.submitting")}>{t("form.submit")}</SubmitButton>
        <Link href="/dashboard/projects/requests" prefetch={false} className={buttonClass("ghost")}>
          {t("form.cancel")}
        </Link>
      </div>
    </form>
  );
}
