"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ConfirmSubmit } from "@/components/ui/confirm-dialog";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import type { ThreadStatus } from "@/lib/constants";
import { setThreadStatusAction } from "../actions";

/** Close (asks first) or reopen the thread; the outcome stays shown after the status changed. */
export function ThreadStatusForm({ threadId, status }: { threadId: string; status: ThreadStatus }) {
  const t = useTranslations("adminMessaging");
  const [state, action] = useActionState(setThreadStatusAction, initialActionState);
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="threadId" value={threadId} />
      {status === "open" ? (
        <ConfirmSubmit
          label={t("close")}
          pendingLabel={t("closing")}
          title={t("closeTitle")}
          description={t("closeText")}
          confirmLabel={t("close")}
          cancelLabel={t("cancel")}
          variant="secondary"
          name="status"
          value="closed"
        />
      ) : (
        <SubmitButton variant="secondary" name="status" value="open" pendingLabel={t("reopening")}>
          {t("reopen")}
        </SubmitButton>
      )}
    </form>
  );
}
