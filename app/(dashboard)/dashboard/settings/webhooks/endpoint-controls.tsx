"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ConfirmSubmit } from "@/components/ui/confirm-dialog";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { deleteWebhookEndpointAction, replayWebhookDeliveryAction, rotateWebhookSecretAction, sendTestWebhookAction, setWebhookEndpointEnabledAction } from "./actions";
import { SecretReveal } from "./secret-reveal";

/** Turns the endpoint off, or on again (which clears why it was turned off). */
export function EnabledForm({ endpointId, enabled }: { endpointId: string; enabled: boolean }) {
  const t = useTranslations("webhooks");
  const [state, action] = useActionState(setWebhookEndpointEnabledAction, initialActionState);
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="endpointId" value={endpointId} />
      <input type="hidden" name="enabled" value={enabled ? "false" : "true"} />
      <SubmitButton variant={enabled ? "secondary" : "primary"} pendingLabel={t("form.saving")}>
        {enabled ? t("disable") : t("enable")}
      </SubmitButton>
    </form>
  );
}

/** Sends a `ping` event now: it shows in the log below like any delivery. */
export function TestEventForm({ endpointId }: { endpointId: string }) {
  const t = useTranslations("webhooks");
  const [state, action] = useActionState(sendTestWebhookAction, initialActionState);
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="endpointId" value={endpointId} />
      <SubmitButton variant="secondary" pendingLabel={t("replaying")}>
        {t("sendTest")}
      </SubmitButton>
    </form>
  );
}

/** A new secret, shown once; the old one keeps signing alongside it for a day. */
export function RotateSecretForm({ endpointId, overlapHours }: { endpointId: string; overlapHours: number }) {
  const t = useTranslations("webhooks");
  const [state, action] = useActionState(rotateWebhookSecretAction, initialActionState);
  const secret = state.ok ? state.secrets?.[0] : undefined;
  return (
    <form action={action} className="mt-4 space-y-3">
      <FormMessage state={state} />
      {secret ? <SecretReveal id="webhook-rotated-secret" secret={secret} label={t("secret.newLabel")} warning={t("secret.rotatedWarning", { hours: overlapHours })} /> : null}
      <input type="hidden" name="endpointId" value={endpointId} />
      <ConfirmSubmit
        variant="secondary"
        label={t("rotate")}
        pendingLabel={t("rotating")}
        title={t("rotateTitle")}
        description={t("rotateDescription", { hours: overlapHours })}
        confirmLabel={t("rotateConfirm")}
        cancelLabel={t("cancel")}
      />
    </form>
  );
}

export function DeleteEndpointForm({ endpointId }: { endpointId: string }) {
  const t = useTranslations("webhooks");
  const [state, action] = useActionState(deleteWebhookEndpointAction, initialActionState);
  return (
    <form action={action} className="mt-4 space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="endpointId" value={endpointId} />
      <ConfirmSubmit label={t("delete")} pendingLabel={t("deleting")} title={t("deleteTitle")} description={t("deleteDescription")} confirmLabel={t("deleteConfirm")} cancelLabel={t("cancel")} />
    </form>
  );
}

/** Sends the delivery's event again, as a new delivery with the same webhook-id. */
export function ReplayForm({ deliveryId, labelSuffix }: { deliveryId: string; labelSuffix?: string }) {
  const t = useTranslations("webhooks");
  const [state, action] = useActionState(replayWebhookDeliveryAction, initialActionState);
  return (
    <form action={action} className="flex flex-col items-start gap-2">
      <input type="hidden" name="deliveryId" value={deliveryId} />
      <SubmitButton variant="secondary" className="min-h-9 px-3 py-1.5" pendingLabel={t("replaying")} describedBy={labelSuffix}>
        {t("replay")}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
