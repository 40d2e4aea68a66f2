"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { PASSWORD_MIN } from "@/lib/constants";
import { AuthHeading } from "../auth-heading";
import { NewPasswordField } from "../new-password-field";
import { resetPasswordAction } from "../actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("auth.resetPassword");
  const [state, action] = useActionState(resetPasswordAction, initialActionState);
  return (
    <>
      <AuthHeading title={t("title")} />
      <form action={action} className="mt-6 space-y-4" noValidate>
        <FormMessage state={state} />
        <input type="hidden" name="token" value={token} />
        <NewPasswordField label={t("password")} hint={t("passwordHint", { min: PASSWORD_MIN })} error={state.fieldErrors?.password ?? state.fieldErrors?.token} />
        <Field label={t("confirmPassword")} name="confirmPassword" type="password" autoComplete="new-password" required error={state.fieldErrors?.confirmPassword} />
        <SubmitButton pendingLabel={t("pending")} className="w-full">
          {t("submit")}
        </SubmitButton>
      </form>
    </>
  );
}
