"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { signInAction } from "../actions";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth.signIn");
  const [state, action] = useActionState(signInAction, initialActionState);
  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field label={t("email")} name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} error={state.fieldErrors?.email} />
      <Field label={t("password")} name="password" type="password" autoComplete="current-password" required error={state.fieldErrors?.password} />
      <div className="flex justify-end">
        <Link href="/forgot-password" className="text-sm text-primary underline-offset-2 hover:underline">
          {t("forgot")}
        </Link>
      </div>
      <SubmitButton pendingLabel={t("pending")} className="w-full">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
