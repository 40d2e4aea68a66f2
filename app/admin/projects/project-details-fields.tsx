"use client";

import { useTranslations } from "next-intl";
import { Field, FieldShell, inputClass } from "@/components/ui/field";
import { PROJECT_DESCRIPTION_MAX, PROJECT_NAME_MAX } from "@/lib/constants";

/** Name, description and dates: the same fields when creating a project and when editing it. */
export function ProjectDetailsFields({ values, errors }: { values: Record<string, string>; errors: Record<string, string> }) {
  const t = useTranslations("adminProjects");
  return (
    <>
      <Field label={t("name")} name="name" defaultValue={values.name} error={errors.name} required maxLength={PROJECT_NAME_MAX} />
      <FieldShell
        id="field-description"
        label={t("descriptionLabel")}
        error={errors.description}
        control={(aria) => <textarea id="field-description" name="description" rows={4} maxLength={PROJECT_DESCRIPTION_MAX} defaultValue={values.description} className={inputClass} {...aria} />}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("startDate")} name="startDate" type="date" defaultValue={values.startDate} error={errors.startDate} />
        <Field label={t("dueDate")} name="dueDate" type="date" defaultValue={values.dueDate} error={errors.dueDate} />
      </div>
    </>
  );
}
