"use client";

import { useTranslations } from "next-intl";
import { createContext, use, useActionState } from "react";
import { ConfirmSubmit } from "@/components/ui/confirm-dialog";
import { FormMessage } from "@/components/ui/form-message";
import { initialActionState } from "@/lib/action-state";
import { cancelCallRequestAction } from "./actions";

const CancelAction = createContext<((payload: FormData) => void) | null>(null);

/**
 * One cancel state for every row of the list, shown above it: a cancelled request's row loses its
 * button, and with it any message the row's own form could show.
 */
export function CancelRequests({ children }: { children: React.ReactNode }) {
  const [state, action] = useActionState(cancelCallRequestAction, initialActionState);
  return (
    <CancelAction value={action}>
      <div className="space-y-3">
        <FormMessage state={state} />
        {children}
      </div>
    </CancelAction>
  );
}

/** Cancels a pending request after asking. */
export function CancelRequestForm({ requestId, number }: { requestId: string; number: string }) {
  const t = useTranslations("callRequests");
  const action = use(CancelAction);
  return (
    <form action={action ?? undefined}>
      <input type="hidden" name="requestId" value={requestId} />
      <ConfirmSubmit
        variant="secondary"
        label={t("cancel")}
        labelSuffix={t("cancelWhich", { number })}
        pendingLabel={t("cancelling")}
        title={t("cancelTitle")}
        description={t("cancelDescription", { number })}
        confirmLabel={t("cancelConfirm")}
        cancelLabel={t("keep")}
      />
    </form>
  );
}
