import { CheckCircle2, ChevronRight, Circle, ClipboardList, MessageSquarePlus, Settings, ShieldCheck, UserRound, type LucideIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Page } from "@/components/page";
import { ProgressBar } from "@/components/projects/progress-bar";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { countUnreadThreads, listRecentThreads } from "@/db/queries/messages";
import { listActiveProjectSummaries, listUpcomingMilestones } from "@/db/queries/projects";
import type { SessionUser } from "@/db/queries/sessions";
import { formatCalendarDay } from "@/lib/calendar-day";
import { isOverdue, todayIn } from "@/lib/projects/dates";
import { requireUser } from "@/lib/session";
import { BillingWidgets } from "./billing-widgets";
import { CallWidgets } from "./call-widgets";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("overview") };
}

const shortcuts = [
  { href: "/dashboard/profile", key: "profile", icon: UserRound },
  { href: "/dashboard/settings", key: "settings", icon: Settings },
  { href: "/dashboard/security", key: "security", icon: ShieldCheck },
] as const;

const quickActions = [
  { href: "/dashboard/messages/new", key: "message", icon: MessageSquarePlus },
  { href: "/dashboard/projects/requests/new", key: "request", icon: ClipboardList },
] as const;

/** Links with an icon, a title and a line of help: the overview's quick actions and shortcuts. */
function LinkList({ links }: { links: { href: string; key: string; icon: LucideIcon; title: string; text: string }[] }) {
  return (
    <ul className="mt-3 space-y-1">
      {links.map(({ href, key, icon: Icon, title, text }) => (
        <li key={key}>
          <Link href={href} prefetch={false} className="-mx-2 flex items-center gap-3 rounded-md px-2 py-2 hover:bg-surface-muted">
            <Icon aria-hidden className="size-4 text-fg-muted" />
            <span className="flex-1">
              <span className="block font-medium">{title}</span>
              <span className="block text-13 text-fg-muted">{text}</span>
            </span>
            <ChevronRight aria-hidden className="size-4 text-fg-muted" />
          </Link>
        </li>
      ))}
    </ul>
  );
}

const linkClass = "text-sm font-medium text-primary underline-offset-2 hover:underline";

/** The account's work at a glance: projects under way, what is due next, news from the team. */
async function WorkWidgets({ user }: { user: SessionUser & { accountId: string } }) {
  const [t, tProjects, format, projects, milestones, unreadThreads, threads] = await Promise.all([
    getTranslations("overview"),
    getTranslations("projects"),
    getFormatter(),
    listActiveProjectSummaries(user.accountId),
    listUpcomingMilestones(user.accountId, 5),
    countUnreadThreads(user.id, user.accountId),
    listRecentThreads(user.accountId, user.id, 4),
  ]);
  const today = todayIn(user.timeZone);
  return (
    <>
      <Card className="lg:col-span-2" aria-labelledby="active-projects-heading">
        <CardHeader
          id="active-projects-heading"
          title={t("projectsTitle")}
          actions={
            <Link href="/dashboard/projects" prefetch={false} className={linkClass}>
              {t("allProjects")}
            </Link>
          }
        />
        {projects.length === 0 ? (
          <p className="mt-3 text-fg-muted">{t("noActiveProjects")}</p>
        ) : (
          <ul className="mt-4 divide-y divide-border">
            {projects.slice(0, 4).map((project) => (
              <li key={project.id} className="py-3">
                <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                  <Link href={`/dashboard/projects/${project.id}`} prefetch={false} className="font-medium underline-offset-2 hover:underline">
                    {project.name}
                  </Link>
                  <span className="text-13 text-fg-muted">{tProjects(`statuses.${project.status}`)}</span>
                </div>
                <div className="mt-2">
                  <ProgressBar value={project.progress} label={tProjects("progressOf", { name: project.name })} valueText={tProjects("percent", { value: project.progress })} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card aria-labelledby="milestones-heading">
        <CardHeader id="milestones-heading" title={t("milestonesTitle")} />
        {milestones.length === 0 ? (
          <p className="mt-3 text-fg-muted">{t("noMilestones")}</p>
        ) : (
          <ul className="mt-3 space-y-3">
            {milestones.map((milestone) => {
              const overdue = isOverdue({ dueDate: milestone.dueDate, completedAt: null }, today);
              return (
                <li key={milestone.id}>
                  <Link href={`/dashboard/projects/${milestone.projectId}`} prefetch={false} className="font-medium underline-offset-2 hover:underline">
                    {milestone.title}
                  </Link>
                  <p className="text-13 text-fg-muted">
                    {milestone.projectName} · {t("dueOn", { date: formatCalendarDay(format, milestone.dueDate) })}{" "}
                    {overdue ? <Badge tone="danger">{t("overdue")}</Badge> : null}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </Card>
      <Card className="lg:col-span-2" aria-labelledby="messages-heading">
        <CardHeader
          id="messages-heading"
          title={t("messagesTitle")}
          description={t("unreadCount", { count: unreadThreads })}
          actions={
            <Link href="/dashboard/messages" prefetch={false} className={linkClass}>
              {t("allMessages")}
            </Link>
          }
        />
        {threads.length === 0 ? (
          <p className="mt-3 text-fg-muted">{t("noThreads")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-border">
            {threads.map((thread) => (
              <li key={thread.id} className="flex flex-wrap items-baseline justify-between gap-x-3 py-2.5">
                <Link href={`/dashboard/messages/${thread.id}`} prefetch={false} className={`min-w-0 truncate underline-offset-2 hover:underline ${thread.unread ? "font-semibold" : ""}`}>
                  {thread.subject}
                  {thread.unread ? <span className="sr-only"> ({t("unread")})</span> : null}
                </Link>
                <span className="flex items-center gap-2 text-13 text-fg-muted">
                  {thread.unread ? <Badge tone="primary">{t("unread")}</Badge> : null}
                  <time dateTime={thread.lastMessageAt.toISOString()}>{format.dateTime(thread.lastMessageAt, { dateStyle: "medium", timeStyle: "short" })}</time>
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card aria-labelledby="quick-actions-heading">
        <CardHeader id="quick-actions-heading" title={t("quickActions")} />
        <LinkList links={quickActions.map((action) => ({ ...action, title: t(`actions.${action.key}.title`), text: t(`actions.${action.key}.text`) }))} />
      </Card>
    </>
  );
}

/** The account's work first, then what helps a new customer finish setting up. */
export default async function OverviewPage() {
  const user = await requireUser();
  const t = await getTranslations("overview");
  const steps = [
    { key: "verifyEmail", done: true, href: null, values: { email: user.email } },
    { key: "timeZone", done: Boolean(user.preferencesSavedAt), href: "/dashboard/settings", values: { zone: user.timeZone.replace(/_/g, " ") } },
    { key: "security", done: Boolean(user.securityReviewedAt), href: "/dashboard/security", values: {} },
  ] as const;
  const done = steps.filter((step) => step.done).length;
  return (
    <Page title={t("greeting", { name: user.name.split(" ")[0] ?? user.name })} description={t("subtitle")}>
      <div className="grid items-start gap-6 lg:grid-cols-3">
        {user.accountId ? <WorkWidgets user={{ ...user, accountId: user.accountId }} /> : null}
        {user.accountId ? <BillingWidgets user={{ ...user, accountId: user.accountId }} /> : null}
        {user.accountId ? <CallWidgets user={{ ...user, accountId: user.accountId }} /> : null}
        <Card className="lg:col-span-2" aria-labelledby="getting-started-heading">
          <CardHeader id="getting-started-heading" title={t("gettingStarted")} description={t("progress", { done, total: steps.length })} />
          <ol className="mt-4 divide-y divide-border">
            {steps.map((step) => (
              <li key={step.key} className="flex items-start gap-3 py-3">
                {step.done ? (
                  <CheckCircle2 aria-hidden className="mt-0.5 size-5 shrink-0 text-success" />
                ) : (
                  <Circle aria-hidden className="mt-0.5 size-5 shrink-0 text-fg-muted" />
                )}
                <div className="min-w-0 flex-1">
                  <p className="font-medium">
                    {t(`steps.${step.key}.title`)}
                    <span className="sr-only"> ({t(step.done ? "stepDone" : "stepOpen")})</span>
                  </p>
                  <p className="text-13 text-fg-muted">{t(`steps.${step.key}.text`, step.values)}</p>
                </div>
                {step.href && !step.done ? (
                  <Link href={step.href} prefetch={false} className="shrink-0 text-sm font-medium text-primary underline-offset-2 hover:underline">
                    {t(`steps.${step.key}.action`)}
                  </Link>
                ) : null}
              </li>
            ))}
          </ol>
        </Card>
        <Card aria-labelledby="shortcuts-heading">
          <CardHeader id="shortcuts-heading" title={t("shortcuts")} />
          <LinkList links={shortcuts.map((shortcut) => ({ ...shortcut, title: t(`shortcutLinks.${shortcut.key}.title`), text: t(`shortcutLinks.${shortcut.key}.text`) }))} />
        </Card>
      </div>
    </Page>
  );
}
