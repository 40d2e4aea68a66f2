"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { projectStatuses } from "@/lib/constants";
import { createProjectAction } from "../actions";
import { ProjectDetailsFields } from "../project-details-fields";

export function NewProjectForm({ accounts, defaultAccountId }: { accounts: { id: string; name: string; ownerEmail: string | null }[]; defaultAccountId: string }) {
  const t = useTranslations("adminProjects");
  const tProjects = useTranslations("projects");
  const [state, action] = useActionState(createProjectAction, initialActionState);
  const values = { accountId: defaultAccountId, status: "planned", ...state.values };
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="mt-4 space-y-4" noValidate>
      <FormMessage state={state} />
      <SelectField key={values.accountId} label={t("new.customer")} name="accountId" defaultValue={values.accountId} error={errors.accountId} required>
        <option value="">{accounts.length === 0 ? t("new.noCustomers") : t("new.chooseCustomer")}</option>
        {accounts.map((account) => (
          <option key={account.id} value={account.id}>
            {account.ownerEmail ? `${account.name} (${account.ownerEmail})` : account.name}
          </option>
        ))}
      </SelectField>
      <ProjectDetailsFields values={values} errors={errors} />
      <SelectField key={values.status} label={t("status")} name="status" defaultValue={values.status} error={errors.status}>
        {projectStatuses.map((status) => (
          <option key={status} value={status}>
            {tProjects(`statuses.${status}`)}
          </option>
        ))}
      </SelectField>
      <SubmitButton pendingLabel={t("new.creating")}>{t("new.create")}</SubmitButton>
    </form>
  );
}
