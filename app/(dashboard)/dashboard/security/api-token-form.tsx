"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, inputClass, SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { API_TOKEN_NAME_MAX, apiAccessLevels, apiScopeAreas, apiTokenExpiryDays, PASSWORD_MAX } from "@/lib/constants";
import { scopeField } from "@/lib/validations/api-tokens";
import { createApiTokenAction } from "./actions";
import { CopyButton } from "@/components/ui/copy-button";

const DEFAULT_EXPIRY_DAYS = "90";

/**
 * Name, access per area, expiry and the current password. A created token is shown here once, with
 * a copy button and a curl line to try it; after that only its first characters are ever shown.
 */
export function CreateApiTokenForm({ origin }: { origin: string }) {
  const t = useTranslations("apiTokens");
  const [state, action] = useActionState(createApiTokenAction, initialActionState);
  const token = state.ok ? state.secrets?.[0] : undefined;
  const scopesError = state.fieldErrors?.scopes;
  return (
    <div className="mt-4 space-y-4">
      <FormMessage state={state} />
      {token ? (
        <div className="space-y-2 rounded-lg border border-warning bg-warning-soft p-4">
          <label htmlFor="api-token-value" className="block text-sm font-medium">
            {t("newToken")}
          </label>
          <div className="flex flex-col gap-2 sm:flex-row">
            <input
              id="api-token-value"
              readOnly
              value={token}
              onFocus={(event) => event.currentTarget.select()}
              aria-describedby="api-token-warning"
              dir="ltr"
              className={`${inputClass} font-mono text-13`}
            />
            <CopyButton key={token} text={token} label={t("copy")} copiedLabel={t("copied")} />
          </div>
          <p id="api-token-warning" className="text-13 font-medium">
            {t("newTokenWarning")}
          </p>
          <p className="text-13">{t("curlHint")}</p>
          <code dir="ltr" className="block break-all rounded-md bg-surface px-3 py-2 text-xs">
            curl -H &quot;Authorization: Bearer {token}&quot; {origin}/api/v1/dashboard
          </code>
        </div>
      ) : null}
      <form action={action} className="space-y-4" noValidate aria-labelledby="api-token-create-heading">
        <h3 id="api-token-create-heading" className="text-sm font-semibold">
          {t("createTitle")}
        </h3>
        <Field
          label={t("name")}
          name="name"
          id="api-token-name"
          hint={t("nameHint")}
          maxLength={API_TOKEN_NAME_MAX}
          required
          defaultValue={state.values?.name}
          error={state.fieldErrors?.name}
        />
        <fieldset aria-describedby={`api-token-scopes-hint${scopesError ? " api-token-scopes-error" : ""}`} aria-invalid={scopesError ? true : undefined}>
          <legend className="text-sm font-medium">{t("scopes")}</legend>
          <p id="api-token-scopes-hint" className="text-xs text-fg-muted">
            {t("scopesHint")}
          </p>
          <div className="mt-2 grid grid-cols-1 gap-x-6 sm:grid-cols-2">
            {apiScopeAreas.map((area) => {
              const chosen = state.values?.[scopeField(area)] ?? "none";
              return (
                <fieldset key={area} className="border-b border-border py-2">
                  <legend className="sr-only">{t(`areas.${area}`)}</legend>
                  <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
                    <span aria-hidden className="text-sm">
                      {t(`areas.${area}`)}
                    </span>
                    <div className="flex gap-3">
                      {(["none", ...apiAccessLevels] as const).map((level) => (
                        <label key={level} className="inline-flex items-center gap-1.5 text-sm">
                          <input type="radio" name={scopeField(area)} value={level} defaultChecked={chosen === level} className="size-4 accent-primary" />
                          {t(`access.${level}`)}
                        </label>
                      ))}
                    </div>
                  </div>
                </fieldset>
              );
            })}
          </div>
          {scopesError ? (
            <p id="api-token-scopes-error" className="mt-1 text-sm text-danger">
              {scopesError}
            </p>
          ) : null}
        </fieldset>
        <SelectField label={t("expiry")} name="expiresInDays" id="api-token-expiry" hint={t("expiryHint")} defaultValue={state.values?.expiresInDays ?? DEFAULT_EXPIRY_DAYS} error={state.fieldErrors?.expiresInDays}>
          {apiTokenExpiryDays.map((days) => (
            <option key={days} value={String(days)}>
              {t("expiryDays", { days })}
            </option>
          ))}
          <option value="never">{t("expiryNever")}</option>
        </SelectField>
        <Field
          label={t("currentPassword")}
          name="currentPassword"
          id="api-token-password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={PASSWORD_MAX}
          hint={t("currentPasswordHint")}
          error={state.fieldErrors?.currentPassword}
        />
        <SubmitButton pendingLabel={t("creating")}>{t("create")}</SubmitButton>
      </form>
    </div>
  );
}

