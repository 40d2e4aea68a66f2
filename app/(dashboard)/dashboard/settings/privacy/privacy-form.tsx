"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import type { PrivacySettings } from "@/db/queries/users";
import { updatePrivacyAction } from "./actions";

const choices = ["profileVisibleToStaff", "dataSharing"] as const;

/** Two switches, each with what it changes spelled out below it. */
export function PrivacyForm({ settings }: { settings: PrivacySettings }) {
  const t = useTranslations("settings.privacy");
  const [state, action] = useActionState(updatePrivacyAction, initialActionState);
  return (
    <form action={action} className="mt-5 space-y-5">
      <FormMessage state={state} />
      <ul className="divide-y divide-border rounded-lg border border-border">
        {choices.map((choice) => (
          <li key={choice} className="flex items-start gap-3 px-4 py-4">
            <input
              id={`privacy-${choice}`}
              type="checkbox"
              name={choice}
              defaultChecked={settings[choice]}
              aria-describedby={`privacy-${choice}-help`}
              className="mt-0.5 size-5 shrink-0 accent-primary focus-visible:outline-2 focus-visible:outline-focus"
            />
            <div>
              <label htmlFor={`privacy-${choice}`} className="cursor-pointer font-medium">
                {t(`${choice}.label`)}
              </label>
              <p id={`privacy-${choice}-help`} className="mt-1 text-13 text-fg-muted">
                {t(`${choice}.help`)}
              </p>
              {state.fieldErrors?.[choice] ? <p className="mt-1 text-sm text-danger">{state.fieldErrors[choice]}</p> : null}
            </div>
          </li>
        ))}
      </ul>
      <div className="flex justify-end border-t border-border pt-5">
        <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
