"use client";

import { Monitor } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Badge } from "@/components/ui/badge";
import { ConfirmSubmit } from "@/components/ui/confirm-dialog";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { revokeOtherSessionsAction, revokeSessionAction } from "./actions";

type SessionRow = { id: string; current: boolean; device: string; details: string };

/**
 * One form for the whole list, each row's button naming its session: the outcome is shown above
 * the list, so it stays visible after the signed-out session's row has gone.
 */
export function SessionList({ sessions }: { sessions: SessionRow[] }) {
  const t = useTranslations("security");
  const [state, action] = useActionState(revokeSessionAction, initialActionState);
  return (
    <form action={action} className="mt-4 space-y-3">
      <FormMessage state={state} />
      <ul className="divide-y divide-border" aria-label={t("sessions")}>
        {sessions.map((session) => (
          <li key={session.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <div className="flex min-w-0 items-start gap-3">
              <Monitor aria-hidden className="mt-0.5 size-5 shrink-0 text-fg-muted" />
              <div className="min-w-0">
                <p className="font-medium" id={`session-${session.id}`}>
                  {session.device} {session.current ? <Badge tone="success">{t("thisDevice")}</Badge> : null}
                </p>
                <p className="text-13 text-fg-muted" id={`session-${session.id}-details`}>
                  {session.details}
                </p>
              </div>
            </div>
            {session.current ? null : (
              <SubmitButton
                variant="secondary"
                name="sessionId"
                value={session.id}
                pendingLabel={t("revoking")}
                describedBy={`session-${session.id} session-${session.id}-details`}
              >
                {t("revoke")}
              </SubmitButton>
            )}
          </li>
        ))}
      </ul>
    </form>
  );
}

/** Stays mounted when no other session is left, so its outcome stays on screen. */
export function RevokeOthersForm({ count }: { count: number }) {
  const t = useTranslations("security");
  const [state, action] = useActionState(revokeOtherSessionsAction, initialActionState);
  if (count === 0 && !state.message) return null;
  return (
    <form action={action} className="flex flex-col items-end gap-2">
      <FormMessage state={state} />
      {count === 0 ? null : (
        <ConfirmSubmit
        label={t("revokeOthers")}
        pendingLabel={t("revoking")}
        title={t("confirmRevokeOthersTitle")}
        description={t("confirmRevokeOthersText", { count })}
        confirmLabel={t("revokeOthers")}
          cancelLabel={t("cancel")}
        />
      )}
    </form>
  );
}
