"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field, FieldShell, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { AGENT_BIO_MAX, AGENT_NAME_MAX, agentKinds, type AgentKind } from "@/lib/constants";
import { createAgentAction, updateAgentAction } from "./actions";

export type AgentFormValues = { name: string; kind: AgentKind; languages: string[]; specialties: string[]; bio: string; active: boolean };

/**
 * One form for a new agent and an existing one. The languages are held in state: React resets a
 * form after each submission, and the submitted values keep only one of several checked boxes.
 */
export function AgentForm({ agentId, defaults, languages }: { agentId?: string; defaults: AgentFormValues; languages: Array<{ code: string; name: string }> }) {
  const t = useTranslations("adminAgents");
  const kinds = useTranslations("agents.kinds");
  const [state, action] = useActionState(agentId ? updateAgentAction : createAgentAction, initialActionState);
  const [chosen, setChosen] = useState(() => new Set(defaults.languages));
  const errors = state.fieldErrors ?? {};
  const values = state.values;
  const kind = values?.kind ?? defaults.kind;
  const active = values ? values.active === "on" : defaults.active;
  return (
    <form action={action} className="space-y-5">
      <FormMessage state={state} />
      {agentId ? <input type="hidden" name="agentId" value={agentId} /> : null}
      <Field label={t("form.name")} name="name" defaultValue={values?.name ?? defaults.name} error={errors.name} maxLength={AGENT_NAME_MAX} autoComplete="off" />
      <fieldset className="space-y-2" aria-describedby={errors.kind ? "kind-error" : undefined}>
        <legend className="text-sm font-medium text-fg">{t("form.kind")}</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2" key={`kind-${kind}`}>
          {agentKinds.map((option) => (
            <label key={option} className="inline-flex min-h-10 items-center gap-2 text-sm">
              <input type="radio" name="kind" value={option} defaultChecked={kind === option} className="size-4 accent-primary" />
              {kinds(option)}
            </label>
          ))}
        </div>
        {errors.kind ? (
          <p id="kind-error" className="text-sm text-danger">
            {errors.kind}
          </p>
        ) : null}
      </fieldset>
      <fieldset className="space-y-2" aria-describedby={errors.languages ? "languages-error" : undefined}>
        <legend className="text-sm font-medium text-fg">{t("form.languages")}</legend>
        <div className="grid grid-cols-2 gap-x-5 gap-y-1 sm:grid-cols-3">
          {languages.map((language) => (
            <label key={language.code} className="inline-flex min-h-10 items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="languages"
                value={language.code}
                checked={chosen.has(language.code)}
                onChange={(event) => {
                  const next = new Set(chosen);
                  if (event.target.checked) next.add(language.code);
                  else next.delete(language.code);
                  setChosen(next);
                }}
                className="size-4 accent-primary"
              />
              {language.name}
            </label>
          ))}
        </div>
        {errors.languages ? (
          <p id="languages-error" className="text-sm text-danger">
            {errors.languages}
          </p>
        ) : null}
      </fieldset>
      <Field
        label={t("form.specialties")}
        name="specialties"
        hint={t("form.specialtiesHint")}
        defaultValue={values?.specialties ?? defaults.specialties.join(", ")}
        error={errors.specialties}
        autoComplete="off"
      />
      <FieldShell
        id="field-bio"
        label={t("form.bio")}
        error={errors.bio}
        control={(aria) => <textarea id="field-bio" name="bio" rows={4} maxLength={AGENT_BIO_MAX} defaultValue={values?.bio ?? defaults.bio} className={inputClass} {...aria} />}
      />
      <label className="inline-flex min-h-10 items-center gap-2 text-sm" key={`active-${active}`}>
        <input type="checkbox" name="active" defaultChecked={active} className="size-4 accent-primary" />
        {t("form.active")}
      </label>
      <p className="-mt-3 text-xs text-fg-muted">{t("form.activeHint")}</p>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingLabel={t("form.saving")}>{agentId ? t("form.save") : t("form.create")}</SubmitButton>
        <Link href="/admin/agents" prefetch={false} className={buttonClass("ghost")}>
          {t("form.cancel")}
        </Link>
      </div>
    </form>
  );
}
