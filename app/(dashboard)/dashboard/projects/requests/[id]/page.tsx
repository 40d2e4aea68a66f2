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
import { getRequestForAccount } from "@/db/queries/project-requests";
import { getDateFormatter } from "@/lib/i18n/date-format-server";
import { requireUser } from "@/lib/session";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ sent?: string }> };

/** The request if it belongs to the user's account; anything else is a 404 that reveals nothing. */
const requestOf = cache(async (id: string) => {
  const user = await requireUser();
  if (!user.accountId || !z.uuid().safeParse(id).success) return null;
  return getRequestForAccount(user.accountId, id);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const request = await requestOf((await params).id);
  return { title: request ? request.title : (await getTranslations("errors"))("notFoundTitle") };
}

export default async function ProjectRequestPage({ params, searchParams }: Props) {
  const request = await requestOf((await params).id);
  if (!request) notFound();
  const [t, dates, { sent }] = await Promise.all([getTranslations("projectRequests"), getDateFormatter(), searchParams]);
  const when = (date: Date) => dates.dateTime(date);
  const facts: Array<[string, React.ReactNode]> = [
    [t("detail.status"), <ProjectRequestStatusBadge key="status" status={request.status} />],
    [t("detail.budget"), t(`budgets.${request.budgetRange}`)],
    [t("detail.deadline"), request.desiredDeadline ? dates.day(request.desiredDeadline) : t("detail.noDeadline")],
    [t("detail.contact"), t(`contacts.${request.contactPreference}`)],
    [t("detail.submittedBy"), request.submittedByName ?? "—"],
    [t("detail.submittedAt"), when(request.createdAt)],
  ];
  return (
    <Page
      title={request.title}
      width="narrow"
      actions={
        <Link href="/dashboard/projects/requests" className="inline-flex items-center gap-1 text-sm font-medium text-primary underline-offset-2 hover:underline">
          <ArrowLeft aria-hidden className="rtl:-scale-x-100 size-4" />
          {t("backToRequests")}
        </Link>
      }
    >
      <div className="space-y-6">
        {sent ? (
          <p role="status" className="rounded-md bg-success-soft px-3 py-2 text-sm text-success">
            {t("detail.sent")}
          </p>
        ) : null}
        <Card aria-labelledby="decision-heading">
          <CardHeader id="decision-heading" title={t("detail.decision")} />
          <div className="mt-3 space-y-2 text-sm">
            {request.status === "submitted" ? <p>{t("detail.waitingSubmitted")}</p> : null}
            {request.status === "in_review" ? <p>{t("detail.waitingReview")}</p> : null}
            {request.status === "converted" ? (
              <>
                <p>{t("detail.converted")}</p>
                {request.projectId && request.projectName ? (
                  <Link href={`/dashboard/projects/${request.projectId}`} prefetch={false} className="inline-block font-medium text-primary underline underline-offset-2">
                    {t("openProject", { project: request.projectName })}
                  </Link>
                ) : (
                  <p className="text-fg-muted">{t("projectGone")}</p>
                )}
              </>
            ) : null}
            {request.status === "declined" ? (
              <>
                <p>{t("detail.declined")}</p>
                <p className="font-medium">{t("detail.reason")}</p>
                <p className="whitespace-pre-wrap break-words">{request.declineReason}</p>
              </>
            ) : null}
            {request.decidedAt ? <p className="text-13 text-fg-muted">{t("decidedOn", { date: when(request.decidedAt) })}</p> : null}
          </div>
        </Card>
        <Card aria-labelledby="details-heading">
          <CardHeader id="details-heading" title={t("detail.details")} />
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
          <CardHeader id="goals-heading" title={t("detail.goals")} />
          <p className="mt-3 whitespace-pre-wrap break-words">{request.goals}</p>
          <h2 id="scope-heading" className="mt-5 text-base font-semibold">
            {t("detail.scope")}
          </h2>
          <p className={`mt-2 whitespace-pre-wrap break-words ${request.scope ? "" : "text-fg-muted"}`}>{request.scope || t("detail.noScope")}</p>
        </Card>
        <Card aria-labelledby="attachments-heading">
          <CardHeader id="attachments-heading" title={t("detail.attachments")} />
          <RequestAttachments files={request.attachments} headingId="attachments-heading" />
        </Card>
      </div>
    </Page>
  );
}
