"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field, FieldShell, inputClass, SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import type { AgentKind, AssignmentRole } from "@/lib/constants";
import { createAgentRequestAction } from "../actions";

/** Every preference is optional: staff read the notes and choose; a sent request shows on the agents page. */
export function AgentRequestForm({
  agents,
  languages,
  specialties,
  current,
}: {
  agents: Array<{ id: string; name: string; kind: AgentKind }>;
  languages: Array<{ code: string; name: string }>;
  specialties: string[];
  current: Array<{ assignmentId: string; name: string; role: AssignmentRole }>;
}) {
  const t = useTranslations("agents");
  const [state, action] = useActionState(createAgentRequestAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};
  return (
    <form action={action} className="space-y-5">
      <p className="text-sm text-fg-muted">{t("form.oneAtATime")}</p>
      <FormMessage state={state} />
      <SelectField label={t("form.agent")} name="agentId" hint={t("form.agentHint")} defaultValue={values.agentId ?? ""} error={errors.agentId} key={`agent-${values.agentId ?? ""}`}>
        <option value="">{t("form.anyAgent")}</option>
        {agents.map((agent) => (
          <option key={agent.id} value={agent.id}>
            {`${agent.name} (${t(`kinds.${agent.kind}`)})`}
          </option>
        ))}
      </SelectField>
      {current.length > 0 ? (
        <SelectField
          label={t("form.replaces")}
          name="replacesAssignmentId"
          hint={t("form.replacesHint")}
          defaultValue={values.replacesAssignmentId ?? ""}
          error={errors.replacesAssignmentId}
          key={`replaces-${values.replacesAssignmentId ?? ""}`}
        >
          <option value="">{t("form.replacesNone")}</option>
          {current.map((assignment) => (
            <option key={assignment.assignmentId} value={assignment.assignmentId}>
              {`${assignment.name} (${t(`roles.${assignment.role}`)})`}
            </option>
          ))}
        </SelectField>
      ) : null}
      <div className="grid gap-5 sm:grid-cols-2">
        <SelectField label={t("form.language")} name="language" defaultValue={values.language ?? ""} error={errors.language} key={`language-${values.language ?? ""}`}>
          <option value="">{t("form.anyLanguage")}</option>
          {languages.map((language) => (
            <option key={language.code} value={language.code}>
              {language.name}
            </option>
          ))}
        </SelectField>
        <Field label={t("form.specialty")} name="specialty" list="known-specialties" hint={t("form.specialtyHint")} defaultValue={values.specialty} error={errors.specialty} autoComplete="off" />
        <datalist id="known-specialties">
          {specialties.map((specialty) => (
            <option key={specialty} value={specialty} />
          ))}
        </datalist>
      </div>
      <FieldShell
        id="field-notes"
        label={t("form.notes")}
        hint={t("form.notesHint")}
        error={errors.notes}
        control={(aria) => <textarea id="field-notes" name="notes" rows={5} defaultValue={values.notes} className={inputClass} {...aria} />}
      />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingLabel={t("form.submitting")}>{t("form.submit")}</SubmitButton>
        <Link href="/dashboard/agents" prefetch={false} className={buttonClass("ghost")}>
          {t("form.cancel")}
        </Link>
      </div>
    </form>
  );
}
