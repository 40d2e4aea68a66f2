"use client";

import { Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionState, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FieldShell, inputClass, SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState, type ActionState } from "@/lib/action-state";
import { currencies, INVOICE_ITEM_DESCRIPTION_MAX, INVOICE_ITEMS_MAX, INVOICE_NOTES_MAX, INVOICE_QUANTITY_MAX } from "@/lib/constants";

export type EditorLine = { description: string; quantity: string; unitAmount: string };
export type EditorValues = { projectId: string; currency: string; taxRate: string; issueDate: string; dueDate: string; notes: string; items: EditorLine[] };

type Line = EditorLine & { key: number };

/**
 * The invoice's fields and its lines, for a new invoice and for a draft. Lines are held in state
 * (React's reset after a submission would otherwise empty them); each is added or removed with a button.
 */
export function InvoiceEditor({
  action,
  hidden,
  projects,
  initial,
  submitLabel,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  hidden: Record<string, string>;
  projects: { id: string; name: string }[];
  initial: EditorValues;
  submitLabel: string;
}) {
  const t = useTranslations("adminInvoices.form");
  const [state, formAction] = useActionState(action, initialActionState);
  const nextKey = useRef(initial.items.length);
  const [lines, setLines] = useState<Line[]>(() => initial.items.map((item, key) => ({ ...item, key })));
  const list = useRef<HTMLOListElement>(null);
  const values = { ...initial, ...state.values };
  const errors = state.fieldErrors ?? {};

  const change = (key: number, field: keyof EditorLine, value: string) => setLines((current) => current.map((line) => (line.key === key ? { ...line, [field]: value } : line)));
  const addLine = () => {
    setLines((current) => [...current, { key: nextKey.current++, description: "", quantity: "1", unitAmount: "" }]);
    // Focus goes to the new line's description once it is rendered.
    requestAnimationFrame(() => list.current?.querySelector<HTMLInputElement>("li:last-child input")?.focus());
  };
  const removeLine = (key: number, index: number) => {
    setLines((current) => current.filter((line) => line.key !== key));
    requestAnimationFrame(() => list.current?.querySelectorAll<HTMLInputElement>("li input")[Math.max(0, index - 1) * 3]?.focus());
  };

  return (
    <form action={formAction} className="mt-4 space-y-4" noValidate>
      <FormMessage state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SelectField key={`project-${values.projectId}`} label={t("project")} name="projectId" defaultValue={values.projectId} error={errors.projectId}>
        <option value="">{t("noProject")}</option>
        {projects.map((project) => (
          <option key={project.id} value={project.id}>
            {project.name}
          </option>
        ))}
      </SelectField>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField key={`currency-${values.currency}`} label={t("currency")} name="currency" defaultValue={values.currency} error={errors.currency}>
          {currencies.map((currency) => (
            <option key={currency} value={currency}>
              {currency.toUpperCase()}
            </option>
          ))}
        </SelectField>
        <Field key={`tax-${values.taxRate}`} label={t("taxRate")} name="taxRate" inputMode="decimal" defaultValue={values.taxRate} error={errors.taxRate} hint={t("taxRateHint")} />
        <Field key={`issue-${values.issueDate}`} label={t("issueDate")} name="issueDate" type="date" defaultValue={values.issueDate} error={errors.issueDate} required />
        <Field key={`due-${values.dueDate}`} label={t("dueDate")} name="dueDate" type="date" defaultValue={values.dueDate} error={errors.dueDate} required />
      </div>

      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">{t("items")}</legend>
        {errors.items ? <p className="text-sm text-danger">{errors.items}</p> : null}
        <ol ref={list} className="space-y-3">
          {lines.map((line, index) => {
            const number = index + 1;
            const id = (field: string) => `line-${line.key}-${field}`;
            const error = (field: keyof EditorLine) => errors[`items.${index}.${field}`];
            return (
              <li key={line.key} className="rounded-lg border border-border p-3">
                <div className="flex items-center justify-between gap-2">
                  <p className="text-13 font-medium text-fg-muted">{t("line", { number })}</p>
                  {lines.length > 1 ? (
                    <Button type="button" variant="ghost" className="min-h-9 px-2 py-1 text-danger" onClick={() => removeLine(line.key, index)}>
                      <Trash2 aria-hidden className="size-4" />
                      <span className="sr-only">{t("removeLine", { number })}</span>
                    </Button>
                  ) : null}
                </div>
                <div className="mt-2 grid gap-3 sm:grid-cols-[1fr_6rem_9rem]">
                  <FieldShell
                    id={id("description")}
                    label={t("descriptionLabel")}
                    error={error("description")}
                    control={(aria) => (
                      <input id={id("description")} aria-label={t("description", { number })} name="description" value={line.description} onChange={(event) => change(line.key, "description", event.target.value)} maxLength={INVOICE_ITEM_DESCRIPTION_MAX} className={inputClass} {...aria} />
                    )}
                  />
                  <FieldShell
                    id={id("quantity")}
                    label={t("quantityLabel")}
                    error={error("quantity")}
                    control={(aria) => (
                      <input id={id("quantity")} aria-label={t("quantity", { number })} name="quantity" type="number" min={1} max={INVOICE_QUANTITY_MAX} step={1} inputMode="numeric" value={line.quantity} onChange={(event) => change(line.key, "quantity", event.target.value)} className={inputClass} {...aria} />
                    )}
                  />
                  <FieldShell
                    id={id("unitAmount")}
                    label={t("unitAmountLabel")}
                    error={error("unitAmount")}
                    control={(aria) => (
                      <input id={id("unitAmount")} aria-label={t("unitAmount", { number })} name="unitAmount" inputMode="decimal" placeholder="0.00" value={line.unitAmount} onChange={(event) => change(line.key, "unitAmount", event.target.value)} className={inputClass} {...aria} />
                    )}
                  />
                </div>
              </li>
            );
          })}
        </ol>
        {lines.length < INVOICE_ITEMS_MAX ? (
          <Button type="button" variant="secondary" onClick={addLine}>
            <Plus aria-hidden className="size-4" />
            {t("addLine")}
          </Button>
        ) : null}
      </fieldset>

      <FieldShell
        id="field-notes"
        label={t("notes")}
        error={errors.notes}
        hint={t("notesHint")}
        control={(aria) => <textarea key={`notes-${values.notes}`} id="field-notes" name="notes" rows={3} maxLength={INVOICE_NOTES_MAX} defaultValue={values.notes} className={inputClass} {...aria} />}
      />
      <SubmitButton pendingLabel={t("saving")}>{submitLabel}</SubmitButton>
    </form>
  );
}
