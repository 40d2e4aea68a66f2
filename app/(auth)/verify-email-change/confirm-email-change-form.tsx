"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { AuthHeading } from "../auth-heading";
import { AuthSuccess } from "../auth-success";
import { confirmEmailChangeAction } from "./actions";

export function ConfirmEmailChangeForm({ token }: { token: string }) {
  const t = useTranslations("auth.verifyEmailChange");
  const [state, action] = useActionState(confirmEmailChangeAction, initialActionState);
  if (state.ok) return <AuthSuccess title={t("doneTitle")} state={state} signInLabel={t("continue")} />;
  const failed = state.fieldErrors?.token ? { ok: false, message: t("invalidToken"), link: { href: "/dashboard/profile", label: t("continue") } } : state;
  return (
    <>
      <AuthHeading title={t("title")} subtitle={t("subtitle")} />
      <form action={action} className="mt-6 space-y-4">
        <FormMessage state={failed} />
        <input type="hidden" name="token" value={token} />
        <SubmitButton pendingLabel={t("pending")} className="w-full">
          {t("submit")}
        </SubmitButton>
      </form>
    </>
  );
}
