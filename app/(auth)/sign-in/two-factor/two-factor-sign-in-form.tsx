"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { verifySignInCodeAction } from "../../actions";

export function TwoFactorSignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth.twoFactor");
  const [state, action] = useActionState(verifySignInCodeAction, initialActionState);
  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field
        label={t("code")}
        name="code"
        hint={t("codeHint")}
        autoComplete="one-time-code"
        autoCapitalize="none"
        spellCheck={false}
        required
        autoFocus
        maxLength={32}
        error={state.fieldErrors?.code}
      />
      <SubmitButton pendingLabel={t("pending")} className="w-full">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
