import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { Card, CardHeader } from "@/components/ui/card";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getDateFormatter } from "@/lib/i18n/date-format-server";
import { getWebhookDelivery } from "@/lib/webhooks/service";
import { DeliveryStatusBadge } from "../../../badges";
import { ReplayForm } from "../../../endpoint-controls";
import { isUuid, requireWebhookOwner } from "../../../owner";

type Params = Promise<{ id: string; deliveryId: string }>;

/** The delivery of the URL if it belongs to the owner's endpoint of the URL; anything else is the same 404. */
const loadDelivery = cache(async (endpointId: string, deliveryId: string) => {
  const user = await requireWebhookOwner();
  const delivery = isUuid(endpointId) && isUuid(deliveryId) ? await getWebhookDelivery(user, deliveryId) : null;
  if (!delivery || delivery.endpointId !== endpointId) notFound();
  return delivery;
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id, deliveryId } = await params;
  const delivery = await loadDelivery(id, deliveryId);
  return { title: `${delivery.eventType} · ${(await getTranslations("webhooks"))("title")}` };
}

/** One delivery: the request as sent (headers, body) and every attempt with what came back. */
export default async function WebhookDeliveryPage({ params }: { params: Params }) {
  const { id, deliveryId } = await params;
  const delivery = await loadDelivery(id, deliveryId);
  const [t, dates] = await Promise.all([getTranslations("webhooks"), getDateFormatter()]);
  const when = (value: Date | string | null | undefined) => (value ? dates.dateTime(new Date(value)) : "—");
  const sentHeaders = delivery.attempts.at(-1)?.requestHeaders ?? null;
  const pre = "mt-3 max-h-96 overflow-auto rounded-md bg-surface-muted p-3 font-mono text-xs whitespace-pre";

  return (
    <div className="space-y-6">
      <Link href={`/dashboard/settings/webhooks/${id}`} prefetch={false} className="text-sm text-primary underline-offset-2 hover:underline">
        {t("delivery.back")}
      </Link>

      <Card aria-labelledby="delivery-heading">
        <CardHeader
          id="delivery-heading"
          title={t("delivery.title", { type: delivery.eventType })}
          actions={<DeliveryStatusBadge status={delivery.status} responseStatus={delivery.responseStatus} attempts={delivery.attempts.length} />}
        />
        <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="text-fg-muted">{t("delivery.eventId")}</dt>
          <dd className="break-all font-mono text-13" dir="ltr">
            {delivery.eventId}
          </dd>
          <dt className="text-fg-muted">{t("log.time")}</dt>
          <dd>{when(delivery.createdAt)}</dd>
          <dt className="text-fg-muted">{t("log.attempts")}</dt>
          <dd className="tabular-nums">{delivery.attempts.length}</dd>
          {delivery.status === "pending" ? (
            <>
              <dt className="text-fg-muted">{t("log.nextTry")}</dt>
              <dd>{delivery.nextAttemptAt ? when(delivery.nextAttemptAt) : t("log.soon")}</dd>
            </>
          ) : null}
        </dl>
        <div className="mt-4">
          <ClientMessages namespaces={["webhooks"]}>
            <ReplayForm deliveryId={delivery.id} />
          </ClientMessages>
          <p className="mt-2 text-13 text-fg-muted">{t("delivery.replayHelp")}</p>
        </div>
      </Card>

      <Card aria-labelledby="delivery-request-heading">
        <CardHeader id="delivery-request-heading" title={t("delivery.request")} />
        {sentHeaders ? (
          <>
            <h3 className="mt-4 text-sm font-medium">{t("delivery.headers")}</h3>
            <pre className={pre} dir="ltr" tabIndex={0} aria-label={t("delivery.headers")}>
              {Object.entries(sentHeaders)
                .map(([name, value]) => `${name}: ${value}`)
                .join("\n")}
            </pre>
          </>
        ) : null}
        <h3 className="mt-4 text-sm font-medium">{t("delivery.body")}</h3>
        <pre className={pre} dir="ltr" tabIndex={0} aria-label={t("delivery.body")} data-testid="delivery-body">
          {JSON.stringify(delivery.payload, null, 2)}
        </pre>
      </Card>

      <section aria-labelledby="delivery-attempts-heading" className="space-y-3">
        <h2 id="delivery-attempts-heading" className="text-base font-semibold">
          {t("delivery.attemptsTitle")}
        </h2>
        {delivery.attempts.length === 0 ? (
          <p className="text-fg-muted">{t("delivery.noAttempts")}</p>
        ) : (
          <ol className="space-y-3" aria-label={t("delivery.attemptsTitle")}>
            {delivery.attempts.map((attempt, index) => (
              <li key={index} className="rounded-xl border border-border bg-surface p-4 shadow-card">
                <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
                  <span className="font-medium">{t("delivery.attempt", { number: index + 1 })}</span>
                  <span>{when(attempt.attemptedAt)}</span>
                  <span>{attempt.responseStatus !== null ? t("delivery.responseStatus", { status: attempt.responseStatus }) : t("delivery.noResponse")}</span>
                  <span className="tabular-nums">{t("log.ms", { ms: attempt.durationMs })}</span>
                </div>
                {attempt.error ? (
                  <p className="mt-2 text-sm text-danger">
                    {t("delivery.error")}: <bdi dir="ltr">{attempt.error}</bdi>
                  </p>
                ) : null}
                {attempt.responseBody ? (
                  <>
                    <h3 className="mt-3 text-13 font-medium">{t("delivery.responseExcerpt")}</h3>
                    <pre className={pre} dir="ltr" tabIndex={0}>
                      {attempt.responseBody}
                    </pre>
                  </>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
