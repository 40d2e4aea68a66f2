"use client";

import { Monitor, Moon, Sun } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { dashboardDensities, dateFormats, locales, timeFormats, type DashboardDensity, type DateFormat, type Locale, type Theme, type TimeFormat } from "@/lib/constants";
import type { TimeZoneOption } from "@/lib/time-zones";
import { updatePreferencesAction } from "./actions";
import { TimeZonePicker } from "./time-zone-picker";

const themeOptions = [
  { value: "auto", icon: Monitor },
  { value: "light", icon: Sun },
  { value: "dark", icon: Moon },
] as const satisfies readonly { value: Theme; icon: unknown }[];

/** Each language in its own words ("Deutsch"), so a reader finds theirs whatever the page's language. */
function languageName(locale: Locale): string {
  const name = new Intl.DisplayNames([locale], { type: "language" }).of(locale) ?? locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

type Settings = { theme: Theme; locale: Locale; timeZone: string; dateFormat: DateFormat; timeFormat: TimeFormat; dashboardDensity: DashboardDensity };
type Examples = { date: Record<DateFormat, string>; time: Record<TimeFormat, string> };

export function PreferencesForm({ settings, timeZones, examples }: { settings: Settings; timeZones: TimeZoneOption[]; examples: Examples }) {
  const t = useTranslations("settings");
  const [state, action] = useActionState(updatePreferencesAction, initialActionState);
  const values = { ...settings, ...state.values } as Settings;
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
        {locales.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {languageName(locale)}
          </option>
        ))}
      </SelectField>
      <TimeZonePicker key={`tz-${values.timeZone}`} options={timeZones} defaultValue={values.timeZone} error={state.fieldErrors?.timeZone} />
      <div className="grid gap-6 sm:grid-cols-2">
        <SelectField key={`date-${values.dateFormat}`} label={t("dateFormat")} name="dateFormat" defaultValue={values.dateFormat} error={state.fieldErrors?.dateFormat}>
          {dateFormats.map((format) => (
            <option key={format} value={format}>
              {t(`dateFormats.${format}`, { example: examples.date[format] })}
            </option>
          ))}
        </SelectField>
        <SelectField key={`time-${values.timeFormat}`} label={t("timeFormat")} name="timeFormat" defaultValue={values.timeFormat} error={state.fieldErrors?.timeFormat}>
          {timeFormats.map((format) => (
            <option key={format} value={format}>
              {t(`timeFormats.${format}`, { example: examples.time[format] })}
            </option>
          ))}
        </SelectField>
      </div>
      <SelectField
        key={`density-${values.dashboardDensity}`}
        label={t("density")}
        name="dashboardDensity"
        defaultValue={values.dashboardDensity}
        hint={t("densityHint")}
        error={state.fieldErrors?.dashboardDensity}
      >
        {dashboardDensities.map((density) => (
          <option key={density} value={density}>
            {t(`densities.${density}`)}
          </option>
        ))}
      </SelectField>
      <div className="flex justify-end border-t border-border pt-5">
        <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
