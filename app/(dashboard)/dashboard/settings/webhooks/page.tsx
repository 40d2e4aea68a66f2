import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, CardHeader } from "@/components/ui/card";
import { WEBHOOK_ENDPOINTS_PER_ACCOUNT_MAX } from "@/lib/constants";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getDateFormatter } from "@/lib/i18n/date-format-server";
import { listWebhookEndpoints } from "@/lib/webhooks/service";
import { DeliveryStatusBadge, EndpointStateBadge } from "./badges";
import { CreateEndpointForm } from "./endpoint-form";
import { requireWebhookOwner } from "./owner";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("webhooks"))("title") };
}

/** The account's webhook endpoints, and a form to add one. */
export default async function WebhooksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireWebhookOwner();
  const [t, dates, endpoints, search] = await Promise.all([getTranslations("webhooks"), getDateFormatter(), listWebhookEndpoints(user), searchParams]);
  const cell = "px-4 py-3 align-top";
  return (
    <div className="space-y-6">
      <p className="text-fg-muted">{t("description")}</p>
      {search.deleted === "1" ? (
        <p role="status" data-testid="form-message" className="rounded-md bg-success-soft px-3 py-2 text-sm text-success">
          {t("deleted")}
        </p>
      ) : null}
      <section aria-labelledby="webhook-endpoints-heading" className="space-y-3">
        <h2 id="webhook-endpoints-heading" className="text-base font-semibold">
          {t("listTitle")}
        </h2>
        {/* Wide rows scroll inside their own box on a phone, never the page. */}
        <div className="overflow-x-auto rounded-xl border border-border bg-surface shadow-card">
          <table className="w-full text-start text-sm">
            <caption className="sr-only">{t("listCaption")}</caption>
            <thead className="border-b border-border bg-surface-muted text-13 text-fg-muted">
              <tr>
                <th scope="col" className="px-4 py-2.5 text-start font-medium">
                  {t("columns.url")}
                </th>
                <th scope="col" className="px-4 py-2.5 text-start font-medium">
                  {t("columns.events")}
                </th>
                <th scope="col" className="px-4 py-2.5 text-start font-medium">
                  {t("columns.state")}
                </th>
                <th scope="col" className="px-4 py-2.5 text-start font-medium">
                  {t("columns.lastDelivery")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {endpoints.length === 0 ? (
                <tr>
                  <td colSpan={4} className="px-4 py-10 text-center text-fg-muted">
                    {t("empty")}
                  </td>
                </tr>
              ) : (
                endpoints.map((endpoint) => (
                  <tr key={endpoint.id}>
                    <th scope="row" className={`${cell} max-w-72 text-start font-medium`}>
                      <Link href={`/dashboard/settings/webhooks/${endpoint.id}`} prefetch={false} className="break-all text-primary underline-offset-2 hover:underline">
                        <bdi dir="ltr">{endpoint.url}</bdi>
                      </Link>
                      {endpoint.description ? <span className="mt-0.5 block font-normal text-fg-muted">{endpoint.description}</span> : null}
                    </th>
                    <td className={`${cell} whitespace-nowrap`}>{t("eventCount", { count: endpoint.events.length })}</td>
                    <td className={cell}>
                      <EndpointStateBadge enabled={endpoint.enabled} reason={endpoint.disabledReason} />
                    </td>
                    <td className={`${cell} whitespace-nowrap`}>
                      {endpoint.lastDelivery ? (
                        <span className="flex flex-col items-start gap-1">
                          <DeliveryStatusBadge status={endpoint.lastDelivery.status} responseStatus={endpoint.lastDelivery.responseStatus} />
                          <span className="text-13 text-fg-muted">{dates.dateTime(new Date(endpoint.lastDelivery.at))}</span>
                        </span>
                      ) : (
                        <span className="text-fg-muted">{t("noDeliveries")}</span>
                      )}
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      </section>
      <Card aria-labelledby="webhook-add-heading">
        <CardHeader id="webhook-add-heading" title={t("addTitle")} description={t("addDescription", { max: WEBHOOK_ENDPOINTS_PER_ACCOUNT_MAX })} />
        {endpoints.length >= WEBHOOK_ENDPOINTS_PER_ACCOUNT_MAX ? (
          <p className="mt-4 text-fg-muted">{t("limitReached", { max: WEBHOOK_ENDPOINTS_PER_ACCOUNT_MAX })}</p>
        ) : (
          <ClientMessages namespaces={["webhooks"]}>
            <CreateEndpointForm />
          </ClientMessages>
        )}
      </Card>
    </div>
  );
}
