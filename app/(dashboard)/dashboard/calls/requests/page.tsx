import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Page } from "@/components/page";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { getCallRequestsPage } from "@/lib/calls/requests";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getDateFormatter } from "@/lib/i18n/date-format-server";
import { utcToLocalDateTime } from "@/lib/local-date-time";
import { requireUser } from "@/lib/session";
import { CallRequestForm } from "./call-request-form";
import { CancelRequestForm, CancelRequests } from "./cancel-request-form";

const tone = { pending: "warning", claimed: "primary", completed: "success", cancelled: "neutral" } as const;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("callRequests"))("title") };
}

/** "Start a call": the request form, and the account's requests with where each stands. */
export default async function CallRequestsPage() {
  const user = await requireUser();
  if (!user.accountId) notFound();
  const [t, dates, { requests, agents }] = await Promise.all([getTranslations("callRequests"), getDateFormatter(), getCallRequestsPage(user)]);
  const when = (date: Date) => dates.dateTime(date);
  return (
    <Page title={t("title")} description={t("description")}>
      {/* One catalogue for the form and every row's cancel button. */}
      <ClientMessages namespaces={["callRequests"]}>
        <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
          <Card aria-labelledby="call-request-heading" className="self-start">
            <CardHeader id="call-request-heading" title={t("formTitle")} />
            <CallRequestForm agents={agents} timeZone={user.timeZone} now={utcToLocalDateTime(new Date(), user.timeZone)} />
          </Card>
          <section aria-labelledby="call-requests-heading">
            <h2 id="call-requests-heading" className="mb-3 text-base font-semibold">
              {t("listTitle")}
            </h2>
            <CancelRequests>
              {requests.length === 0 ? (
                <p className="rounded-xl border border-dashed border-border-strong bg-surface px-6 py-10 text-center text-fg-muted">{t("empty")}</p>
              ) : (
                <ul aria-label={t("caption")} className="divide-y divide-border rounded-xl border border-border bg-surface shadow-card">
                  {requests.map((request) => (
                    <li key={request.id} className="flex flex-wrap items-start justify-between gap-3 px-4 py-3">
                      <div className="min-w-0 space-y-0.5">
                        <p className="flex flex-wrap items-center gap-2">
                          <span className="font-medium tabular-nums" dir="ltr">{request.toNumber}</span>
                          <Badge tone={tone[request.status]}>{t(`statuses.${request.status}`)}</Badge>
                        </p>
                        <p className="text-13 text-fg-muted">
                          {request.scheduledFor ? when(request.scheduledFor) : t("asap")}
                          {request.agentName ? ` · ${request.agentName}` : ""}
                        </p>
                        {request.notes ? <p className="text-13 break-words">{request.notes}</p> : null}
                        <p className="text-xs text-fg-muted">{t("requestedBy", { name: request.requestedBy ?? t("formerMember"), date: when(request.createdAt) })}</p>
                      </div>
                      {request.status === "completed" && request.callId ? (
                        <Link href={`/dashboard/calls/${request.callId}`} prefetch={false} className="text-sm font-medium text-primary underline-offset-2 hover:underline">
                          {t("viewCall")}
                        </Link>
                      ) : request.status === "pending" ? (
                        <CancelRequestForm requestId={request.id} number={request.toNumber} />
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </CancelRequests>
          </section>
        </div>
      </ClientMessages>
    </Page>
  );
}
