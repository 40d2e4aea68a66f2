"use client";

import { Monitor, Moon, Sun } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import type { Locale, Theme } from "@/lib/constants";
import type { TimeZoneOption } from "@/lib/time-zones";
import { updatePreferencesAction } from "./actions";
import { TimeZonePicker } from "./time-zone-picker";

const themeOptions = [
  { value: "auto", icon: Monitor },
  { value: "light", icon: Sun },
  { value: "dark", icon: Moon },
] as const satisfies readonly { value: Theme; icon: unknown }[];

const localeOptions: { value: Locale; label: string }[] = [
  { value: "en", label: "English" },
  { value: "de", label: "Deutsch" },
];

export function PreferencesForm({ settings, timeZones }: { settings: { theme: Theme; locale: Locale; timeZone: string }; timeZones: TimeZoneOption[] }) {
  const t = useTranslations("settings");
  const [state, action] = useActionState(updatePreferencesAction, initialActionState);
  const values = { ...settings, ...state.values };
  return (
    <form action={action} className="mt-5 space-y-6">
      <FormMessage state={state} />
      <fieldset>
        <legend className="text-sm font-medium">{t("theme")}</legend>
        <div className="mt-2 grid grid-cols-3 gap-2 sm:max-w-md">
          {themeOptions.map(({ value, icon: Icon }) => (
            <label
              key={value}
              className="flex min-h-10 cursor-pointer items-center justify-center gap-2 rounded-md border border-border px-3 py-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary-soft has-[:checked]:text-primary has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-focus"
            >
              <input type="radio" name="theme" value={value} defaultChecked={values.theme === value} className="sr-only" />
              <Icon aria-hidden className="size-4" />
              {t(`themes.${value}`)}
            </label>
          ))}
        </div>
        {state.fieldErrors?.theme ? <p className="mt-1 text-sm text-danger">{state.fieldErrors.theme}</p> : null}
      </fieldset>
      <SelectField key={`locale-${values.locale}`} label={t("language")} name="locale" defaultValue={values.locale} error={state.fieldErrors?.locale}>
        {localeOptions.map((option) => (
          <option key={option.value} value={option.value} lang={option.value}>
            {option.label}
          </option>
        ))}
      </SelectField>
      <TimeZonePicker key={`tz-${values.timeZone}`} options={timeZones} defaultValue={values.timeZone} error={state.fieldErrors?.timeZone} />
      <div className="flex justify-end border-t border-border pt-5">
        <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
