"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ConfirmSubmit } from "@/components/ui/confirm-dialog";
import { Field, FieldShell, inputClass, SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { type AgentKind, type AssignmentRole, assignmentRoles } from "@/lib/constants";
import { approveAgentRequestAction, declineAgentRequestAction } from "./actions";

// Each form stays mounted after the request is decided (`open` turns false), so its outcome, e.g.
// "already decided" for a second staff member, stays on screen after the page re-renders.

type AgentOption = { id: string; name: string; kind: AgentKind; languages: string[] };

/** Prefilled with the agent the customer asked for (when still active) and today. */
export function ApproveForm({ requestId, open, agents, defaults }: { requestId: string; open: boolean; agents: AgentOption[]; defaults: { agentId: string; role: AssignmentRole; startsOn: string } }) {
  const t = useTranslations("adminAgentRequests");
  const roles = useTranslations("agents.roles");
  const kinds = useTranslations("agents.kinds");
  const [state, action] = useActionState(approveAgentRequestAction, initialActionState);
  if (!open && !state.message) return null;
  const errors = state.fieldErrors ?? {};
  const values = { ...defaults, ...state.values };
  const id = (name: string) => `${name}-${requestId}`;
  return (
    <form action={action} className="space-y-3" aria-label={t("approveLabel")}>
      <FormMessage state={state} />
      <input type="hidden" name="requestId" value={requestId} />
      {open && !state.ok ? (
        <>
          <div className="grid gap-3 sm:grid-cols-3">
            <SelectField id={id("agent")} label={t("agent")} name="agentId" defaultValue={values.agentId} error={errors.agentId} key={`agent-${values.agentId}`}>
              <option value="" disabled>
                {t("chooseAgent")}
              </option>
              {agents.map((agent) => (
                <option key={agent.id} value={agent.id}>
                  {`${agent.name} (${kinds(agent.kind)} · ${agent.languages.join(", ").toUpperCase()})`}
                </option>
              ))}
            </SelectField>
            <SelectField id={id("role")} label={t("role")} name="role" defaultValue={values.role} error={errors.role} key={`role-${values.role}`}>
              {assignmentRoles.map((role) => (
                <option key={role} value={role}>
                  {roles(role)}
                </option>
              ))}
            </SelectField>
            <Field id={id("starts")} label={t("startsOn")} name="startsOn" type="date" defaultValue={values.startsOn} error={errors.startsOn} />
          </div>
          <SubmitButton pendingLabel={t("approving")}>{t("approve")}</SubmitButton>
        </>
      ) : null}
    </form>
  );
}

export function DeclineForm({ requestId, open }: { requestId: string; open: boolean }) {
  const t = useTranslations("adminAgentRequests");
  const [state, action] = useActionState(declineAgentRequestAction, initialActionState);
  if (!open && !state.message) return null;
  const errors = state.fieldErrors ?? {};
  const reasonId = `reason-${requestId}`;
  return (
    <form action={action} className="space-y-3" aria-label={t("declineLabel")}>
      <FormMessage state={state} />
      <input type="hidden" name="requestId" value={requestId} />
      {open && !state.ok ? (
        <>
          <FieldShell
            id={reasonId}
            label={t("reason")}
            hint={t("reasonHint")}
            error={errors.reason}
            control={(aria) => <textarea id={reasonId} name="reason" rows={2} defaultValue={state.values?.reason} className={inputClass} {...aria} />}
          />
          <ConfirmSubmit
            label={t("decline")}
            pendingLabel={t("declining")}
            title={t("declineConfirmTitle")}
            description={t("declineConfirmText")}
            confirmLabel={t("decline")}
            cancelLabel={t("cancel")}
          />
        </>
      ) : null}
    </form>
  );
}
