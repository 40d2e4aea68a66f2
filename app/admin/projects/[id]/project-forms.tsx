"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { projectStatuses, type ProjectStatus } from "@/lib/constants";
import { changeProjectStatusAction, setProjectProgressAction, updateProjectAction } from "../actions";
import { ProjectDetailsFields } from "../project-details-fields";

type Details = { id: string; name: string; description: string; startDate: string | null; dueDate: string | null };

export function ProjectDetailsForm({ project }: { project: Details }) {
  const t = useTranslations("adminProjects");
  const [state, action] = useActionState(updateProjectAction, initialActionState);
  const values = { name: project.name, description: project.description, startDate: project.startDate ?? "", dueDate: project.dueDate ?? "", ...state.values };
  return (
    <form action={action} className="mt-4 space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="projectId" value={project.id} />
      <ProjectDetailsFields values={values} errors={state.fieldErrors ?? {}} />
      <SubmitButton pendingLabel={t("saving")}>{t("saveDetails")}</SubmitButton>
    </form>
  );
}

/** Every member of the customer's account is told of a new status, so the hint says so. */
export function ProjectStatusForm({ projectId, status }: { projectId: string; status: ProjectStatus }) {
  const t = useTranslations("adminProjects");
  const tProjects = useTranslations("projects");
  const [state, action] = useActionState(changeProjectStatusAction, initialActionState);
  return (
    <form action={action} className="mt-3 space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="projectId" value={projectId} />
      <SelectField key={status} label={t("status")} name="status" defaultValue={status} error={state.fieldErrors?.status} hint={t("statusHint")}>
        {projectStatuses.map((value) => (
          <option key={value} value={value}>
            {tProjects(`statuses.${value}`)}
          </option>
        ))}
      </SelectField>
      <SubmitButton pendingLabel={t("saving")}>{t("changeStatus")}</SubmitButton>
    </form>
  );
}

export function ProgressForm({ projectId, override }: { projectId: string; override: number | null }) {
  const t = useTranslations("adminProjects");
  const [state, action] = useActionState(setProjectProgressAction, initialActionState);
  const value = state.values?.progress ?? (override === null ? "" : String(override));
  return (
    <form action={action} className="mt-4 space-y-3" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="projectId" value={projectId} />
      <Field key={value} label={t("progressOverride")} name="progress" type="number" min={0} max={100} step={1} inputMode="numeric" defaultValue={value} error={state.fieldErrors?.progress} hint={t("progressHint")} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton name="mode" value="set" pendingLabel={t("saving")}>
          {t("setProgress")}
        </SubmitButton>
        {override !== null ? (
          <SubmitButton name="mode" value="derive" variant="secondary" pendingLabel={t("saving")}>
            {t("deriveProgress")}
          </SubmitButton>
        ) : null}
      </div>
    </form>
  );
}
