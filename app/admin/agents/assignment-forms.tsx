"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ConfirmSubmit } from "@/components/ui/confirm-dialog";
import { Field, SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { assignmentRoles } from "@/lib/constants";
import { assignAgentAction, endAssignmentAction } from "./actions";

/** Staff assign an agent to a customer account directly, from the customer's page. */
export function AssignAgentForm({ accountId, agents, today }: { accountId: string; agents: Array<{ id: string; name: string }>; today: string }) {
  const t = useTranslations("adminAgents.assignments");
  const roles = useTranslations("agents.roles");
  const [state, action] = useActionState(assignAgentAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const values = { agentId: "", role: "primary", startsOn: today, ...(state.ok ? {} : state.values) };
  return (
    <form action={action} className="space-y-3" aria-label={t("assign")}>
      <FormMessage state={state} />
      <input type="hidden" name="accountId" value={accountId} />
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField id="assign-agent" label={t("agent")} name="agentId" defaultValue={values.agentId} error={errors.agentId} key={`agent-${values.agentId}`}>
          <option value="" disabled>
            {t("chooseAgent")}
          </option>
          {agents.map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.name}
            </option>
          ))}
        </SelectField>
        <SelectField id="assign-role" label={t("role")} name="role" defaultValue={values.role} error={errors.role} key={`role-${values.role}`}>
          {assignmentRoles.map((role) => (
            <option key={role} value={role}>
              {roles(role)}
            </option>
          ))}
        </SelectField>
        <Field id="assign-starts" label={t("startsOn")} name="startsOn" type="date" defaultValue={values.startsOn} error={errors.startsOn} />
      </div>
      <SubmitButton pendingLabel={t("assigning")}>{t("assign")}</SubmitButton>
    </form>
  );
}

/** Stays mounted once the assignment has ended today (`open` turns false), so its outcome stays on screen. */
export function EndAssignmentForm({ assignmentId, agentName, open }: { assignmentId: string; agentName: string; open: boolean }) {
  const t = useTranslations("adminAgents.assignments");
  const [state, action] = useActionState(endAssignmentAction, initialActionState);
  if (!open && !state.message) return null;
  return (
    <form action={action} className="space-y-2">
      <FormMessage state={state} />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      {!open || state.ok ? null : (
        <ConfirmSubmit
          label={t("end")}
          pendingLabel={t("ending")}
          title={t("endConfirmTitle", { agent: agentName })}
          description={t("endConfirmText")}
          confirmLabel={t("end")}
          cancelLabel={t("cancel")}
          variant="secondary"
        />
      )}
    </form>
  );
}
