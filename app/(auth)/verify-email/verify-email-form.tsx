"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { AuthSuccess } from "../auth-success";
import { verifyEmailAction } from "../actions";

export function VerifyEmailForm({ token }: { token: string }) {
  const t = useTranslations("auth.verifyEmail");
  const [state, action] = useActionState(verifyEmailAction, initialActionState);
  if (state.ok) return <AuthSuccess state={state} signInLabel={t("signIn")} />;
  return (
    <form action={action} className="mt-6 space-y-4">
      <FormMessage state={state.fieldErrors?.token ? { ok: false, message: t("invalidToken") } : state} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingLabel={t("pending")} className="w-full">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
