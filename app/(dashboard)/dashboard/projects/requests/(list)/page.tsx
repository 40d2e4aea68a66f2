import { ArrowLeft, FileQuestion, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { Page } from "@/components/page";
import { ProjectRequestStatusBadge } from "@/components/project-request-status-badge";
import { ButtonLink } from "@/components/ui/button";
import { listRequestsForAccount } from "@/db/queries/project-requests";
import { getDateFormatter } from "@/lib/i18n/date-format-server";
import { requireUser } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("projectRequests"))("title") };
}

export default async function ProjectRequestsPage() {
  const user = await requireUser();
  const [t, dates, requests] = await Promise.all([getTranslations("projectRequests"), getDateFormatter(), user.accountId ? listRequestsForAccount(user.accountId) : []]);
  const when = (date: Date) => dates.date(date);
  return (
    <Page
      title={t("title")}
      description={t("description")}
      actions={
        <div className="flex flex-wrap items-center gap-3">
          <Link href="/dashboard/projects" className="inline-flex items-center gap-1 text-sm font-medium text-primary underline-offset-2 hover:underline">
            <ArrowLeft aria-hidden className="rtl:-scale-x-100 size-4" />
            {t("backToProjects")}
          </Link>
          {user.accountId ? (
            <ButtonLink href="/dashboard/projects/requests/new">
              <Plus aria-hidden className="size-4" />
              {t("newRequest")}
            </ButtonLink>
          ) : null}
        </div>
      }
    >
      {requests.length === 0 ? (
        <EmptyState icon={FileQuestion} title={t("emptyTitle")} description={t("emptyText")} />
      ) : (
        <ul aria-label={t("listLabel")} className="divide-y divide-border overflow-hidden rounded-xl border border-border bg-surface shadow-card">
          {requests.map((request) => (
            <li key={request.id} className="space-y-1.5 px-4 py-4 sm:px-5">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <Link href={`/dashboard/projects/requests/${request.id}`} prefetch={false} className="min-w-0 break-words font-medium text-primary underline-offset-2 hover:underline">
                  {request.title}
                </Link>
                <ProjectRequestStatusBadge status={request.status} />
              </div>
              <p className="text-13 text-fg-muted">
                {t("submittedOn", { date: when(request.createdAt) })}
                {request.decidedAt ? ` · ${t("decidedOn", { date: when(request.decidedAt) })}` : null}
              </p>
              {request.status === "converted" ? (
                request.projectId && request.projectName ? (
                  <Link href={`/dashboard/projects/${request.projectId}`} prefetch={false} className="inline-block text-sm font-medium text-primary underline underline-offset-2">
                    {t("openProject", { project: request.projectName })}
                  </Link>
                ) : (
                  <p className="text-sm text-fg-muted">{t("projectGone")}</p>
                )
              ) : null}
              {request.status === "declined" && request.declineReason ? (
                <p className="whitespace-pre-wrap break-words text-sm">{t("declinedBecause", { reason: request.declineReason })}</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
