"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ButtonVariant } from "@/components/ui/button";
import { initialActionState, type ActionState } from "@/lib/action-state";

/**
 * One button that posts a billing action (subscribe, switch, fix payment, pay): most of them leave
 * for a checkout page, and a refusal shows above the button.
 */
export function BillingActionForm({
  action,
  fields = {},
  label,
  pendingLabel,
  variant,
  describedBy,
  className = "",
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  fields?: Record<string, string>;
  label: string;
  pendingLabel: string;
  variant?: ButtonVariant;
  describedBy?: string;
  className?: string;
}) {
  const [state, formAction] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className={`space-y-2 ${className}`}>
      <FormMessage state={state} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {/* Long labels ("Pay oldest open invoice (INV-…)", in German too) wrap instead of widening the card. */}
      <SubmitButton variant={variant} pendingLabel={pendingLabel} describedBy={describedBy} className="max-w-full whitespace-normal! text-center">
        {label}
      </SubmitButton>
    </form>
  );
}
