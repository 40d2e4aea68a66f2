"use client";

import { useTranslations } from "next-intl";
import { CopyButton } from "@/components/ui/copy-button";
import { inputClass } from "@/components/ui/field";

/** A signing secret shown once: read-only, selected on focus, with a copy button and the warning. */
export function SecretReveal({ id, secret, label, warning, children }: { id: string; secret: string; label: string; warning: string; children?: React.ReactNode }) {
  const t = useTranslations("webhooks");
  return (
    <div className="space-y-2 rounded-lg border border-warning bg-warning-soft p-4">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input id={id} readOnly value={secret} onFocus={(event) => event.currentTarget.select()} aria-describedby={`${id}-warning`} dir="ltr" className={`${inputClass} font-mono text-13`} />
        <CopyButton text={secret} label={t("copy")} copiedLabel={t("copied")} />
      </div>
      <p id={`${id}-warning`} className="text-13 font-medium">
        {warning}
      </p>
      {children}
    </div>
  );
}
