"use client";

import { MailCheck } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { AuthHeading } from "../auth-heading";
import { forgotPasswordAction } from "../actions";

export function ForgotPasswordForm() {
  const t = useTranslations("auth.forgotPassword");
  const [state, action] = useActionState(forgotPasswordAction, initialActionState);
  if (state.ok) {
    return (
      <>
        <MailCheck aria-hidden className="mb-3 size-8 text-primary" />
        <AuthHeading title={t("sentTitle")} />
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
        <Field label={t("email")} name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} error={state.fieldErrors?.email} />
        <SubmitButton pendingLabel={t("pending")} className="w-full">
          {t("submit")}
        </SubmitButton>
      </form>
    </>
  );
}
