"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/constants";
import { signUpAction } from "../actions";

export function SignUpForm() {
  const t = useTranslations("auth.signUp");
  const [state, action] = useActionState(signUpAction, initialActionState);
  if (state.ok) {
    return (
      <div className="mt-6">
        <FormMessage state={state} />
      </div>
    );
  }
  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      <FormMessage state={state} />
      <Field label={t("name")} name="name" autoComplete="name" required defaultValue={state.values?.name} error={state.fieldErrors?.name} />
      <Field label={t("email")} name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} error={state.fieldErrors?.email} />
      <Field
        label={t("password")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        maxLength={PASSWORD_MAX}
        hint={t("passwordHint", { min: PASSWORD_MIN })}
        error={state.fieldErrors?.password}
      />
      <SubmitButton pendingLabel={t("pending")} className="w-full">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
