"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState, type ActionState } from "@/lib/action-state";
import { WEBHOOK_DESCRIPTION_MAX, WEBHOOK_URL_MAX, webhookEventTypes } from "@/lib/constants";
import { createWebhookEndpointAction, updateWebhookEndpointAction } from "./actions";
import { SecretReveal } from "./secret-reveal";

type Values = { url: string; description: string; events: readonly string[] };

/** Event types are dotted ("call.completed"); message keys may not be. */
const eventKey = (type: string) => type.replace(/\./g, "_");

/** URL, description and the events as checkboxes with a line each; what was sent stays on a refusal. */
function EndpointFields({ state, initial }: { state: ActionState; initial: Values }) {
  const t = useTranslations("webhooks");
  const id = useId();
  const group = useRef<HTMLFieldSetElement>(null);
  const values = state.values;
  const checked = values ? (values.events ?? "").split(",").filter(Boolean) : initial.events;
  const eventsError = state.fieldErrors?.events;
  return (
    <>
      <Field
        label={t("form.url")}
        name="url"
        type="url"
        inputMode="url"
        autoComplete="off"
        placeholder="https://example.com/webhooks/clientdesk"
        hint={t("form.urlHint")}
        maxLength={WEBHOOK_URL_MAX}
        defaultValue={values?.url ?? initial.url}
        error={state.fieldErrors?.url}
        required
      />
      <Field
        label={t("form.description")}
        name="description"
        hint={t("form.descriptionHint")}
        maxLength={WEBHOOK_DESCRIPTION_MAX}
        defaultValue={values?.description ?? initial.description}
        error={state.fieldErrors?.description}
      />
      <fieldset ref={group} className="space-y-2" aria-describedby={eventsError ? `${id}-events-error` : undefined} aria-invalid={eventsError ? true : undefined}>
        <legend className="text-sm font-medium text-fg">{t("form.events")}</legend>
        <div className="flex flex-wrap items-center gap-2">
          <Button
            type="button"
            variant="secondary"
            className="min-h-9 px-3 py-1.5"
            onClick={() => group.current?.querySelectorAll<HTMLInputElement>('input[name="events"]').forEach((box) => (box.checked = true))}
          >
            {t("form.selectAll")}
          </Button>
          <Button
            type="button"
            variant="ghost"
            className="min-h-9 px-3 py-1.5"
            onClick={() => group.current?.querySelectorAll<HTMLInputElement>('input[name="events"]').forEach((box) => (box.checked = false))}
          >
            {t("form.selectNone")}
          </Button>
        </div>
        <ul className="grid gap-2 sm:grid-cols-2">
          {webhookEventTypes.map((type) => (
            <li key={type} className="flex items-start gap-2 rounded-md border border-border p-3">
              <input
                id={`${id}-${eventKey(type)}`}
                type="checkbox"
                name="events"
                value={type}
                defaultChecked={checked.includes(type)}
                aria-describedby={`${id}-${eventKey(type)}-help`}
                className="mt-0.5 size-4 shrink-0 accent-primary"
              />
              <div className="min-w-0">
                <label htmlFor={`${id}-${eventKey(type)}`} className="block font-mono text-13 font-medium" dir="ltr">
                  {type}
                </label>
                <p id={`${id}-${eventKey(type)}-help`} className="text-xs text-fg-muted">
                  {t(`events.${eventKey(type)}` as "events.call_completed")}
                </p>
              </div>
            </li>
          ))}
        </ul>
        {eventsError ? (
          <p id={`${id}-events-error`} className="text-sm text-danger">
            {eventsError}
          </p>
        ) : null}
      </fieldset>
    </>
  );
}

/** Adds an endpoint; its signing secret is shown here once, with how to verify what we send. */
export function CreateEndpointForm() {
  const t = useTranslations("webhooks");
  const [state, action] = useActionState(createWebhookEndpointAction, initialActionState);
  const secret = state.ok ? state.secrets?.[0] : undefined;
  return (
    <div className="mt-5 space-y-5">
      <FormMessage state={state} />
      {secret ? (
        <SecretReveal id="webhook-new-secret" secret={secret} label={t("secret.label")} warning={t("secret.onceWarning")}>
          <p className="text-13">
            {t.rich("secret.verifyHint", {
              code: (chunks) => <code className="font-mono">{chunks}</code>,
              link: (chunks) => (
                <Link href="/docs/api" className="font-medium text-primary underline underline-offset-2">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        </SecretReveal>
      ) : null}
      <form action={action} aria-label={t("addTitle")} className="space-y-4" noValidate>
        <EndpointFields state={state} initial={{ url: "", description: "", events: [] }} />
        <SubmitButton pendingLabel={t("form.adding")}>{t("form.add")}</SubmitButton>
      </form>
    </div>
  );
}

/** Changes an endpoint's URL, description and events. */
export function EditEndpointForm({ endpointId, initial }: { endpointId: string; initial: Values }) {
  const t = useTranslations("webhooks");
  const [state, action] = useActionState(updateWebhookEndpointAction, initialActionState);
  return (
    <form action={action} aria-label={t("editTitle")} className="mt-5 space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="endpointId" value={endpointId} />
      <EndpointFields state={state} initial={initial} />
      <SubmitButton pendingLabel={t("form.saving")}>{t("form.save")}</SubmitButton>
    </form>
  );
}
