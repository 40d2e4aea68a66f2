"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { Locale, Theme } from "@/db/schema/users";
import { initialActionState } from "@/lib/action-state";
import { updatePreferencesAction } from "./actions";

const themeOptions: Theme[] = ["auto", "light", "dark"];
const localeOptions: { value: Locale; label: string }[] = [
  { value: "en", label: "English" },
  { value: "de", label: "Deutsch" },
];

export function PreferencesForm({ settings, timeZones }: { settings: { theme: Theme; locale: Locale; timeZone: string }; timeZones: string[] }) {
  const t = useTranslations("settings");
  const [state, action] = useActionState(updatePreferencesAction, initialActionState);
  const values = { ...settings, ...state.values };
  return (
    <form action={action} className="mt-4 space-y-5">
      <FormMessage state={state} />
      <fieldset>
        <legend className="text-sm font-medium">{t("theme")}</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {themeOptions.map((option) => (
            <label key={option} className="flex min-h-10 cursor-pointer items-center gap-2 rounded-md border border-border px-3 py-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary-soft">
              <input type="radio" name="theme" value={option} defaultChecked={values.theme === option} className="accent-[var(--primary)]" />
              {t(`themes.${option}`)}
            </label>
          ))}
        </div>
        {state.fieldErrors?.theme ? <p className="mt-1 text-sm text-danger">{state.fieldErrors.theme}</p> : null}
      </fieldset>
      <SelectField key={`locale-${values.locale}`} label={t("language")} name="locale" defaultValue={values.locale} error={state.fieldErrors?.locale}>
        {localeOptions.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </SelectField>
      <SelectField key={`tz-${values.timeZone}`} label={t("timeZone")} name="timeZone" defaultValue={values.timeZone} error={state.fieldErrors?.timeZone}>
        {["UTC", ...timeZones].map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </SelectField>
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
