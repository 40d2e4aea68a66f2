"use client";

import { Monitor, Smartphone } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Badge } from "@/components/ui/badge";
import { CardHeader } from "@/components/ui/card";
import { ConfirmSubmit } from "@/components/ui/confirm-dialog";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { revokeSessionsAction } from "./actions";

type SessionRow = { id: string; current: boolean; mobile: boolean; device: string; details: string };

/**
 * One form for the whole card: each row's button names its session, the header's button signs
 * out every other one (after a confirmation). One outcome is shown, above the list, and stays
 * visible after the signed-out rows have gone.
 */
export function SessionsForm({ title, description, sessions }: { title: string; description: string; sessions: SessionRow[] }) {
  const t = useTranslations("security");
  const [state, action] = useActionState(revokeSessionsAction, initialActionState);
  const others = sessions.filter((session) => !session.current).length;
  return (
    <form action={action}>
      <CardHeader
        id="sessions-heading"
        title={title}
        description={description}
        actions={
          others > 0 ? (
            <ConfirmSubmit
              name="scope"
              value="others"
              label={t("revokeOthers")}
              pendingLabel={t("revoking")}
              title={t("confirmRevokeOthersTitle")}
              description={t("confirmRevokeOthersText", { count: others })}
              confirmLabel={t("revokeOthers")}
              cancelLabel={t("cancel")}
            />
          ) : null
        }
      />
      <div className="mt-4 space-y-3">
        <FormMessage state={state} />
        <ul className="divide-y divide-border" aria-label={t("sessions")}>
          {sessions.map((session) => {
            const Icon = session.mobile ? Smartphone : Monitor;
            return (
              <li key={session.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div className="flex min-w-0 items-start gap-3">
                  <Icon aria-hidden className="mt-0.5 size-5 shrink-0 text-fg-muted" />
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
            );
          })}
        </ul>
      </div>
    </form>
  );
}
