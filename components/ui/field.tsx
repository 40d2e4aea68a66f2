import type { ComponentProps, ReactNode } from "react";

export const inputClass =
  "block w-full min-h-10 rounded-md border border-border bg-surface px-3 py-2 text-sm text-fg placeholder:text-fg-muted aria-[invalid=true]:border-danger";

type FieldProps = { label: string; name: string; error?: string; hint?: string };

/** Label, hint and error around one control, wired up for screen readers. */
export function FieldShell({ id, label, error, hint, control }: { id: string; label: string; error?: string; hint?: string; control: (aria: { "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode }) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-fg">
        {label}
      </label>
      {control({ "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-fg-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

// Addresses and numbers read left to right also on a right-to-left page (aligned to its start).
const leftToRightTypes = new Set(["email", "tel", "url"]);

export function Field({ label, name, error, hint, ...props }: ComponentProps<"input"> & FieldProps) {
  const id = props.id ?? `field-${name}`;
  return <FieldShell id={id} label={label} error={error} hint={hint} control={(aria) => (
        <input
          id={id}
          name={name}
          className={leftToRightTypes.has(props.type ?? "") ? `${inputClass} rtl:text-end` : inputClass}
          dir={leftToRightTypes.has(props.type ?? "") ? "ltr" : undefined}
          {...aria}
          {...props}
        />
      )} />;
}

export function SelectField({ label, name, error, hint, children, ...props }: ComponentProps<"select"> & FieldProps) {
  const id = props.id ?? `field-${name}`;
  return (
    <FieldShell
      id={id}
      label={label}
      error={error}
      hint={hint}
      control={(aria) => (
        <select id={id} name={name} className={inputClass} {...aria} {...props}>
          {children}
        </select>
      )}
    />
  );
}
