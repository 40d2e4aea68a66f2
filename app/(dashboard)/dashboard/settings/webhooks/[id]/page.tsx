import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { KeysetPager } from "@/components/keyset-pager";
import { Card, CardHeader } from "@/components/ui/card";
import { WEBHOOK_SECRET_OVERLAP_HOURS } from "@/lib/constants";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getDateFormatter } from "@/lib/i18n/date-format-server";
import { getWebhookEndpoint, listWebhookDeliveries } from "@/lib/webhooks/service";
import { DeliveryStatusBadge, EndpointStateBadge } from "../badges";
import { DeleteEndpointForm, EnabledForm, RotateSecretForm, TestEventForm } from "../endpoint-controls";
import { EditEndpointForm } from "../endpoint-form";
import { isUuid, requireWebhookOwner } from "../owner";

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const DELIVERIES_PER_PAGE = 20;

/** The endpoint of the URL if it is the owner's account's; anything else is the same 404. */
const loadEndpoint = cache(async (id: string) => {
  const user = await requireWebhookOwner();
  const endpoint = isUuid(id) ? await getWebhookEndpoint(user, id) : null;
  if (!endpoint) notFound();
  return { user, endpoint };
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { endpoint } = await loadEndpoint((await params).id);
  return { title: `${(await getTranslations("webhooks"))("title")}: ${new URL(endpoint.url).host}` };
}

export default async function WebhookEndpointPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { id } = await params;
  const { user, endpoint } = await loadEndpoint(id);
  const search = await searchParams;
  const cursor = typeof search.cursor === "string" && search.cursor.length <= 500 ? search.cursor : undefined;
  const [t, dates, deliveries] = await Promise.all([getTranslations("webhooks"), getDateFormatter(), listWebhookDeliveries(user, endpoint.id, { cursor, limit: DELIVERIES_PER_PAGE })]);
  const when = (value: Date | string | null | undefined) => (value ? dates.dateTime(new Date(value)) : null);
  const base = `/dashboard/settings/webhooks/${endpoint.id}`;
  const previousUntil = endpoint.previousSecretExpiresAt && new Date(endpoint.previousSecretExpiresAt) > new Date() ? when(endpoint.previousSecretExpiresAt) : null;
  const cell = "px-3 py-2.5 align-top";
  const head = "px-3 py-2.5 text-start font-medium";

  return (
    <ClientMessages namespaces={["webhooks"]}>
      <div className="space-y-6">
        <Link href="/dashboard/settings/webhooks" prefetch={false} className="text-sm text-primary underline-offset-2 hover:underline">
          {t("back")}
        </Link>

        <Card aria-labelledby="webhook-endpoint-heading">
          <CardHeader id="webhook-endpoint-heading" title={t("editTitle")} actions={<EndpointStateBadge enabled={endpoint.enabled} reason={endpoint.disabledReason} />} />
          <p className="mt-2 break-all font-mono text-13 text-fg-muted" dir="ltr">
            {endpoint.url}
          </p>
          {endpoint.enabled ? null : <p className="mt-3 text-sm">{endpoint.disabledReason === "failing" ? t("disabledFailingHelp") : t("disabledHelp")}</p>}
          <div className="mt-4 flex flex-wrap items-start gap-3">
            <EnabledForm endpointId={endpoint.id} enabled={endpoint.enabled} />
            {endpoint.enabled ? <TestEventForm endpointId={endpoint.id} /> : null}
          </div>
          <EditEndpointForm endpointId={endpoint.id} initial={{ url: endpoint.url, description: endpoint.description, events: endpoint.events }} />
        </Card>

        <Card aria-labelledby="webhook-secret-heading">
          <CardHeader id="webhook-secret-heading" title={t("secret.title")} description={t("secret.description")} />
          {endpoint.secretPrefix ? (
            <p className="mt-3 text-sm">
              {t("secret.startsWith")} <bdi dir="ltr" className="font-mono">{endpoint.secretPrefix}…</bdi>
            </p>
          ) : null}
          {previousUntil ? <p className="mt-2 text-sm text-fg-muted">{t("secret.previousUntil", { date: previousUntil })}</p> : null}
          <RotateSecretForm endpointId={endpoint.id} overlapHours={WEBHOOK_SECRET_OVERLAP_HOURS} />
        </Card>

        <section aria-labelledby="webhook-log-heading" className="space-y-3">
          <h2 id="webhook-log-heading" className="text-base font-semibold">
            {t("log.title")}
          </h2>
          <p className="text-13 text-fg-muted">{t("log.description")}</p>
          {/* Wide rows scroll inside their own box on a phone, never the page. */}
          <div className="overflow-x-auto rounded-xl border border-border bg-surface shadow-card">
            <table className="w-full text-start text-sm">
              <caption className="sr-only">{t("log.caption")}</caption>
              <thead className="border-b border-border bg-surface-muted text-13 text-fg-muted">
                <tr>
                  <th scope="col" className={head}>{t("log.event")}</th>
                  <th scope="col" className={head}>{t("log.status")}</th>
                  <th scope="col" className={head}>{t("log.attempts")}</th>
                  <th scope="col" className={head}>{t("log.duration")}</th>
                  <th scope="col" className={head}>{t("log.time")}</th>
                  <th scope="col" className={head}>{t("log.nextTry")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-border">
                {deliveries.rows.length === 0 ? (
                  <tr>
                    <td colSpan={6} className="px-4 py-10 text-center text-fg-muted">
                      {t("log.empty")}
                    </td>
                  </tr>
                ) : (
                  deliveries.rows.map((delivery) => (
                    <tr key={delivery.id}>
                      <th scope="row" className={`${cell} text-start font-normal`}>
                        <Link href={`${base}/deliveries/${delivery.id}`} prefetch={false} className="font-mono text-13 font-medium text-primary underline-offset-2 hover:underline" dir="ltr">
                          {delivery.eventType}
                        </Link>
                        <span className="mt-0.5 block font-mono text-xs text-fg-muted" dir="ltr">
                          {delivery.eventId}
                        </span>
                        {delivery.replayOfId ? <span className="mt-0.5 block text-xs text-fg-muted">{t("log.replay")}</span> : null}
                      </th>
                      <td className={`${cell} whitespace-nowrap`}>
                        <DeliveryStatusBadge status={delivery.status} responseStatus={delivery.responseStatus} attempts={delivery.attempts} />
                      </td>
                      <td className={`${cell} tabular-nums`}>{delivery.attempts}</td>
                      <td className={`${cell} whitespace-nowrap tabular-nums`}>{delivery.durationMs !== null ? t("log.ms", { ms: delivery.durationMs }) : "—"}</td>
                      {/* Dates may wrap: six columns fit the settings width at 1280 px without scrolling. */}
                      <td className={`${cell} min-w-28`}>{when(delivery.createdAt)}</td>
                      <td className={`${cell} min-w-28`}>{delivery.status === "pending" ? (when(delivery.nextAttemptAt) ?? t("log.soon")) : "—"}</td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </div>
          {cursor || deliveries.nextCursor ? (
            <KeysetPager
              label={t("log.pagination")}
              newer={{ label: t("log.newest"), href: cursor ? base : null }}
              older={{ label: t("log.older"), href: deliveries.nextCursor ? `${base}?cursor=${encodeURIComponent(deliveries.nextCursor)}` : null }}
            />
          ) : null}
        </section>

        <Card aria-labelledby="webhook-delete-heading">
          <CardHeader id="webhook-delete-heading" title={t("deleteTitle")} description={t("deleteHelp")} />
          <DeleteEndpointForm endpointId={endpoint.id} />
        </Card>
      </div>
    </ClientMessages>
  );
}
