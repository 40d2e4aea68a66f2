import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { z } from "zod";
import { Page } from "@/components/page";
import { ProjectRequestStatusBadge } from "@/components/project-request-status-badge";
import { RequestAttachments } from "@/components/request-attachments";
import { Card, CardHeader } from "@/components/ui/card";
import { adminGetRequest } from "@/db/queries/project-requests";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getDateFormatter } from "@/lib/i18n/date-format-server";
import { requireAdmin } from "@/lib/session";
import { PROJECT_DESCRIPTION_MAX } from "@/lib/validations/project-requests";
import { ConvertForm, DeclineForm, StartReviewForm } from "./decision-forms";

type Props = { params: Promise<{ id: string }> };

/** The request, or null for an id that is not one (any string reaches this page). */
const requestOf = cache(async (id: string) => (z.uuid().safeParse(id).success ? adminGetRequest(id) : null));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requireAdmin();
  const request = await requestOf((await params).id);
  return { title: request ? request.title : (await getTranslations("errors"))("notFoundTitle") };
}

export default async function AdminRequestPage({ params }: Props) {
  await requireAdmin();
  const request = await requestOf((await params).id);
  if (!request) notFound();
  const [t, r, dates] = await Promise.all([getTranslations("adminRequests"), getTranslations("projectRequests"), getDateFormatter()]);
  const when = (date: Date) => dates.dateTime(date);
  const waiting = request.status === "submitted" || request.status === "in_review";
  const facts: Array<[string, React.ReactNode]> = [
    [t("customer"), request.customerName],
    [t("submittedBy"), request.submittedByName ? `${request.submittedByName} (${request.submittedByEmail})` : t("unknownUser")],
    [r("detail.submittedAt"), when(request.createdAt)],
    [r("detail.budget"), r(`budgets.${request.budgetRange}`)],
    [r("detail.deadline"), request.desiredDeadline ? dates.day(request.desiredDeadline) : r("detail.noDeadline")],
    [r("detail.contact"), r(`contacts.${request.contactPreference}`)],
  ];
  const description = [request.goals, request.scope].filter(Boolean).join("\n\n").slice(0, PROJECT_DESCRIPTION_MAX);
  return (
    <Page
      title={request.title}
      actions={
        <Link href="/admin/requests" className="inline-flex items-center gap-1 text-sm font-medium text-primary underline-offset-2 hover:underline">
          <ArrowLeft aria-hidden className="rtl:-scale-x-100 size-4" />
          {t("back")}
        </Link>
      }
    >
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="min-w-0 space-y-6">
          <Card aria-labelledby="details-heading">
            <CardHeader id="details-heading" title={r("detail.details")} />
            <dl className="mt-3 grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
              {facts.map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-13 text-fg-muted">{label}</dt>
                  <dd className="min-w-0 break-words">{value}</dd>
                </div>
              ))}
            </dl>
          </Card>
          <Card aria-labelledby="goals-heading">
            <CardHeader id="goals-heading" title={t("goalsHeading")} />
            <p className="mt-3 whitespace-pre-wrap break-words">{request.goals}</p>
            <h2 className="mt-5 text-base font-semibold">{t("scopeHeading")}</h2>
            <p className={`mt-2 whitespace-pre-wrap break-words ${request.scope ? "" : "text-fg-muted"}`}>{request.scope || r("detail.noScope")}</p>
          </Card>
          <Card aria-labelledby="attachments-heading">
            <CardHeader id="attachments-heading" title={r("detail.attachments")} />
            <RequestAttachments files={request.attachments} headingId="attachments-heading" />
          </Card>
        </div>
        <div className="min-w-0 space-y-6">
          <Card aria-labelledby="decision-heading">
            <CardHeader id="decision-heading" title={t("decision")} />
            <div className="mt-3 space-y-3 text-sm">
              <p className="flex flex-wrap items-center gap-2">
                <ProjectRequestStatusBadge status={request.status} />
                {request.reviewedByName ? <span className="text-fg-muted">{`${t("reviewedBy")}: ${request.reviewedByName}`}</span> : null}
              </p>
              {request.decidedAt ? <p className="text-13 text-fg-muted">{r("decidedOn", { date: when(request.decidedAt) })}</p> : null}
              {request.status === "converted" && request.projectId && request.projectName ? (
                <Link href={`/admin/projects/${request.projectId}`} prefetch={false} className="inline-block font-medium text-primary underline underline-offset-2">
                  {t("openProject", { project: request.projectName })}
                </Link>
              ) : null}
              {request.status === "declined" ? <p className="whitespace-pre-wrap break-words">{request.declineReason}</p> : null}
              <ClientMessages namespaces={["adminRequests"]}>
                <StartReviewForm requestId={request.id} open={request.status === "submitted"} />
              </ClientMessages>
            </div>
          </Card>
          <ClientMessages namespaces={["adminRequests"]}>
            <ConvertForm requestId={request.id} open={waiting} defaults={{ name: request.title, description, dueDate: request.desiredDeadline ?? "" }} />
            <DeclineForm requestId={request.id} open={waiting} />
          </ClientMessages>
        </div>
      </div>
    </Page>
  );
}
