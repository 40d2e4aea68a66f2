"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { ConfirmSubmit } from "@/components/ui/confirm-dialog";
import { SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { resetTwoFactorAction, revokeUserSessionsAction, setUserRoleAction, setUserStatusAction } from "../actions";

/** Disabling signs the user out everywhere, so it asks first; enabling does not. */
export function UserStatusForm({ userId, name, status }: { userId: string; name: string; status: "active" | "disabled" }) {
  const t = useTranslations("admin.userDetail");
  const [state, action] = useActionState(setUserStatusAction, initialActionState);
  const next = status === "active" ? "disabled" : "active";
  return (
    <form action={action} className="space-y-2">
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="status" value={next} />
      <p className="text-13 text-fg-muted">{t(next === "disabled" ? "disableHint" : "enableHint")}</p>
      {next === "disabled" ? (
        <ConfirmSubmit
          label={t("disable")}
          pendingLabel={t("saving")}
          title={t("confirmDisableTitle", { name })}
          description={t("confirmDisableText")}
          confirmLabel={t("disable")}
          cancelLabel={t("cancel")}
        />
      ) : (
        <SubmitButton pendingLabel={t("saving")}>{t("enable")}</SubmitButton>
      )}
    </form>
  );
}

/** A role change asks first: an admin sees and changes every account. */
export function UserRoleForm({ userId, name, role }: { userId: string; name: string; role: "customer" | "admin" }) {
  const t = useTranslations("admin.userDetail");
  const [state, action] = useActionState(setUserRoleAction, initialActionState);
  const [chosen, setChosen] = useState(role);
  return (
    <form action={action} className="space-y-2">
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      <SelectField key={role} label={t("role")} name="role" defaultValue={role} onChange={(event) => setChosen(event.target.value as typeof role)} error={state.fieldErrors?.role}>
        <option value="customer">{t("roles.customer")}</option>
        <option value="admin">{t("roles.admin")}</option>
      </SelectField>
      <ConfirmSubmit
        disabled={chosen === role}
        variant={chosen === "admin" ? "danger" : "secondary"}
        label={t("changeRole")}
        pendingLabel={t("saving")}
        title={t(chosen === "admin" ? "confirmAdminTitle" : "confirmCustomerTitle", { name })}
        description={t(chosen === "admin" ? "confirmAdminText" : "confirmCustomerText")}
        confirmLabel={t("changeRole")}
        cancelLabel={t("cancel")}
      />
    </form>
  );
}

type SessionRow = { id: string; device: string; details: string };

/** The user's signed-in devices: sign out one, or all after a confirmation. The user is told. */
export function UserSessionsForm({ userId, name, sessions }: { userId: string; name: string; sessions: SessionRow[] }) {
  const t = useTranslations("admin.userDetail");
  const [state, action] = useActionState(revokeUserSessionsAction, initialActionState);
  return (
    <form action={action} className="mt-3 space-y-3">
      <input type="hidden" name="userId" value={userId} />
      <FormMessage state={state} />
      {sessions.length === 0 ? (
        <p className="text-fg-muted">{t("noSessions")}</p>
      ) : (
        <>
          <ul className="divide-y divide-border" aria-label={t("sessionsTitle")}>
            {sessions.map((session) => (
              <li key={session.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div className="min-w-0">
                  <p className="font-medium" id={`user-session-${session.id}`}>
                    {session.device}
                  </p>
                  <p className="text-13 text-fg-muted" id={`user-session-${session.id}-details`}>
                    {session.details}
                  </p>
                </div>
                <SubmitButton
                  variant="secondary"
                  name="sessionId"
                  value={session.id}
                  pendingLabel={t("revoking")}
                  describedBy={`user-session-${session.id} user-session-${session.id}-details`}
                >
                  {t("revokeSession")}
                </SubmitButton>
              </li>
            ))}
          </ul>
          <ConfirmSubmit
            name="scope"
            value="all"
            variant="danger"
            label={t("revokeAll")}
            pendingLabel={t("revoking")}
            title={t("confirmRevokeAllTitle", { name })}
            description={t("confirmRevokeAllText")}
            confirmLabel={t("revokeAll")}
            cancelLabel={t("cancel")}
          />
        </>
      )}
    </form>
  );
}

/**
 * Turning off someone's two-factor is for a user locked out for good, so it asks first. It stays
 * mounted once two-factor is off, so its outcome stays on screen.
 */
export function ResetTwoFactorForm({ userId, name, enabled }: { userId: string; name: string; enabled: boolean }) {
  const t = useTranslations("admin.userDetail");
  const [state, action] = useActionState(resetTwoFactorAction, initialActionState);
  return (
    <form action={action} className="space-y-2">
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      {enabled ? (
        <>
          <p className="text-13 text-fg-muted">{t("resetTwoFactorHint")}</p>
          <ConfirmSubmit
            label={t("resetTwoFactor")}
            pendingLabel={t("saving")}
            title={t("confirmResetTwoFactorTitle", { name })}
            description={t("confirmResetTwoFactorText")}
            confirmLabel={t("resetTwoFactor")}
            cancelLabel={t("cancel")}
          />
        </>
      ) : null}
    </form>
  );
}
