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
  labelSuffix,
  pendingLabel,
  title,
  description,
  confirmLabel,
  cancelLabel,
  variant = "danger",
  disabled = false,
  name,
  value,
}: {
  label: string;
  /** Read by screen readers only, after the label: names the row when every row has this button. */
  labelSuffix?: string;
  pendingLabel: string;
  title: string;
  description: string;
  confirmLabel: string;
  cancelLabel: string;
  variant?: ButtonVariant;
  /** Nothing to confirm yet (e.g. the same role chosen): the button stays focusable but does nothing. */
  disabled?: boolean;
  /** Sent with the form when confirmed, to say which of several actions of one form this is. */
  name?: string;
  value?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const { pending, data } = useFormStatus();
  // In a form with several actions, only this one says it is pending when it was the one confirmed.
  const mine = pending && (!name || data?.get(name) === value);
  return (
    <>
      {/* aria-disabled, not disabled, while pending: focus returns here from the dialog and must not drop to the page. */}
      <Button
        type="button"
        variant={variant}
        aria-haspopup="dialog"
        aria-disabled={pending || disabled}
        className={disabled ? "opacity-60" : ""}
        onClick={() => {
          if (!pending && !disabled) dialog.current?.showModal();
        }}
      >
        {mine ? pendingLabel : label}
        {labelSuffix ? <span className="sr-only"> {labelSuffix}</span> : null}
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
          <div className="mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button type="button" variant="secondary" autoFocus onClick={() => dialog.current?.close()}>
              {cancelLabel}
            </Button>
            <Button type="submit" variant={variant} name={name} value={value} onClick={() => dialog.current?.close()}>
              {confirmLabel}
            </Button>
          </div>
        </div>
      </dialog>
    </>
  );
}
