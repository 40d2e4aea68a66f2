"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { retryEmailAction } from "./actions";

/** Sends a failed message again; the outcome is announced next to the button. */
export function RetryEmailForm({ emailId, describedBy }: { emailId: string; describedBy?: string }) {
  const t = useTranslations("admin.outbox");
  const [state, action] = useActionState(retryEmailAction, initialActionState);
  return (
    <form action={action} className="space-y-2">
      <FormMessage state={state} />
      <input type="hidden" name="emailId" value={emailId} />
      {state.ok ? null : (
        <SubmitButton variant="secondary" pendingLabel={t("retrying")} describedBy={describedBy}>
          {t("retry")}
        </SubmitButton>
      )}
    </form>
  );
}
