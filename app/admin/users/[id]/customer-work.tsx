import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ProgressBar } from "@/components/projects/progress-bar";
import { ProjectStatusBadge } from "@/components/projects/project-status-badge";
import { ProjectRequestStatusBadge } from "@/components/project-request-status-badge";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { adminListThreadsOfAccount } from "@/db/queries/messages";
import { adminListRequestsOfAccount } from "@/db/queries/project-requests";
import { adminListProjectsOfAccount } from "@/db/queries/projects";
import { getDateFormatter } from "@/lib/i18n/date-format-server";

const linkClass = "text-sm font-medium text-primary underline-offset-2 hover:underline";

/** What staff do for the user's customer account: its projects, requests and conversations. */
export async function CustomerWork({ accountId }: { accountId: string }) {
  const [t, tProjects, dates, projects, requests, threads] = await Promise.all([
    getTranslations("admin.userDetail.work"),
    getTranslations("projects"),
    getDateFormatter(),
    adminListProjectsOfAccount(accountId),
    adminListRequestsOfAccount(accountId),
    adminListThreadsOfAccount(accountId, 10),
  ]);
  const dateTime = (date: Date) => dates.dateTime(date);
  return (
    <div className="mt-6 grid grid-cols-1 items-start gap-6 lg:grid-cols-3">
      <Card className="lg:col-span-2" aria-labelledby="customer-projects-heading">
        <CardHeader
          id="customer-projects-heading"
          title={t("projects")}
          actions={
            <Link href={`/admin/projects/new?account=${accountId}`} prefetch={false} className={linkClass}>
              {t("newProject")}
            </Link>
          }
        />
        {projects.length === 0 ? (
          <p className="mt-2 text-fg-muted">{t("noProjects")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-border">
            {projects.map((project) => (
              <li key={project.id} className="grid gap-2 py-3 sm:grid-cols-[1fr_12rem] sm:items-center">
                <div className="min-w-0">
                  <Link href={`/admin/projects/${project.id}`} prefetch={false} className="font-medium underline-offset-2 hover:underline">
                    {project.name}
                  </Link>
                  <p className="mt-1 flex flex-wrap items-center gap-2 text-13 text-fg-muted">
                    <ProjectStatusBadge status={project.status} label={tProjects(`statuses.${project.status}`)} />
                    {project.dueDate ? t("dueOn", { date: dates.day(project.dueDate) }) : null}
                  </p>
                </div>
                <ProgressBar value={project.progress} label={tProjects("progressOf", { name: project.name })} valueText={tProjects("percent", { value: project.progress })} />
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card aria-labelledby="customer-requests-heading">
        <CardHeader id="customer-requests-heading" title={t("requests")} />
        {requests.length === 0 ? (
          <p className="mt-2 text-fg-muted">{t("noRequests")}</p>
        ) : (
          <ul className="mt-3 space-y-3">
            {requests.map((request) => (
              <li key={request.id}>
                <Link href={`/admin/requests/${request.id}`} prefetch={false} className="font-medium underline-offset-2 hover:underline">
                  {request.title}
                </Link>
                <p className="mt-1 flex flex-wrap items-center gap-2 text-13 text-fg-muted">
                  <ProjectRequestStatusBadge status={request.status} />
                  {t("submittedOn", { date: dateTime(request.createdAt) })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card className="lg:col-span-3" aria-labelledby="customer-threads-heading">
        <CardHeader
          id="customer-threads-heading"
          title={t("threads")}
          actions={
            <Link href={`/admin/messages/new?account=${accountId}`} prefetch={false} className={linkClass}>
              {t("newMessage")}
            </Link>
          }
        />
        {threads.length === 0 ? (
          <p className="mt-2 text-fg-muted">{t("noThreads")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-border">
            {threads.map((thread) => (
              <li key={thread.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2.5">
                <span className="min-w-0">
                  <Link href={`/admin/messages/${thread.id}`} prefetch={false} className="font-medium underline-offset-2 hover:underline">
                    {thread.subject}
                  </Link>
                  {thread.projectName ? <span className="text-fg-muted"> · {thread.projectName}</span> : null}
                </span>
                <span className="flex items-center gap-2 text-13 text-fg-muted">
                  {thread.status === "closed" ? <Badge tone="neutral">{t("closed")}</Badge> : null}
                  {t("lastMessage", { date: dateTime(thread.lastMessageAt) })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
