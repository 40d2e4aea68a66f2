"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { importCallsAction } from "./actions";

/** The file to import; a refused file's bad rows are listed below the form, each with its row, column and reason. */
export function ImportForm({ hint }: { hint: string }) {
  const t = useTranslations("callImport");
  const [state, action] = useActionState(importCallsAction, initialActionState);
  return (
    <div className="space-y-5">
      <form action={action} className="space-y-5">
        <FormMessage state={state} />
        <Field label={t("file")} name="file" type="file" accept=".csv,text/csv" required hint={hint} error={state.fieldErrors?.file} />
        <div className="flex justify-end border-t border-border pt-5">
          <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
        </div>
      </form>
      {state.report && state.report.length > 0 ? (
        <section aria-labelledby="import-report-heading">
          <h2 id="import-report-heading" className="mb-3 text-base font-semibold">
            {t("reportTitle")}
          </h2>
          <div className="max-h-[32rem] overflow-auto rounded-xl border border-border">
            <table className="w-full text-start text-sm">
              <caption className="sr-only">{t("reportCaption")}</caption>
              <thead className="sticky top-0 border-b border-border bg-surface-muted text-13 text-fg-muted">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t("columnsRow")}
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t("columnsField")}
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t("columnsReason")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-border">
                {state.report.map((problem) => (
                  <tr key={`${problem.row}-${problem.field}`}>
                    <td className="px-3 py-2 tabular-nums">{problem.row}</td>
                    <td className="px-3 py-2 font-mono text-13">{problem.field}</td>
                    <td className="px-3 py-2">{problem.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </div>
  );
}
