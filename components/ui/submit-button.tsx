"use client";

import { useFormStatus } from "react-dom";
import { Button, type ButtonVariant } from "./button";

/** Disables itself and says so while its form is being submitted. */
export function SubmitButton({
  children,
  pendingLabel,
  variant,
  className,
  name,
  value,
  describedBy,
}: {
  children: React.ReactNode;
  pendingLabel: string;
  variant?: ButtonVariant;
  className?: string;
  name?: string;
  value?: string;
  /** Ids of what the button acts on, e.g. the row it signs out, for screen readers. */
  describedBy?: string;
}) {
  const { pending, data } = useFormStatus();
  // In a form with one button per row, only the row whose button was pressed says it is pending.
  const mine = pending && (!name || data?.get(name) === value);
  return (
    <Button type="submit" variant={variant} className={className} disabled={pending} aria-disabled={pending} aria-describedby={describedBy} name={name} value={value}>
      {mine ? pendingLabel : children}
    </Button>
  );
}
