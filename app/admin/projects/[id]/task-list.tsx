"use client";

import { ArrowDown, ArrowUp } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { ConfirmSubmit } from "@/components/ui/confirm-dialog";
import { Field, SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState, type ActionState } from "@/lib/action-state";
import { taskStates, type TaskState } from "@/lib/constants";
import { TASK_TITLE_MAX } from "@/lib/constants";
import { createTaskAction, deleteTaskAction, moveTaskAction, updateTaskAction } from "../actions";

type Task = { id: string; title: string; state: TaskState };
type Dispatch = (payload: FormData) => void;

/**
 * Tasks in their order: add, edit, move with buttons, delete. Moving and deleting report above the
 * list (one state shared by every row's form), since the row itself moves or goes away.
 */
export function TaskList({ projectId, tasks }: { projectId: string; tasks: Task[] }) {
  const t = useTranslations("adminProjects.tasks");
  const [moved, move] = useActionState(moveTaskAction, initialActionState);
  const [deleted, remove] = useActionState(deleteTaskAction, initialActionState);
  // Only the outcome of the kind of form used last is shown.
  const [last, setLast] = useState<"move" | "delete">("move");
  return (
    <div className="mt-4 space-y-4">
      <AddTaskForm projectId={projectId} />
      <FormMessage state={last === "move" ? moved : deleted} />
      {tasks.length === 0 ? (
        <p className="text-fg-muted">{t("empty")}</p>
      ) : (
        <ol className="space-y-3" aria-label={t("listLabel")}>
          {tasks.map((task, index) => (
            <TaskRow key={task.id} task={task} position={index + 1} count={tasks.length} move={move} remove={remove} onUse={setLast} />
          ))}
        </ol>
      )}
    </div>
  );
}

function AddTaskForm({ projectId }: { projectId: string }) {
  const t = useTranslations("adminProjects.tasks");
  const [state, action] = useActionState(createTaskAction, initialActionState);
  return (
    <form action={action} className="space-y-2" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="projectId" value={projectId} />
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1 basis-56">
          <Field id="new-task-title" label={t("newTitle")} name="title" defaultValue={state.values?.title} error={state.fieldErrors?.title} maxLength={TASK_TITLE_MAX} />
        </div>
        <SubmitButton pendingLabel={t("adding")} className={state.fieldErrors?.title ? "mb-7" : ""}>
          {t("add")}
        </SubmitButton>
      </div>
    </form>
  );
}

function TaskRow({ task, position, count, move, remove, onUse }: { task: Task; position: number; count: number; move: Dispatch; remove: Dispatch; onUse: (form: "move" | "delete") => void }) {
  const t = useTranslations("adminProjects.tasks");
  const tProjects = useTranslations("projects");
  const [state, action] = useActionState<ActionState, FormData>(updateTaskAction, initialActionState);
  const values = { title: task.title, state: task.state, ...state.values };
  const label = t("rowLabel", { position, title: task.title });
  const titleId = `task-${task.id}-title`;
  return (
    <li aria-label={label} className="rounded-lg border border-border p-3">
      <form action={action} className="space-y-3" noValidate>
        <FormMessage state={state} />
        <input type="hidden" name="taskId" value={task.id} />
        <div className="grid gap-3 sm:grid-cols-[1fr_11rem]">
          <Field id={titleId} label={t("title", { position })} name="title" defaultValue={values.title} error={state.fieldErrors?.title} maxLength={TASK_TITLE_MAX} />
          <SelectField key={values.state} id={`task-${task.id}-state`} label={t("state")} name="state" defaultValue={values.state} error={state.fieldErrors?.state}>
            {taskStates.map((value) => (
              <option key={value} value={value}>
                {tProjects(`taskStates.${value}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="flex flex-wrap gap-2">
          <SubmitButton variant="secondary" pendingLabel={t("saving")} describedBy={titleId}>
            {t("save")}
          </SubmitButton>
        </div>
      </form>
      <div className="mt-2 flex flex-wrap gap-2">
        <form action={move} onSubmit={() => onUse("move")} className="flex gap-2">
          <input type="hidden" name="taskId" value={task.id} />
          {position > 1 ? (
            <SubmitButton variant="ghost" name="direction" value="up" pendingLabel={t("moving")} describedBy={titleId}>
              <ArrowUp aria-hidden className="size-4" />
              {t("moveUp")}
            </SubmitButton>
          ) : null}
          {position < count ? (
            <SubmitButton variant="ghost" name="direction" value="down" pendingLabel={t("moving")} describedBy={titleId}>
              <ArrowDown aria-hidden className="size-4" />
              {t("moveDown")}
            </SubmitButton>
          ) : null}
        </form>
        <form action={remove} onSubmit={() => onUse("delete")}>
          <input type="hidden" name="taskId" value={task.id} />
          <ConfirmSubmit
            variant="secondary"
            label={t("delete")}
            pendingLabel={t("deleting")}
            title={t("confirmDeleteTitle", { title: task.title })}
            description={t("confirmDeleteText")}
            confirmLabel={t("delete")}
            cancelLabel={t("cancel")}
          />
        </form>
      </div>
    </li>
  );
}
