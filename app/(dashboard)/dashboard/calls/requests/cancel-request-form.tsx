"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ConfirmSubmit } from "@/components/ui/confirm-dialog";
import { FormMessage } from "@/components/ui/form-message";
import { initialActionState } from "@/lib/action-state";
import { cancelCallRequestAction } from "./actions";

/** Cancels a pending request after asking; the refusal (already taken by the platform) shows above the button. */
export function CancelRequestForm({ requestId, number }: { requestId: string; number: string }) {
  const t = useTranslations("callRequests");
  const [state, action] = useActionState(cancelCallRequestAction, initialActionState);
  return (
    <form action={action} className="space-y-2">
      {state.ok ? null : <FormMessage state={state} />}
      <input type="hidden" name="requestId" value={requestId} />
      <ConfirmSubmit
        variant="secondary"
        label={t("cancel")}
        pendingLabel={t("cancelling")}
        title={t("cancelTitle")}
        description={t("cancelDescription", { number })}
        confirmLabel={t("cancelConfirm")}
        cancelLabel={t("keep")}
      />
    </form>
  );
}
