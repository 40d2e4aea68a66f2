"use client";

import { MailCheck } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionState, useSyncExternalStore } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { PASSWORD_MIN } from "@/lib/constants";
import { AuthHeading } from "../auth-heading";
import { NewPasswordField } from "../new-password-field";
import { signUpAction } from "../actions";

const noSubscription = () => () => {};

/** The browser's time zone becomes the new account's; the server falls back to UTC without it. */
function useBrowserTimeZone(): string {
  return useSyncExternalStore(
    noSubscription,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => "",
  );
}

export function SignUpForm() {
  const t = useTranslations("auth.signUp");
  const [state, action] = useActionState(signUpAction, initialActionState);
  const timeZone = useBrowserTimeZone();
  if (state.ok) {
    return (
      <>
        <MailCheck aria-hidden className="mb-3 size-8 text-primary" />
        <AuthHeading title={t("checkEmailTitle")} />
        <div className="mt-4">
          <FormMessage state={state} />
        </div>
      </>
    );
  }
  return (
    <>
      <AuthHeading title={t("title")} subtitle={t("subtitle")} />
      <form action={action} className="mt-6 space-y-4" noValidate>
        <FormMessage state={state} />
        <input type="hidden" name="timeZone" value={timeZone} />
        <Field label={t("name")} name="name" autoComplete="name" required defaultValue={state.values?.name} error={state.fieldErrors?.name} />
        <Field label={t("email")} name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} error={state.fieldErrors?.email} />
        <NewPasswordField label={t("password")} hint={t("passwordHint", { min: PASSWORD_MIN })} error={state.fieldErrors?.password} />
        <SubmitButton pendingLabel={t("pending")} className="w-full">
          {t("submit")}
        </SubmitButton>
      </form>
    </>
  );
}
