"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/constants";
import { changePasswordAction } from "./actions";

/** Current and new password; the form empties after every submission, as password fields should. */
export function PasswordChangeForm() {
  const t = useTranslations("passwordChange");
  const [state, action] = useActionState(changePasswordAction, initialActionState);
  return (
    <>
      <CardHeader id="password-change-heading" title={t("title")} description={t("description")} />
      <form action={action} className="mt-4 space-y-4" noValidate aria-labelledby="password-change-heading">
        <FormMessage state={state} />
        <Field
          label={t("currentPassword")}
          name="currentPassword"
          id="password-change-current"
          type="password"
          autoComplete="current-password"
          required
          maxLength={PASSWORD_MAX}
          error={state.fieldErrors?.currentPassword}
        />
        <Field
          label={t("newPassword")}
          name="password"
          id="password-change-new"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN}
          maxLength={PASSWORD_MAX}
          hint={t("newPasswordHint", { min: PASSWORD_MIN })}
          error={state.fieldErrors?.password}
        />
        <SubmitButton pendingLabel={t("pending")}>{t("submit")}</SubmitButton>
      </form>
    </>
  );
}
