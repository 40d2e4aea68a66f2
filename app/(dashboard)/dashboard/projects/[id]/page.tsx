import { CircleCheck, CircleDashed, Download, FileText } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { z } from "zod";
import { Page } from "@/components/page";
import { ProgressBar } from "@/components/projects/progress-bar";
import { ProjectStatusBadge } from "@/components/projects/project-status-badge";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { getProjectForAccount } from "@/db/queries/projects";
import { taskStates } from "@/lib/constants";
import { fileKind, formatFileSize } from "@/lib/file-size";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getDateFormatter } from "@/lib/i18n/date-format-server";
import { isOverdue, todayIn } from "@/lib/projects/dates";
import { requireUser } from "@/lib/session";
import { ProjectInvoices } from "../../invoices/project-invoices";
import { ProjectThread } from "../../messages/project-thread";
import { RatingForm } from "./rating-form";

type Params = Promise<{ id: string }>;

/** The project of the URL if it is the user's account's; anything else is the same 404. */
const loadProject = cache(async (id: string) => {
  const user = await requireUser();
  const project = user.accountId && z.uuid().safeParse(id).success ? await getProjectForAccount(user.accountId, id) : null;
  if (!project) notFound();
  return { user, project };
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: (await loadProject((await params).id)).project.name };
}

export default async function ProjectPage({ params }: { params: Params }) {
  const { user, project } = await loadProject((await params).id);
  const [t, dates, locale] = await Promise.all([getTranslations("projects"), getDateFormatter(), getLocale()]);
  const day = (value: string) => dates.day(value);
  const today = todayIn(user.timeZone);
  const tasksByState = taskStates.map((state) => ({ state, tasks: project.tasks.filter((task) => task.state === state) }));

  return (
    <>
      <div className="mx-auto w-full max-w-6xl">
        <Link href="/dashboard/projects" className="text-sm text-primary underline-offset-2 hover:underline">
          {t("back")}
        </Link>
      </div>
      <div className="mt-3">
        <Page title={project.name} actions={<ProjectStatusBadge status={project.status} label={t(`statuses.${project.status}`)} />}>
          {project.request ? (
            <p className="-mt-3 mb-6 text-fg-muted">
              {t.rich("fromRequest", {
                title: project.request.title,
                link: (chunks) => (
                  <Link href={`/dashboard/projects/requests/${project.request!.id}`} className="font-medium text-primary underline-offset-2 hover:underline">
                    {chunks}
                  </Link>
                ),
              })}
            </p>
          ) : null}
          <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-3">
            <div className="min-w-0 space-y-6 lg:col-span-2">
              <Card aria-labelledby="about-heading">
                <CardHeader id="about-heading" title={t("about")} />
                <p className="mt-2 whitespace-pre-line break-words">{project.description || <span className="text-fg-muted">{t("noDescription")}</span>}</p>
              </Card>

              <Card aria-labelledby="tasks-heading">
                <CardHeader id="tasks-heading" title={t("tasks")} description={t("tasksSummary", { done: project.tasksDone, total: project.tasksTotal })} />
                {project.tasks.length === 0 ? (
                  <p className="mt-3 text-fg-muted">{t("noTasks")}</p>
                ) : (
                  <div className="mt-4 grid gap-4 md:grid-cols-3">
                    {tasksByState.map(({ state, tasks }) => (
                      <section key={state} aria-labelledby={`tasks-${state}`} className="min-w-0 rounded-lg bg-surface-muted p-3">
                        <h3 id={`tasks-${state}`} className="text-13 font-semibold text-fg-muted">
                          {t(`taskStates.${state}`)} <span className="font-normal">({tasks.length})</span>
                        </h3>
                        {tasks.length === 0 ? (
                          <p className="mt-2 text-13 text-fg-muted">{t("noTasksInState")}</p>
                        ) : (
                          <ul className="mt-2 space-y-2">
                            {tasks.map((task) => (
                              <li key={task.id} className="flex items-start gap-2 rounded-md border border-border bg-surface px-3 py-2 text-sm">
                                {state === "done" ? <CircleCheck aria-hidden className="mt-0.5 size-4 shrink-0 text-success" /> : <CircleDashed aria-hidden className="mt-0.5 size-4 shrink-0 text-fg-muted" />}
                                <span className="min-w-0 break-words">{task.title}</span>
                              </li>
                            ))}
                          </ul>
                        )}
                      </section>
                    ))}
                  </div>
                )}
              </Card>

              <Card aria-labelledby="updates-heading">
                <CardHeader id="updates-heading" title={t("updates")} />
                {project.updates.length === 0 ? (
                  <p className="mt-3 text-fg-muted">{t("noUpdates")}</p>
                ) : (
                  <ol className="mt-4 space-y-5 border-s-2 border-border ps-4">
                    {project.updates.map((update) => (
                      <li key={update.id} className="relative">
                        <span aria-hidden className="absolute -start-[23px] top-1.5 size-3 rounded-full border-2 border-surface bg-primary" />
                        <p className="text-13 text-fg-muted">
                          <time dateTime={update.createdAt.toISOString()}>{dates.dateTime(update.createdAt)}</time>
                          {" · "}
                          {update.authorName ?? t("team")}
                        </p>
                        <p className="mt-1 whitespace-pre-line break-words">{update.body}</p>
                      </li>
                    ))}
                  </ol>
                )}
              </Card>

              <ProjectThread projectId={project.id} user={user} />

              <ProjectInvoices projectId={project.id} />

              {project.status === "completed" ? (
                <Card aria-labelledby="rating-heading">
                  <CardHeader id="rating-heading" title={t("rating.title")} description={t("rating.description")} />
                  <ClientMessages namespaces={["projects"]}>
                    <RatingForm projectId={project.id} current={project.rating ? { rating: project.rating.rating, comment: project.rating.comment } : null} />
                  </ClientMessages>
                </Card>
              ) : null}
            </div>

            {/* On phones the project's state comes first, before its description and tasks. */}
            <div className="min-w-0 space-y-6 max-lg:order-first">
              <Card aria-labelledby="progress-heading">
                <CardHeader id="progress-heading" title={t("progress")} description={t(project.progressDerived ? "progressDerived" : "progressSet")} />
                <div className="mt-3">
                  <ProgressBar value={project.progress} label={t("progress")} valueText={t("percent", { value: project.progress })} />
                </div>
                <dl className="mt-4 grid grid-cols-2 gap-3 text-sm">
                  <div>
                    <dt className="text-13 text-fg-muted">{t("startDate")}</dt>
                    <dd className="font-medium">{project.startDate ? day(project.startDate) : t("noDate")}</dd>
                  </div>
                  <div>
                    <dt className="text-13 text-fg-muted">{t("dueDate")}</dt>
                    <dd className="font-medium">{project.dueDate ? day(project.dueDate) : t("noDate")}</dd>
                  </div>
                </dl>
              </Card>

              <Card aria-labelledby="milestones-heading">
                <CardHeader id="milestones-heading" title={t("milestones")} />
                {project.milestones.length === 0 ? (
                  <p className="mt-3 text-fg-muted">{t("noMilestones")}</p>
                ) : (
                  <ul className="mt-3 divide-y divide-border">
                    {project.milestones.map((milestone) => {
                      const overdue = isOverdue(milestone, today);
                      return (
                        <li key={milestone.id} className="flex flex-wrap items-start justify-between gap-2 py-2.5">
                          <div className="min-w-0">
                            <p className={`break-words font-medium ${milestone.completedAt ? "text-fg-muted line-through" : ""}`}>{milestone.title}</p>
                            <p className={`text-13 ${overdue ? "font-medium text-danger" : "text-fg-muted"}`}>
                              {milestone.completedAt
                                ? t("milestoneDoneOn", { date: dates.date(milestone.completedAt) })
                                : t("milestoneDue", { date: day(milestone.dueDate) })}
                            </p>
                          </div>
                          {milestone.completedAt ? (
                            <Badge tone="success">{t("milestoneDone")}</Badge>
                          ) : overdue ? (
                            <Badge tone="danger">{t("milestoneOverdue")}</Badge>
                          ) : (
                            <Badge>{t("milestoneOpen")}</Badge>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                )}
              </Card>

              <Card aria-labelledby="deliverables-heading">
                <CardHeader id="deliverables-heading" title={t("deliverables")} />
                {project.deliverables.length === 0 ? (
                  <p className="mt-3 text-fg-muted">{t("noDeliverables")}</p>
                ) : (
                  <ul className="mt-3 divide-y divide-border">
                    {project.deliverables.map((deliverable) => (
                      <li key={deliverable.id} className="flex items-start gap-3 py-2.5">
                        <FileText aria-hidden className="mt-0.5 size-5 shrink-0 text-fg-muted" />
                        <div className="min-w-0 flex-1">
                          <a href={`/api/files/${deliverable.fileId}`} download className="inline-flex items-center gap-1 break-all font-medium text-primary underline-offset-2 hover:underline">
                            {deliverable.title}
                            <Download aria-hidden className="size-3.5 shrink-0" />
                          </a>
                          <p className="break-all text-13 text-fg-muted">
                            {t("fileDetails", { name: deliverable.fileName, size: formatFileSize(deliverable.sizeBytes, locale), type: fileKind(deliverable.fileName) })}
                          </p>
                        </div>
                      </li>
                    ))}
                  </ul>
                )}
              </Card>

            </div>
          </div>
        </Page>
      </div>
    </>
  );
}
