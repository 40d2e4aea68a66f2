"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { ConfirmSubmit } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { MILESTONE_TITLE_MAX } from "@/lib/constants";
import { createMilestoneAction, deleteMilestoneAction, setMilestoneDoneAction, updateMilestoneAction } from "../actions";

type Milestone = { id: string; title: string; dueDate: string; done: boolean; overdue: boolean; doneOn: string | null };
type Dispatch = (payload: FormData) => void;

/** Milestones by due date: add, edit, mark done (the customer is told) or reopen, delete. */
export function MilestoneList({ projectId, milestones }: { projectId: string; milestones: Milestone[] }) {
  const t = useTranslations("adminProjects.milestones");
  const [marked, mark] = useActionState(setMilestoneDoneAction, initialActionState);
  const [deleted, remove] = useActionState(deleteMilestoneAction, initialActionState);
  // Only the outcome of the kind of form used last is shown.
  const [last, setLast] = useState<"mark" | "delete">("mark");
  return (
    <div className="mt-4 space-y-4">
      <AddMilestoneForm projectId={projectId} />
      <FormMessage state={last === "mark" ? marked : deleted} />
      {milestones.length === 0 ? (
        <p className="text-fg-muted">{t("empty")}</p>
      ) : (
        <ul className="space-y-3" aria-label={t("listLabel")}>
          {milestones.map((milestone) => (
            <MilestoneRow key={milestone.id} milestone={milestone} mark={mark} remove={remove} onUse={setLast} />
          ))}
        </ul>
      )}
    </div>
  );
}

function AddMilestoneForm({ projectId }: { projectId: string }) {
  const t = useTranslations("adminProjects.milestones");
  const [state, action] = useActionState(createMilestoneAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} aria-label={t("add")} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="projectId" value={projectId} />
      <div className="grid gap-3 sm:grid-cols-[1fr_11rem]">
        <Field id="new-milestone-title" label={t("newTitle")} name="title" defaultValue={state.values?.title} error={errors.title} maxLength={MILESTONE_TITLE_MAX} />
        <Field id="new-milestone-due" label={t("dueDate")} name="dueDate" type="date" defaultValue={state.values?.dueDate} error={errors.dueDate} />
      </div>
      <SubmitButton pendingLabel={t("adding")}>{t("add")}</SubmitButton>
    </form>
  );
}

function MilestoneRow({ milestone, mark, remove, onUse }: { milestone: Milestone; mark: Dispatch; remove: Dispatch; onUse: (form: "mark" | "delete") => void }) {
  const t = useTranslations("adminProjects.milestones");
  const [state, action] = useActionState(updateMilestoneAction, initialActionState);
  const values = { title: milestone.title, dueDate: milestone.dueDate, ...state.values };
  const titleId = `milestone-${milestone.id}-title`;
  return (
    <li aria-label={milestone.title} className="rounded-lg border border-border p-3">
      <div className="mb-2 flex flex-wrap items-center gap-2">
        {milestone.done ? (
          <Badge tone="success">{t("doneOn", { date: milestone.doneOn ?? "" })}</Badge>
        ) : milestone.overdue ? (
          <Badge tone="danger">{t("overdue")}</Badge>
        ) : (
          <Badge>{t("open")}</Badge>
        )}
      </div>
      <form action={action} className="space-y-3" noValidate>
        <FormMessage state={state} />
        <input type="hidden" name="milestoneId" value={milestone.id} />
        <div className="grid gap-3 sm:grid-cols-[1fr_11rem]">
          <Field id={titleId} label={t("title")} name="title" defaultValue={values.title} error={state.fieldErrors?.title} maxLength={MILESTONE_TITLE_MAX} />
          <Field id={`milestone-${milestone.id}-due`} label={t("dueDate")} name="dueDate" type="date" defaultValue={values.dueDate} error={state.fieldErrors?.dueDate} />
        </div>
        <SubmitButton variant="secondary" pendingLabel={t("saving")} describedBy={titleId}>
          {t("save")}
        </SubmitButton>
      </form>
      <div className="mt-2 flex flex-wrap gap-2">
        <form action={mark} onSubmit={() => onUse("mark")}>
          <input type="hidden" name="milestoneId" value={milestone.id} />
          <input type="hidden" name="done" value={milestone.done ? "false" : "true"} />
          <SubmitButton variant={milestone.done ? "ghost" : "primary"} pendingLabel={t("saving")} describedBy={titleId}>
            {milestone.done ? t("reopen") : t("markDone")}
          </SubmitButton>
        </form>
        <form action={remove} onSubmit={() => onUse("delete")}>
          <input type="hidden" name="milestoneId" value={milestone.id} />
          <ConfirmSubmit
            variant="secondary"
            label={t("delete")}
            pendingLabel={t("deleting")}
            title={t("confirmDeleteTitle", { title: milestone.title })}
            description={t("confirmDeleteText")}
            confirmLabel={t("delete")}
            cancelLabel={t("cancel")}
          />
        </form>
      </div>
    </li>
  );
}
