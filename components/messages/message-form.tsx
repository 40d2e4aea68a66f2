"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { AttachmentPicker } from "@/components/attachment-picker";
import { Field, FieldShell, inputClass, SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState, type ActionState } from "@/lib/action-state";
import { MESSAGE_BODY_MAX, SUBJECT_MAX } from "@/lib/constants";

type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * One message form for every place a message is written: a new thread (with `subject`, and a
 * project choice when `projects` is given) or a reply (`hidden` carries the thread). Fields are
 * checked on the server only, so errors come in the page's language; the browser only holds the
 * form back while attachments are still uploading.
 */
export function MessageForm({
  action,
  hidden,
  subject,
  projects,
  bodyLabel,
  submitLabel,
  idPrefix,
}: {
  action: FormAction;
  hidden: Record<string, string>;
  /** A new thread: the subject field, with this initial value. */
  subject?: { defaultValue: string };
  /** The projects the thread may be about; none given, no choice offered. */
  projects?: { options: { id: string; name: string }[]; defaultValue: string };
  bodyLabel?: string;
  submitLabel?: string;
  /** Keeps ids unique when two message forms share a page. */
  idPrefix: string;
}) {
  const t = useTranslations("messaging.form");
  const [state, formAction] = useActionState(action, initialActionState);
  // A new picker after each send that went through: its uploads belong to the sent message now.
  const [seen, setSeen] = useState(state);
  const [sent, setSent] = useState(0);
  if (seen !== state) {
    setSeen(state);
    if (state.ok) setSent(sent + 1);
  }
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <form action={formAction} className="space-y-4">
      <FormMessage state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {subject ? (
        <Field id={id("subject")} label={t("subject")} name="subject" defaultValue={values.subject ?? subject.defaultValue} error={errors.subject} maxLength={SUBJECT_MAX} autoComplete="off" />
      ) : null}
      {projects && (projects.options.length > 0 || errors.projectId) ? (
        <SelectField id={id("project")} label={t("project")} hint={t("projectHint")} name="projectId" defaultValue={values.projectId ?? projects.defaultValue} error={errors.projectId}>
          <option value="">{t("noProject")}</option>
          {projects.options.map((project) => (
            <option key={project.id} value={project.id}>
              {project.name}
            </option>
          ))}
        </SelectField>
      ) : errors.projectId ? (
        // The project was fixed by the page (or there is none to choose): its refusal still shows.
        <p className="text-sm text-danger">{errors.projectId}</p>
      ) : null}
      <FieldShell
        id={id("body")}
        label={bodyLabel ?? t("body")}
        hint={t("bodyHint")}
        error={errors.body}
        control={(aria) => (
          // Keyed by the send count: a sent message's text goes, a refused one's stays.
          <textarea key={sent} id={id("body")} name="body" rows={5} maxLength={MESSAGE_BODY_MAX} defaultValue={values.body} className={inputClass} {...aria} />
        )}
      />
      <AttachmentPicker key={sent} purpose="message_attachment" name="attachmentIds" error={errors.attachmentIds} />
      <div className="flex justify-end">
        <SubmitButton pendingLabel={t("sending")}>{submitLabel ?? t("send")}</SubmitButton>
      </div>
    </form>
  );
}
