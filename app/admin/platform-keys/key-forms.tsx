"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmSubmit } from "@/components/ui/confirm-dialog";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { PLATFORM_KEY_NAME_MAX } from "@/lib/constants";
import { createPlatformKeyAction, revokePlatformKeyAction } from "./actions";

/** Names a new key; the key itself is shown here once, with a copy button. */
export function CreateKeyForm() {
  const t = useTranslations("platformKeys");
  const [state, action] = useActionState(createPlatformKeyAction, initialActionState);
  const key = state.ok ? state.secrets?.[0] : undefined;
  return (
    <div className="mt-5 space-y-5">
      <FormMessage state={state} />
      {key ? (
        <div className="space-y-1 rounded-lg border border-warning bg-warning-soft p-4">
          <label htmlFor="platform-key-value" className="block text-sm font-medium">
            {t("newKey")}
          </label>
          <div className="flex flex-col gap-2 sm:flex-row">
            <input id="platform-key-value" readOnly value={key} onFocus={(event) => event.currentTarget.select()} aria-describedby="platform-key-hint" className={`${inputClass} font-mono text-13`} />
            <CopyButton text={key} />
          </div>
          <p id="platform-key-hint" className="text-13">
            {t("newKeyHint")}
          </p>
        </div>
      ) : null}
      <form action={action} className="flex flex-wrap items-start gap-2" noValidate>
        <div className="min-w-0 flex-1 basis-56">
          <Field label={t("name")} name="name" hint={t("nameHint")} maxLength={PLATFORM_KEY_NAME_MAX} defaultValue={state.values?.name} error={state.fieldErrors?.name} required />
        </div>
        <SubmitButton pendingLabel={t("creating")} className="sm:mt-6">
          {t("create")}
        </SubmitButton>
      </form>
    </div>
  );
}

function CopyButton({ text }: { text: string }) {
  const t = useTranslations("platformKeys");
  const [copied, setCopied] = useState(false);
  return (
    <Button
      type="button"
      variant="secondary"
      onClick={async () => {
        await navigator.clipboard.writeText(text);
        setCopied(true);
      }}
    >
      {copied ? t("copied") : t("copy")}
    </Button>
  );
}

/** Revokes one key after asking; its next request is refused. */
export function RevokeKeyForm({ keyId, name }: { keyId: string; name: string }) {
  const t = useTranslations("platformKeys");
  const [state, action] = useActionState(revokePlatformKeyAction, initialActionState);
  return (
    <form action={action} className="space-y-2">
      {state.ok ? null : <FormMessage state={state} />}
      <input type="hidden" name="keyId" value={keyId} />
      <ConfirmSubmit
        label={t("revoke")}
        pendingLabel={t("revoking")}
        title={t("revokeTitle")}
        description={t("revokeDescription", { name })}
        confirmLabel={t("revokeConfirm")}
        cancelLabel={t("keep")}
      />
    </form>
  );
}
