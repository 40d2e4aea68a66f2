"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { revokeOtherSessionsAction, revokeSessionAction } from "./actions";

export function RevokeSessionForm({ sessionId }: { sessionId: string }) {
  const t = useTranslations("security");
  const [state, action] = useActionState(revokeSessionAction, initialActionState);
  return (
    <form action={action} className="flex items-center gap-2">
      {state.ok ? null : <FormMessage state={state} />}
      <input type="hidden" name="sessionId" value={sessionId} />
      <SubmitButton variant="secondary" pendingLabel={t("revoking")}>
        {t("revoke")}
      </SubmitButton>
    </form>
  );
}

export function RevokeOthersForm() {
  const t = useTranslations("security");
  const [state, action] = useActionState(revokeOtherSessionsAction, initialActionState);
  return (
    <form action={action} className="flex items-center gap-2">
      <FormMessage state={state} />
      <SubmitButton variant="danger" pendingLabel={t("revoking")}>
        {t("revokeOthers")}
      </SubmitButton>
    </form>
  );
}
