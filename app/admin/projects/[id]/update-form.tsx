"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FieldShell, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { UPDATE_BODY_MAX } from "@/lib/constants";
import { postProjectUpdateAction } from "../actions";

/** Posting an update tells every member of the customer's account. */
export function PostUpdateForm({ projectId }: { projectId: string }) {
  const t = useTranslations("adminProjects.updates");
  const [state, action] = useActionState(postProjectUpdateAction, initialActionState);
  return (
    <form action={action} className="mt-4 space-y-3" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="projectId" value={projectId} />
      <FieldShell
        id="update-body"
        label={t("body")}
        hint={t("hint")}
        error={state.fieldErrors?.body}
        control={(aria) => <textarea id="update-body" name="body" rows={4} maxLength={UPDATE_BODY_MAX} defaultValue={state.values?.body} className={inputClass} {...aria} />}
      />
      <SubmitButton pendingLabel={t("posting")}>{t("post")}</SubmitButton>
    </form>
  );
}
