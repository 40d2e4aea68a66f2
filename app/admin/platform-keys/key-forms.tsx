"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Badge } from "@/components/ui/badge";
import { ConfirmSubmit } from "@/components/ui/confirm-dialog";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { PLATFORM_KEY_NAME_MAX } from "@/lib/constants";
import { createPlatformKeyAction, revokePlatformKeyAction } from "./actions";
import { CopyButton } from "@/components/ui/copy-button";

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
            <input id="platform-key-value" readOnly value={key} onFocus={(event) => event.currentTarget.select()} aria-describedby="platform-key-hint" dir="ltr" className={`${inputClass} font-mono text-13`} />
            <CopyButton text={key} label={t("copy")} copiedLabel={t("copied")} />
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


export type KeyRow = { id: string; name: string; prefix: string; created: string; lastUsed: string | null; revoked: string | null };

/**
 * The keys, each live one with a revoke button that asks first. The outcome shows above the table
 * (one state for every row's form), since a revoked row loses its button.
 */
export function KeyTable({ keys }: { keys: KeyRow[] }) {
  const t = useTranslations("platformKeys");
  const [state, action] = useActionState(revokePlatformKeyAction, initialActionState);
  const cell = "px-4 py-3 align-top";
  return (
    <div className="space-y-3">
      <FormMessage state={state} />
      <div className="overflow-x-auto rounded-xl border border-border bg-surface shadow-card">
        <table className="w-full text-start text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <thead className="border-b border-border bg-surface-muted text-13 text-fg-muted">
            <tr>
              <th scope="col" className="px-4 py-2.5 font-medium">
                {t("columns.name")}
              </th>
              <th scope="col" className="hidden px-4 py-2.5 font-medium sm:table-cell">
                {t("columns.prefix")}
              </th>
              <th scope="col" className="hidden px-4 py-2.5 font-medium md:table-cell">
                {t("columns.created")}
              </th>
              <th scope="col" className="px-4 py-2.5 font-medium">
                {t("columns.lastUsed")}
              </th>
              <th scope="col" className="px-4 py-2.5 font-medium">
                {t("columns.status")}
              </th>
              <th scope="col" className="px-4 py-2.5 font-medium">
                <span className="sr-only">{t("columns.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {keys.length === 0 ? (
              <tr>
                <td colSpan={6} className="px-4 py-10 text-center text-fg-muted">
                  {t("empty")}
                </td>
              </tr>
            ) : (
              keys.map((key) => (
                <tr key={key.id}>
                  <th scope="row" className={`${cell} font-medium`}>
                    {key.name}
                    {/* Below 640 px the prefix column is hidden: it shows under the name. */}
                    <span className="mt-0.5 block font-mono text-13 font-normal text-fg-muted sm:hidden" dir="ltr">{key.prefix}…</span>
                  </th>
                  <td className={`${cell} hidden font-mono text-13 sm:table-cell`}>
                    <bdi dir="ltr">{key.prefix}…</bdi>
                  </td>
                  <td className={`${cell} hidden whitespace-nowrap md:table-cell`}>{key.created}</td>
                  <td className={`${cell} whitespace-nowrap`}>{key.lastUsed ?? <span className="text-fg-muted">{t("never")}</span>}</td>
                  <td className={cell}>{key.revoked ? <Badge tone="neutral">{t("revokedOn", { date: key.revoked })}</Badge> : <Badge tone="success">{t("active")}</Badge>}</td>
                  <td className={`${cell} text-end`}>
                    {key.revoked ? null : (
                      <form action={action}>
                        <input type="hidden" name="keyId" value={key.id} />
                        <ConfirmSubmit
                          label={t("revoke")}
                          labelSuffix={t("revokeWhich", { name: key.name })}
                          pendingLabel={t("revoking")}
                          title={t("revokeTitle")}
                          description={t("revokeDescription", { name: key.name })}
                          confirmLabel={t("revokeConfirm")}
                          cancelLabel={t("keep")}
                        />
                      </form>
                    )}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
