import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { WebhookDeliveryStatus } from "@/lib/constants";

const tones = { pending: "warning", succeeded: "success", failed: "danger" } as const;

/**
 * A delivery's outcome in words, with the HTTP status the receiver answered when there was one. A pending
 * delivery that was already tried is "Retrying": "Pending · 500" read as if the 500 were still to come.
 */
export async function DeliveryStatusBadge({ status, responseStatus, attempts }: { status: WebhookDeliveryStatus; responseStatus: number | null; attempts?: number }) {
  const t = await getTranslations("webhooks.statuses");
  const tried = (attempts ?? (responseStatus !== null ? 1 : 0)) > 0;
  const label = status === "pending" && tried ? t("retrying") : t(status);
  return <Badge tone={tones[status]}>{responseStatus !== null ? `${label} · ${responseStatus}` : label}</Badge>;
}

/** On, or off with the reason: by the owner, or by us after a day of failing deliveries. */
export async function EndpointStateBadge({ enabled, reason }: { enabled: boolean; reason: string | null }) {
  const t = await getTranslations("webhooks.state");
  if (enabled) return <Badge tone="success">{t("enabled")}</Badge>;
  return (
    <span className="flex flex-col items-start gap-1">
      <Badge tone={reason === "failing" ? "danger" : "neutral"}>{t("disabled")}</Badge>
      {reason === "failing" ? <span className="text-13 text-fg-muted">{t("failing")}</span> : null}
    </span>
  );
}
