"use client";

import { useActionState } from "react";
import { ConfirmSubmit } from "@/components/ui/confirm-dialog";
import { FieldShell, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { initialActionState } from "@/lib/action-state";
import { CANCEL_REASON_MAX } from "@/lib/constants";
import { cancelSubscriptionAction } from "./actions";

type Texts = { reasonLabel: string; reasonHint: string; submit: string; pending: string; confirmTitle: string; confirmText: string; confirm: string; keep: string };

/** Cancelling takes effect at the end of the period; the reason is optional and asked before the confirmation. */
export function CancelSubscriptionForm({ texts }: { texts: Texts }) {
  const [state, action] = useActionState(cancelSubscriptionAction, initialActionState);
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <FieldShell
        id="cancel-reason"
        label={texts.reasonLabel}
        hint={texts.reasonHint}
        error={state.fieldErrors?.reason}
        control={(aria) => <textarea id="cancel-reason" name="reason" rows={3} maxLength={CANCEL_REASON_MAX} defaultValue={state.values?.reason ?? ""} className={inputClass} {...aria} />}
      />
      <ConfirmSubmit
        label={texts.submit}
        pendingLabel={texts.pending}
        title={texts.confirmTitle}
        description={texts.confirmText}
        confirmLabel={texts.confirm}
        cancelLabel={texts.keep}
        variant="danger"
      />
    </form>
  );
}
