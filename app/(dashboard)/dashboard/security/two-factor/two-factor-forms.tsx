"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { confirmTwoFactorAction, disableTwoFactorAction, regenerateRecoveryCodesAction, startTwoFactorAction } from "./actions";
import { CopyButton } from "@/components/ui/copy-button";

export function StartTwoFactorForm() {
  const t = useTranslations("twoFactor");
  const [state, action] = useActionState(startTwoFactorAction, initialActionState);
  return (
    <form action={action} className="mt-4 space-y-3" noValidate>
      <FormMessage state={state} />
      <Field
        label={t("password")}
        name="password"
        id="start-password"
        type="password"
        autoComplete="current-password"
        hint={t("passwordHint")}
        required
        error={state.fieldErrors?.password}
      />
      <SubmitButton pendingLabel={t("starting")}>{t("start")}</SubmitButton>
    </form>
  );
}

/** The secret in groups of four, as authenticator apps show it when typed in by hand. */
function groupedSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? secret;
}

export function ConfirmTwoFactorForm({ qrSvg, secret, uri, continueHref }: { qrSvg: string; secret: string; uri: string; continueHref: string }) {
  const t = useTranslations("twoFactor");
  const [state, action] = useActionState(confirmTwoFactorAction, initialActionState);
  if (state.ok && state.secrets) {
    return (
      <div className="mt-4 space-y-4">
        <FormMessage state={state} />
        <RecoveryCodes codes={state.secrets} />
        <ButtonLink href={continueHref}>{t("continue")}</ButtonLink>
      </div>
    );
  }
  return (
    <div className="mt-4 space-y-6">
      <ol className="list-decimal space-y-6 ps-5">
        <li className="space-y-3">
          <p>{t("stepScan")}</p>
          {/* Drawn on the server by the qrcode library from our own data: no user content in it. */}
          <div
            role="img"
            aria-label={t("qrLabel")}
            className="size-48 rounded-md bg-white p-2 [&>svg]:size-full"
            dangerouslySetInnerHTML={{ __html: qrSvg }}
          />
          <p className="text-sm text-fg-muted">{t("manualEntry")}</p>
          <p className="font-mono text-sm break-words" dir="ltr" data-testid="totp-secret">
            {groupedSecret(secret)}
          </p>
          <div className="flex flex-wrap gap-2">
            <CopyButton text={secret} label={t("copyKey")} copiedLabel={t("copied")} />
            {/* On a phone the QR code cannot be scanned by the phone itself: the app opens from this link instead. */}
            <a href={uri} className={buttonClass("secondary", "sm:hidden")}>
              {t("openInApp")}
            </a>
          </div>
        </li>
        <li>
          <form action={action} className="space-y-3" noValidate>
            <FormMessage state={state} />
            <Field
              label={t("confirmCode")}
              name="code"
              hint={t("confirmCodeHint")}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={7}
              required
              defaultValue={state.values?.code}
              error={state.fieldErrors?.code}
            />
            <SubmitButton pendingLabel={t("confirming")}>{t("confirm")}</SubmitButton>
          </form>
        </li>
      </ol>
    </div>
  );
}


/** The codes, shown once, with ways to keep them: copy or a text file. */
function RecoveryCodes({ codes }: { codes: string[] }) {
  const t = useTranslations("twoFactor");
  const text = codes.join("\n");
  return (
    <section aria-labelledby="recovery-codes-title" className="space-y-3 rounded-md border border-border p-4">
      <h2 id="recovery-codes-title" className="font-semibold">
        {t("codesTitle")}
      </h2>
      <p className="text-sm text-fg-muted">{t("codesHelp")}</p>
      <ul className="grid grid-cols-2 gap-2 font-mono text-sm" dir="ltr" aria-label={t("codesTitle")}>
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <CopyButton text={text} label={t("copy")} copiedLabel={t("copied")} />
        <a className={buttonClass("secondary")} href={`data:text/plain;charset=utf-8,${encodeURIComponent(`${text}\n`)}`} download="clientdesk-recovery-codes.txt">
          {t("download")}
        </a>
      </div>
    </section>
  );
}

export function RegenerateRecoveryCodesForm() {
  const t = useTranslations("twoFactor");
  const [state, action] = useActionState(regenerateRecoveryCodesAction, initialActionState);
  if (state.ok && state.secrets) {
    return (
      <div className="mt-4 space-y-4">
        <FormMessage state={state} />
        <RecoveryCodes codes={state.secrets} />
      </div>
    );
  }
  return (
    <form action={action} className="mt-4 space-y-3" noValidate>
      <FormMessage state={state} />
      <Field label={t("currentCode")} name="code" id="regenerate-code" autoComplete="one-time-code" required error={state.fieldErrors?.code} />
      <SubmitButton pendingLabel={t("regenerating")} variant="secondary">
        {t("regenerate")}
      </SubmitButton>
    </form>
  );
}

export function DisableTwoFactorForm() {
  const t = useTranslations("twoFactor");
  const [state, action] = useActionState(disableTwoFactorAction, initialActionState);
  return (
    <form action={action} className="mt-4 space-y-3" noValidate>
      <FormMessage state={state} />
      <Field label={t("password")} name="password" type="password" autoComplete="current-password" required error={state.fieldErrors?.password} />
      <Field label={t("currentCode")} name="code" id="disable-code" hint={t("currentCodeHint")} autoComplete="one-time-code" required error={state.fieldErrors?.code} />
      <SubmitButton pendingLabel={t("disabling")} variant="danger">
        {t("disable")}
      </SubmitButton>
    </form>
  );
}
