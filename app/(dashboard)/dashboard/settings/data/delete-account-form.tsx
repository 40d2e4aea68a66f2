"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { PASSWORD_MAX } from "@/lib/constants";
import { deleteAccountAction } from "./actions";

/** The password and the typed phrase; on success the action signs out and lands on the goodbye page. */
export function DeleteAccountForm() {
  const t = useTranslations("accountDeletion");
  const [state, action] = useActionState(deleteAccountAction, initialActionState);
  return (
    <form action={action} className="mt-4 space-y-4" noValidate aria-labelledby="delete-account-heading">
      <FormMessage state={state} />
      <Field
        label={t("password")}
        name="password"
        id="delete-account-password"
        type="password"
        autoComplete="current-password"
        required
        maxLength={PASSWORD_MAX}
        error={state.fieldErrors?.password}
      />
      <Field
        label={t("confirmation")}
        name="confirmation"
        id="delete-account-confirmation"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        required
        hint={t("confirmationHint")}
        defaultValue={state.values?.confirmation}
        error={state.fieldErrors?.confirmation}
      />
      <SubmitButton variant="danger" pendingLabel={t("pending")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
