"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState, type ActionState } from "@/lib/action-state";
import { AuthHeading } from "./auth-heading";
import { AuthSuccess } from "./auth-success";

/**
 * A link from an email (verify an address, confirm an email change) acts only when its button is
 * pressed: mail scanners that open links must not confirm anything.
 */
export function ConfirmTokenForm({
  token,
  action: submit,
  namespace,
  continueLabel,
  continueHref,
}: {
  token: string;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  /** Where the page's texts are: title, subtitle, submit, pending, doneTitle, invalidToken. */
  namespace: "auth.verifyEmail" | "auth.verifyEmailChange";
  continueLabel: string;
  continueHref: string;
}) {
  const t = useTranslations(namespace);
  const texts = { title: t("title"), subtitle: t("subtitle"), submit: t("submit"), pending: t("pending"), doneTitle: t("doneTitle"), invalidToken: t("invalidToken") };
  const [state, action] = useActionState(submit, initialActionState);
  if (state.ok) return <AuthSuccess title={texts.doneTitle} state={state} signInLabel={continueLabel} />;
  const failed = state.fieldErrors?.token ? { ok: false, message: texts.invalidToken, link: { href: continueHref, label: continueLabel } } : state;
  return (
    <>
      <AuthHeading title={texts.title} subtitle={texts.subtitle} />
      <form action={action} className="mt-6 space-y-4">
        <FormMessage state={failed} />
        <input type="hidden" name="token" value={token} />
        <SubmitButton pendingLabel={texts.pending} className="w-full">
          {texts.submit}
        </SubmitButton>
      </form>
    </>
  );
}
