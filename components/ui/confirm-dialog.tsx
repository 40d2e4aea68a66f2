"use client";

import { useId, useRef } from "react";
import { useFormStatus } from "react-dom";
import { Button, type ButtonVariant } from "./button";

/**
 * A submit button that asks first: it opens a modal dialog inside its form, whose confirm button
 * submits the form. For risky actions (signing out every other session, disabling a user, roles).
 */
export function ConfirmSubmit({
  label,
  pendingLabel,
  title,
  description,
  confirmLabel,
  cancelLabel,
  variant = "danger",
}: {
  label: string;
  pendingLabel: string;
  title: string;
  description: string;
  confirmLabel: string;
  cancelLabel: string;
  variant?: ButtonVariant;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const { pending } = useFormStatus();
  return (
    <>
      {/* aria-disabled, not disabled, while pending: focus returns here from the dialog and must not drop to the page. */}
      <Button
        type="button"
        variant={variant}
        aria-haspopup="dialog"
        aria-disabled={pending}
        onClick={() => {
          if (!pending) dialog.current?.showModal();
        }}
      >
        {pending ? pendingLabel : label}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-description`}
        onClick={(event) => {
          if (event.target === event.currentTarget) dialog.current?.close();
        }}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-border bg-surface-raised p-0 text-fg shadow-xl"
      >
        <div className="p-6">
          <h2 id={`${id}-title`} className="text-base font-semibold">
            {title}
          </h2>
          <p id={`${id}-description`} className="mt-2 text-fg-muted">
            {description}
          </p>
          <div className="mt-6 flex flex-wrap justify-end gap-2">
            <Button type="button" variant="secondary" autoFocus onClick={() => dialog.current?.close()}>
              {cancelLabel}
            </Button>
            <Button type="submit" variant={variant} onClick={() => dialog.current?.close()}>
              {confirmLabel}
            </Button>
          </div>
        </div>
      </dialog>
    </>
  );
}
