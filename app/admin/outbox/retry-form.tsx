"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { retryEmailAction } from "./actions";

/**
 * Sends a failed message again; the outcome is announced next to the button. It stays mounted when the
 * message is no longer failed (`canRetry` false), so the outcome outlives the re-render that follows.
 */
export function RetryEmailForm({ emailId, canRetry, describedBy }: { emailId: string; canRetry: boolean; describedBy?: string }) {
  const t = useTranslations("admin.outbox");
  const [state, action] = useActionState(retryEmailAction, initialActionState);
  return (
    <form action={action} className="space-y-2">
      <FormMessage state={state} />
      <input type="hidden" name="emailId" value={emailId} />
      {state.ok || !canRetry ? null : (
        <SubmitButton variant="secondary" pendingLabel={t("retrying")} describedBy={describedBy}>
          {t("retry")}
        </SubmitButton>
      )}
    </form>
  );
}
