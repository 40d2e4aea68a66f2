"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { callQualities } from "@/lib/constants";
import type { CallPreferenceValues } from "@/db/queries/call-preferences";
import { updateCallPreferencesAction } from "./actions";

type Toggle = Exclude<keyof CallPreferenceValues, "callQuality">;

function ToggleRow({ name, label, hint, checked, onChange, error }: { name: Toggle; label: string; hint?: string; checked?: boolean; onChange?: (checked: boolean) => void; error?: string }) {
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <li className="px-4 py-3">
      <label className="flex min-h-8 cursor-pointer items-center justify-between gap-4">
        <span>{label}</span>
        <input
          type="checkbox"
          name={name}
          {...(onChange ? { checked, onChange: (event: React.ChangeEvent<HTMLInputElement>) => onChange(event.target.checked) } : { defaultChecked: checked })}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className="size-5 shrink-0 accent-primary"
        />
      </label>
      {hint ? (
        <p id={`${name}-hint`} className="mt-0.5 text-13 text-fg-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${name}-error`} className="mt-1 text-sm text-danger">
          {error}
        </p>
      ) : null}
    </li>
  );
}

/**
 * The account's call preferences. Consent and auto-record are controlled, so that taking consent
 * back also unticks auto-record: recording automatically needs consent (the server refuses it too).
 */
export function CallPreferencesForm({ preferences }: { preferences: CallPreferenceValues }) {
  const t = useTranslations("callPreferences");
  const [state, action] = useActionState(updateCallPreferencesAction, initialActionState);
  const submitted = state.values;
  const initial = (name: Toggle) => (submitted ? submitted[name] === "on" : preferences[name]);
  const [consent, setConsent] = useState(() => initial("recordingConsent"));
  const [autoRecord, setAutoRecord] = useState(() => initial("autoRecord"));
  const quality = submitted?.callQuality ?? preferences.callQuality;
  return (
    <form action={action} className="space-y-6">
      <FormMessage state={state} />
      <fieldset>
        <legend className="text-base font-semibold">{t("privacy")}</legend>
        <ul className="mt-3 divide-y divide-border rounded-lg border border-border">
          <ToggleRow
            name="recordingConsent"
            label={t("recordingConsent")}
            hint={t("recordingConsentHint")}
            checked={consent}
            onChange={(checked) => {
              setConsent(checked);
              if (!checked) setAutoRecord(false);
            }}
          />
          <ToggleRow name="autoRecord" label={t("autoRecord")} hint={t("autoRecordHint")} checked={autoRecord} onChange={setAutoRecord} error={state.fieldErrors?.autoRecord} />
        </ul>
      </fieldset>
      <fieldset>
        <legend className="text-base font-semibold">{t("calls")}</legend>
        <ul key={JSON.stringify(submitted ?? preferences)} className="mt-3 divide-y divide-border rounded-lg border border-border">
          <ToggleRow name="aiAssistance" label={t("aiAssistance")} checked={initial("aiAssistance")} />
          <ToggleRow name="noiseCancellation" label={t("noiseCancellation")} checked={initial("noiseCancellation")} />
          <ToggleRow name="autoAnswer" label={t("autoAnswer")} checked={initial("autoAnswer")} />
          <li className="px-4 py-3">
            <fieldset>
              <legend className="text-sm">{t("callQuality")}</legend>
              <div className="mt-2 grid grid-cols-3 gap-2 sm:max-w-sm">
                {callQualities.map((value) => (
                  <label
                    key={value}
                    className="flex min-h-10 cursor-pointer items-center justify-center rounded-md border border-border px-3 py-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary-soft has-[:checked]:text-primary has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-focus"
                  >
                    <input type="radio" name="callQuality" value={value} defaultChecked={quality === value} className="sr-only" />
                    {t(`qualities.${value}`)}
                  </label>
                ))}
              </div>
              {state.fieldErrors?.callQuality ? <p className="mt-1 text-sm text-danger">{state.fieldErrors.callQuality}</p> : null}
            </fieldset>
          </li>
        </ul>
      </fieldset>
      <div className="flex justify-end border-t border-border pt-5">
        <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
