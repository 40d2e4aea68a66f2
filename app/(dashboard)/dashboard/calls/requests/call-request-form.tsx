"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, FieldShell, inputClass, SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { CALL_NOTES_MAX } from "@/lib/constants";
import { createCallRequestAction } from "./actions";

/** Number, agent, time and notes of an outbound call; the time is typed in the user's own zone. */
export function CallRequestForm({ agents, timeZone, now }: { agents: { id: string; name: string }[]; timeZone: string; now: string }) {
  const t = useTranslations("callRequests");
  const [state, action] = useActionState(createCallRequestAction, initialActionState);
  const values = state.values ?? {};
  return (
    // Keyed by the outcome, so a successful request starts a blank form.
    <form key={state.ok ? state.message : "form"} action={action} className="mt-5 space-y-5" noValidate>
      <FormMessage state={state} />
      <Field label={t("toNumber")} name="toNumber" type="tel" autoComplete="tel" inputMode="tel" required hint={t("toNumberHint")} defaultValue={values.toNumber} error={state.fieldErrors?.toNumber} />
      <SelectField label={t("agent")} name="agentId" defaultValue={values.agentId ?? ""} error={state.fieldErrors?.agentId} hint={agents.length === 0 ? t("noAgents") : undefined}>
        <option value="">{t("anyAgent")}</option>
        {agents.map((agent) => (
          <option key={agent.id} value={agent.id}>
            {agent.name}
          </option>
        ))}
      </SelectField>
      <Field
        label={t("when")}
        name="scheduledFor"
        type="datetime-local"
        min={now}
        hint={t("whenHint", { zone: timeZone })}
        defaultValue={values.scheduledFor}
        error={state.fieldErrors?.scheduledFor}
      />
      <FieldShell
        id="field-notes"
        label={t("notes")}
        error={state.fieldErrors?.notes}
        control={(aria) => <textarea id="field-notes" name="notes" rows={3} maxLength={CALL_NOTES_MAX} defaultValue={values.notes} className={inputClass} {...aria} />}
      />
      <div className="flex justify-end border-t border-border pt-5">
        <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}
