import { CalendarDays, ClipboardList, FolderKanban, Plus, Search } from "lucide-react";
import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { Page } from "@/components/page";
import { ProgressBar } from "@/components/projects/progress-bar";
import { ProjectStatusBadge } from "@/components/projects/project-status-badge";
import { buttonClass, ButtonLink } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { countProjectsForAccount, listProjectsForAccount } from "@/db/queries/projects";
import { projectStatuses } from "@/lib/constants";
import { getDateFormatter } from "@/lib/i18n/date-format-server";
import { isOverdue, todayIn } from "@/lib/projects/dates";
import { Badge } from "@/components/ui/badge";
import { requireUser } from "@/lib/session";
import { projectListSearchSchema } from "@/lib/validations/projects";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("projects") };
}

const requestHref = "/dashboard/projects/requests/new";

export default async function ProjectsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const today = todayIn(user.timeZone);
  const filters = projectListSearchSchema.parse(await searchParams);
  const accountId = user.accountId;
  const [t, dates, projects, total] = await Promise.all([
    getTranslations("projects"),
    getDateFormatter(),
    accountId ? listProjectsForAccount(accountId, { status: filters.status, search: filters.query }) : [],
    accountId ? countProjectsForAccount(accountId) : 0,
  ]);
  const day = (value: string) => dates.day(value);
  const filtered = Boolean(filters.status || filters.query);
  const requestButton = (
    <ButtonLink href={requestHref}>
      <Plus aria-hidden className="size-4" />
      {t("requestProject")}
    </ButtonLink>
  );

  return (
    <Page
      title={t("title")}
      description={t("description")}
      actions={
        <div className="flex flex-wrap gap-2">
          <ButtonLink href="/dashboard/projects/requests" variant="secondary">
            <ClipboardList aria-hidden className="size-4" />
            {t("yourRequests")}
          </ButtonLink>
          {total > 0 ? (
            <>
              <ButtonLink href="/dashboard/projects/calendar" variant="secondary">
                <CalendarDays aria-hidden className="size-4" />
                {t("calendarFeed")}
              </ButtonLink>
              {requestButton}
            </>
          ) : null}
        </div>
      }
    >
      {total === 0 ? (
        <EmptyState icon={FolderKanban} title={t("emptyTitle")} description={t("emptyText")}>
          {requestButton}
        </EmptyState>
      ) : (
        <div className="space-y-4">
          <Form action="/dashboard/projects" role="search" aria-label={t("filters")} className="flex flex-wrap items-end gap-3">
            <div className="min-w-0 flex-1 basis-56 space-y-1">
              <label htmlFor="project-search" className="block text-sm font-medium">
                {t("search")}
              </label>
              <input id="project-search" name="query" type="search" defaultValue={filters.query} placeholder={t("searchPlaceholder")} className={inputClass} />
            </div>
            <div className="space-y-1">
              <label htmlFor="project-status" className="block text-sm font-medium">
                {t("status")}
              </label>
              <select id="project-status" name="status" defaultValue={filters.status ?? ""} className={`${inputClass} w-auto`}>
                <option value="">{t("allStatuses")}</option>
                {projectStatuses.map((status) => (
                  <option key={status} value={status}>
                    {t(`statuses.${status}`)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className={buttonClass("secondary")}>
              <Search aria-hidden className="size-4" />
              {t("applyFilters")}
            </button>
          </Form>

          {projects.length === 0 ? (
            <div className="rounded-xl border border-dashed border-border-strong bg-surface px-6 py-10 text-center">
              <p className="font-medium">{t("noMatches")}</p>
              {filtered ? (
                <Link href="/dashboard/projects" className="mt-2 inline-block font-medium text-primary underline-offset-2 hover:underline">
                  {t("clearFilters")}
                </Link>
              ) : null}
            </div>
          ) : (
            <ul className="grid gap-4 md:grid-cols-2" aria-label={t("listLabel")}>
              {projects.map((project) => (
                <li key={project.id} className="rounded-xl border border-border bg-surface p-5 shadow-card">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <h2 className="min-w-0 break-words text-base font-semibold">
                      <Link href={`/dashboard/projects/${project.id}`} className="text-primary underline-offset-2 hover:underline">
                        {project.name}
                      </Link>
                    </h2>
                    <ProjectStatusBadge status={project.status} label={t(`statuses.${project.status}`)} />
                  </div>
                  <div className="mt-4">
                    <ProgressBar value={project.progress} label={t("progressOf", { name: project.name })} valueText={t("percent", { value: project.progress })} />
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
                    <div className="col-span-2">
                      <dt className="text-13 text-fg-muted">{t("nextMilestone")}</dt>
                      <dd className="break-words font-medium">
                        {project.nextMilestone ? t("milestoneOn", { title: project.nextMilestone.title, date: day(project.nextMilestone.dueDate) }) : t("noOpenMilestones")}
                        {project.nextMilestone && isOverdue({ dueDate: project.nextMilestone.dueDate, completedAt: null }, today) ? (
                          <>
                            {" "}
                            <Badge tone="danger">{t("milestoneOverdue")}</Badge>
                          </>
                        ) : null}
                      </dd>
                    </div>
                  </dl>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Page>
  );
}
