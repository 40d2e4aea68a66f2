import { Star } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { z } from "zod";
import { Page } from "@/components/page";
import { ProgressBar } from "@/components/projects/progress-bar";
import { ProjectStatusBadge } from "@/components/projects/project-status-badge";
import { Card, CardHeader } from "@/components/ui/card";
import { adminGetProject } from "@/db/queries/projects";
import { fileKind, formatFileSize } from "@/lib/file-size";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getDateFormatter } from "@/lib/i18n/date-format-server";
import { isOverdue, todayIn } from "@/lib/projects/dates";
import { requireAdmin } from "@/lib/session";
import { ProjectInvoices } from "../../invoices/staff-invoice-lists";
import { AddDeliverableForm, DeliverableList } from "./deliverable-list";
import { MilestoneList } from "./milestone-list";
import { ProgressForm, ProjectDetailsForm, ProjectStatusForm } from "./project-forms";
import { TaskList } from "./task-list";
import { PostUpdateForm } from "./update-form";

type Params = Promise<{ id: string }>;

const loadProject = cache(async (id: string) => {
  await requireAdmin();
  const project = z.uuid().safeParse(id).success ? await adminGetProject(id) : null;
  if (!project) notFound();
  return project;
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: (await loadProject((await params).id)).name };
}

export default async function AdminProjectPage({ params, searchParams }: { params: Params; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [admin, project, search] = await Promise.all([requireAdmin(), loadProject((await params).id), searchParams]);
  const [t, tProjects, dates, locale] = await Promise.all([getTranslations("adminProjects"), getTranslations("projects"), getDateFormatter(), getLocale()]);
  const today = todayIn(admin.timeZone);
  const milestones = project.milestones.map((milestone) => ({
    id: milestone.id,
    title: milestone.title,
    dueDate: milestone.dueDate,
    done: milestone.completedAt !== null,
    doneOn: milestone.completedAt ? dates.date(milestone.completedAt) : null,
    overdue: isOverdue(milestone, today),
  }));
  const deliverables = project.deliverables.map((deliverable) => ({
    id: deliverable.id,
    title: deliverable.title,
    fileId: deliverable.fileId,
    details: tProjects("fileDetails", { name: deliverable.fileName, size: formatFileSize(deliverable.sizeBytes, locale), type: fileKind(deliverable.fileName) }),
  }));

  return (
    <>
      <div className="mx-auto w-full max-w-6xl">
        <Link href="/admin/projects" prefetch={false} className="text-sm text-primary underline-offset-2 hover:underline">
          {t("back")}
        </Link>
      </div>
      <div className="mt-3">
        <Page title={project.name} actions={<ProjectStatusBadge status={project.status} label={tProjects(`statuses.${project.status}`)} />}>
          <div className="-mt-3 mb-6 space-y-1 text-fg-muted">
            <p>
              {t.rich("customerLine", {
                customer: project.accountName,
                link: (chunks) => (
                  <Link href={`/admin/projects?account=${project.accountId}`} prefetch={false} className="font-medium text-primary underline-offset-2 hover:underline">
                    {chunks}
                  </Link>
                ),
              })}
            </p>
            {project.request ? (
              <p>
                {t.rich("fromRequest", {
                  title: project.request.title,
                  link: (chunks) => (
                    <Link href={`/admin/requests/${project.request!.id}`} prefetch={false} className="font-medium text-primary underline-offset-2 hover:underline">
                      {chunks}
                    </Link>
                  ),
                })}
              </p>
            ) : null}
          </div>
          {search.created ? (
            <p role="status" className="mb-6 rounded-md bg-success-soft px-3 py-2 text-sm text-success">
              {t("messages.created")}
            </p>
          ) : null}
          <ClientMessages namespaces={["adminProjects", "projects", "attachments"]}>
            <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-3">
              <div className="min-w-0 space-y-6 lg:col-span-2">
                <Card aria-labelledby="details-heading">
                  <CardHeader id="details-heading" title={t("detailsTitle")} />
                  <ProjectDetailsForm project={project} />
                </Card>
                <Card aria-labelledby="tasks-heading">
                  <CardHeader id="tasks-heading" title={t("tasks.heading")} description={tProjects("tasksSummary", { done: project.tasksDone, total: project.tasksTotal })} />
                  <TaskList projectId={project.id} tasks={project.tasks} />
                </Card>
                <Card aria-labelledby="milestones-heading">
                  <CardHeader id="milestones-heading" title={t("milestones.heading")} />
                  <MilestoneList projectId={project.id} milestones={milestones} />
                </Card>
                <Card aria-labelledby="updates-heading">
                  <CardHeader id="updates-heading" title={t("updates.heading")} />
                  <PostUpdateForm projectId={project.id} />
                  {project.updates.length > 0 ? (
                    <ol className="mt-6 space-y-4 border-t border-border pt-4" aria-label={t("updates.posted")}>
                      {project.updates.map((update) => (
                        <li key={update.id}>
                          <p className="text-13 text-fg-muted">
                            <time dateTime={update.createdAt.toISOString()}>{dates.dateTime(update.createdAt)}</time>
                            {" · "}
                            {update.authorName ?? tProjects("team")}
                          </p>
                          <p className="mt-1 whitespace-pre-line break-words">{update.body}</p>
                        </li>
                      ))}
                    </ol>
                  ) : null}
                </Card>
              </div>
              <div className="min-w-0 space-y-6">
                <Card aria-labelledby="status-heading">
                  <CardHeader id="status-heading" title={t("statusTitle")} />
                  <ProjectStatusForm projectId={project.id} status={project.status} />
                </Card>
                <Card aria-labelledby="progress-heading">
                  <CardHeader id="progress-heading" title={tProjects("progress")} description={tProjects(project.progressDerived ? "progressDerived" : "progressSet")} />
                  <div className="mt-3">
                    <ProgressBar value={project.progress} label={tProjects("progress")} valueText={tProjects("percent", { value: project.progress })} />
                  </div>
                  <ProgressForm projectId={project.id} override={project.progressDerived ? null : project.progress} />
                </Card>
                <Card aria-labelledby="deliverables-heading">
                  <CardHeader id="deliverables-heading" title={t("deliverables.heading")} />
                  <AddDeliverableForm projectId={project.id} />
                  <DeliverableList deliverables={deliverables} />
                </Card>
                <Card aria-labelledby="rating-heading">
                  <CardHeader id="rating-heading" title={t("rating")} />
                  {project.rating ? (
                    <div className="mt-2 space-y-1">
                      <p className="flex items-center gap-1 font-medium">
                        <span className="sr-only">{tProjects("rating.stars", { count: project.rating.rating })}</span>
                        {Array.from({ length: 5 }, (_, index) => (
                          <Star key={index} aria-hidden className={`size-5 ${index < project.rating!.rating ? "fill-current text-warning" : "text-fg-muted"}`} />
                        ))}
                      </p>
                      {project.rating.comment ? <p className="whitespace-pre-line break-words">{project.rating.comment}</p> : null}
                      <p className="text-13 text-fg-muted">
                        {t("ratedBy", { name: project.rating.authorName ?? tProjects("formerMember"), date: dates.date(project.rating.updatedAt) })}
                      </p>
                    </div>
                  ) : (
                    <p className="mt-2 text-fg-muted">{t(project.status === "completed" ? "notRated" : "ratingAfterCompletion")}</p>
                  )}
                </Card>
              </div>
            </div>
          </ClientMessages>
          <ProjectInvoices projectId={project.id} accountId={project.accountId} />
        </Page>
      </div>
    </>
  );
}
