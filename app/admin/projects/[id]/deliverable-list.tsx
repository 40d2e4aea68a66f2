"use client";

import { FileText } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { AttachmentPicker } from "@/components/attachment-picker";
import { ConfirmSubmit } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState, type ActionState } from "@/lib/action-state";
import { DELIVERABLE_TITLE_MAX } from "@/lib/constants";
import { addDeliverableAction, removeDeliverableAction } from "../actions";

type Deliverable = { id: string; title: string; fileId: string; details: string };

/** A title and one file, uploaded as soon as it is chosen; the customer's members are told once it is added. */
export function AddDeliverableForm({ projectId }: { projectId: string }) {
  const t = useTranslations("adminProjects.deliverables");
  // A new picker after each document added: the old one still lists the file it uploaded.
  const [round, setRound] = useState(0);
  const [state, action] = useActionState(async (previous: ActionState, formData: FormData) => {
    const next = await addDeliverableAction(previous, formData);
    if (next.ok) setRound((value) => value + 1);
    return next;
  }, initialActionState);
  return (
    // Validated by the browser too: the picker holds the form back while its file is uploading.
    <form action={action} className="mt-4 space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="projectId" value={projectId} />
      <Field id="deliverable-title" label={t("title")} name="title" defaultValue={state.values?.title} error={state.fieldErrors?.title} maxLength={DELIVERABLE_TITLE_MAX} />
      <AttachmentPicker key={round} purpose="deliverable" max={1} label={t("file")} error={state.fieldErrors?.attachmentIds} />
      <SubmitButton pendingLabel={t("adding")}>{t("add")}</SubmitButton>
    </form>
  );
}

export function DeliverableList({ deliverables }: { deliverables: Deliverable[] }) {
  const t = useTranslations("adminProjects.deliverables");
  const [removed, remove] = useActionState(removeDeliverableAction, initialActionState);
  return (
    <div className="mt-3 space-y-3">
      <FormMessage state={removed} />
      {deliverables.length === 0 ? (
        <p className="text-fg-muted">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-border" aria-label={t("listLabel")}>
          {deliverables.map((deliverable) => (
            <li key={deliverable.id} className="flex flex-wrap items-start gap-3 py-2.5">
              <FileText aria-hidden className="mt-0.5 size-5 shrink-0 text-fg-muted" />
              <div className="min-w-0 flex-1">
                <a href={`/api/files/${deliverable.fileId}`} download className="break-all font-medium text-primary underline-offset-2 hover:underline">
                  {deliverable.title}
                </a>
                <p className="break-all text-13 text-fg-muted">{deliverable.details}</p>
              </div>
              <form action={remove}>
                <input type="hidden" name="deliverableId" value={deliverable.id} />
                <ConfirmSubmit
                  variant="secondary"
                  label={t("remove")}
                  pendingLabel={t("removing")}
                  title={t("confirmRemoveTitle", { title: deliverable.title })}
                  description={t("confirmRemoveText")}
                  confirmLabel={t("remove")}
                  cancelLabel={t("cancel")}
                />
              </form>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
