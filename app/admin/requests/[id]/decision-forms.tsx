"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmSubmit } from "@/components/ui/confirm-dialog";
import { Field, FieldShell, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { convertRequestAction, declineRequestAction, startRequestReviewAction } from "../actions";

// Each form stays mounted after the request changes (`open` turns false), so its outcome, e.g.
// "already decided" for a second staff member, stays on screen after the page re-renders.

export function StartReviewForm({ requestId, open }: { requestId: string; open: boolean }) {
  const t = useTranslations("adminRequests");
  const [state, action] = useActionState(startRequestReviewAction, initialActionState);
  if (!open && !state.message) return null;
  return (
    <form action={action} className="space-y-2">
      <FormMessage state={state} />
      <input type="hidden" name="requestId" value={requestId} />
      {open && !state.ok ? (
        <SubmitButton variant="secondary" pendingLabel={t("startingReview")}>
          {t("startReview")}
        </SubmitButton>
      ) : null}
    </form>
  );
}

/** Prefilled from the request; staff adjust it before the project is created. */
export function ConvertForm({ requestId, open, defaults }: { requestId: string; open: boolean; defaults: { name: string; description: string; dueDate: string } }) {
  const t = useTranslations("adminRequests");
  const [state, action] = useActionState(convertRequestAction, initialActionState);
  if (!open && !state.message) return null;
  const errors = state.fieldErrors ?? {};
  const values = { ...defaults, startDate: "", ...state.values };
  return (
    <Card aria-labelledby="convert-heading">
      <form action={action} className="space-y-4">
        <CardHeader id="convert-heading" title={t("convert")} description={open ? t("convertHelp") : undefined} />
        <FormMessage state={state} />
        <input type="hidden" name="requestId" value={requestId} />
        {open && !state.ok ? (
          <>
            <Field label={t("projectName")} name="name" defaultValue={values.name} error={errors.name} autoComplete="off" />
            <FieldShell
              id="field-description"
              label={t("projectDescription")}
              error={errors.description}
              control={(aria) => <textarea id="field-description" name="description" rows={8} defaultValue={values.description} className={inputClass} {...aria} />}
            />
            <div className="grid gap-4 sm:grid-cols-2">
              <Field label={t("startDate")} name="startDate" type="date" defaultValue={values.startDate} error={errors.startDate} />
              <Field label={t("dueDate")} name="dueDate" type="date" defaultValue={values.dueDate} error={errors.dueDate} />
            </div>
            <SubmitButton pendingLabel={t("converting")}>{t("convertSubmit")}</SubmitButton>
          </>
        ) : null}
      </form>
    </Card>
  );
}

export function DeclineForm({ requestId, open }: { requestId: string; open: boolean }) {
  const t = useTranslations("adminRequests");
  const [state, action] = useActionState(declineRequestAction, initialActionState);
  if (!open && !state.message) return null;
  const errors = state.fieldErrors ?? {};
  return (
    <Card aria-labelledby="decline-heading">
      <form action={action} className="space-y-4">
        <CardHeader id="decline-heading" title={t("decline")} description={open ? t("declineHelp") : undefined} />
        <FormMessage state={state} />
        <input type="hidden" name="requestId" value={requestId} />
        {open && !state.ok ? (
          <>
            <FieldShell
              id="field-reason"
              label={t("declineReason")}
              error={errors.reason}
              control={(aria) => <textarea id="field-reason" name="reason" rows={3} defaultValue={state.values?.reason} className={inputClass} {...aria} />}
            />
            <ConfirmSubmit
              label={t("declineSubmit")}
              pendingLabel={t("declining")}
              title={t("declineConfirmTitle")}
              description={t("declineConfirmText")}
              confirmLabel={t("declineSubmit")}
              cancelLabel={t("cancel")}
            />
          </>
        ) : null}
      </form>
    </Card>
  );
}
