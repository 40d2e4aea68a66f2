import { ChevronRight, ClipboardList, CreditCard, Download, MessageSquarePlus, PhoneCall, UserPlus, type LucideIcon } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActivityList } from "@/components/activity/activity-list";
import { Avatar } from "@/components/avatar";
import { BillingActionForm } from "@/components/billing/action-form";
import { ProgressBar } from "@/components/projects/progress-bar";
import { Badge } from "@/components/ui/badge";
import type { SessionUser } from "@/db/queries/sessions";
import { getDateFormatter } from "@/lib/i18n/date-format-server";
import type { Overview } from "@/lib/overview/service";
import { isOverdue } from "@/lib/projects/dates";
import { payInvoiceAction } from "../invoices/actions";
import { WidgetCard, WidgetEmpty } from "./widget-card";

type Props = { overview: Overview; detailed: boolean };

export async function ProfileWidget({ overview, user }: Props & { user: SessionUser }) {
  const t = await getTranslations("overview");
  return (
    <WidgetCard id="profile-widget-heading" title={t("profileTitle")} link={{ href: "/dashboard/profile", label: t("editProfile") }}>
      <div className="flex items-center gap-3">
        <Avatar name={user.name} fileId={user.avatarFileId} size="lg" />
        <div className="min-w-0">
          <p className="truncate font-semibold">{user.name}</p>
          <p className="truncate text-13 text-fg-muted">{user.email}</p>
          <p className="truncate text-13 text-fg-muted">{overview.accountName}</p>
        </div>
      </div>
      <p className="mt-3 text-13 text-fg-muted">{t("profileZone", { zone: user.timeZone.replace(/_/g, " ") })}</p>
    </WidgetCard>
  );
}

export async function ProjectsWidget({ overview, detailed }: Props) {
  const [t, tProjects, dates] = await Promise.all([getTranslations("overview"), getTranslations("projects"), getDateFormatter()]);
  const more = overview.activeProjectCount - overview.projects.length;
  return (
    <WidgetCard id="active-projects-heading" wide title={t("projectsTitle")} link={{ href: "/dashboard/projects", label: t("allProjects") }}>
      {overview.projects.length === 0 ? (
        <WidgetEmpty text={t("noActiveProjects")} action={{ href: "/dashboard/projects/requests/new", label: t("actions.request.title") }} />
      ) : (
        <ul className="divide-y divide-border">
          {overview.projects.map((project) => (
            <li key={project.id} className="py-2.5 first:pt-0">
              <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                <Link href={`/dashboard/projects/${project.id}`} prefetch={false} className="font-medium underline-offset-2 hover:underline">
                  {project.name}
                </Link>
                <span className="text-13 text-fg-muted">
                  {tProjects(`statuses.${project.status}`)}
                  {detailed && project.dueDate ? ` · ${t("dueOn", { date: dates.day(project.dueDate) })}` : null}
                </span>
              </div>
              <div className="mt-2">
                <ProgressBar value={project.progress} label={tProjects("progressOf", { name: project.name })} valueText={tProjects("percent", { value: project.progress })} />
              </div>
            </li>
          ))}
        </ul>
      )}
      {more > 0 ? <p className="mt-2 text-13 text-fg-muted">{t("moreProjects", { count: more })}</p> : null}
    </WidgetCard>
  );
}

export async function MilestonesWidget({ overview, detailed }: Props) {
  const [t, dates] = await Promise.all([getTranslations("overview"), getDateFormatter()]);
  return (
    <WidgetCard id="milestones-heading" title={t("milestonesTitle")}>
      {overview.milestones.length === 0 ? (
        <WidgetEmpty text={t("noMilestones")} />
      ) : (
        <ul className="space-y-3">
          {overview.milestones.map((milestone) => {
            const overdue = isOverdue({ dueDate: milestone.dueDate, completedAt: null }, overview.today);
            return (
              <li key={milestone.id}>
                <Link href={`/dashboard/projects/${milestone.projectId}`} prefetch={false} className="font-medium underline-offset-2 hover:underline">
                  {milestone.title}
                </Link>
                <p className="text-13 text-fg-muted">
                  {detailed ? `${milestone.projectName} · ` : null}
                  {t("dueOn", { date: dates.day(milestone.dueDate) })} {overdue ? <Badge tone="danger">{t("overdue")}</Badge> : null}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </WidgetCard>
  );
}

export async function MessagesWidget({ overview, detailed }: Props) {
  const [t, tMessages, dates] = await Promise.all([getTranslations("overview"), getTranslations("messaging"), getDateFormatter()]);
  return (
    <WidgetCard
      id="messages-heading"
      wide
      title={t("messagesTitle")}
      description={t("unreadCount", { count: overview.unreadThreads })}
      link={{ href: "/dashboard/messages", label: t("allMessages") }}
    >
      {overview.threads.length === 0 ? (
        <WidgetEmpty text={t("noThreads")} action={{ href: "/dashboard/messages/new", label: t("actions.message.title") }} />
      ) : (
        <ul className="divide-y divide-border">
          {overview.threads.map((thread) => (
            <li key={thread.id} className="flex flex-wrap items-baseline justify-between gap-x-3 py-2.5 first:pt-0">
              <Link href={`/dashboard/messages/${thread.id}`} prefetch={false} className={`min-w-0 truncate underline-offset-2 hover:underline ${thread.unread ? "font-semibold" : ""}`}>
                {thread.subject}
                {thread.unread ? <span className="sr-only"> ({t("unread")})</span> : null}
              </Link>
              <span className="flex items-center gap-2 text-13 text-fg-muted">
                {thread.unread ? <Badge tone="primary">{t("unread")}</Badge> : null}
                {detailed ? <span>{tMessages(`statuses.${thread.status}`)}</span> : null}
                <time dateTime={thread.lastMessageAt.toISOString()}>{dates.dateTime(thread.lastMessageAt)}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
    </WidgetCard>
  );
}

export async function ActivityWidget({ overview }: Props) {
  const [t, tActivity] = await Promise.all([getTranslations("overview"), getTranslations("activity")]);
  return (
    <WidgetCard id="activity-widget-heading" wide title={t("activityTitle")} link={{ href: "/dashboard/activity", label: t("allActivity") }}>
      {overview.activity.length === 0 ? <WidgetEmpty text={t("noActivity")} /> : <ActivityList rows={overview.activity} label={tActivity("title")} compact />}
    </WidgetCard>
  );
}

type QuickAction = { key: string; href: string; icon: LucideIcon; title: string; text: string };

/** The shortcuts customers use most; "Pay oldest open invoice" goes straight to that invoice's checkout. */
export async function QuickActionsWidget({ overview }: Props) {
  const [t, tCalls, tBilling] = await Promise.all([getTranslations("overview"), getTranslations("overviewCalls"), getTranslations("overviewBilling")]);
  const oldest = overview.oldestOpenInvoice;
  const actions: QuickAction[] = [
    { key: "message", href: "/dashboard/messages/new", icon: MessageSquarePlus, title: t("actions.message.title"), text: t("actions.message.text") },
    { key: "request", href: "/dashboard/projects/requests/new", icon: ClipboardList, title: t("actions.request.title"), text: t("actions.request.text") },
    { key: "startCall", href: "/dashboard/calls/requests", icon: PhoneCall, title: tCalls("actions.startCall.title"), text: tCalls("actions.startCall.text") },
    { key: "requestAgent", href: "/dashboard/agents/request", icon: UserPlus, title: tCalls("actions.requestAgent.title"), text: tCalls("actions.requestAgent.text") },
    { key: "subscription", href: "/dashboard/billing", icon: CreditCard, title: t("actions.subscription.title"), text: t("actions.subscription.text") },
    { key: "export", href: "/dashboard/settings/data", icon: Download, title: t("actions.export.title"), text: t("actions.export.text") },
  ];
  return (
    <WidgetCard id="quick-actions-heading" title={t("quickActions")}>
      {oldest ? (
        <BillingActionForm action={payInvoiceAction} fields={{ invoiceId: oldest.id }} label={tBilling("payOldest", { number: oldest.number })} pendingLabel={tBilling("opening")} className="mb-3" />
      ) : null}
      <ul className="space-y-0.5">
        {actions.map(({ key, href, icon: Icon, title, text }) => (
          <li key={key}>
            <Link href={href} prefetch={false} className="-mx-2 flex items-center gap-3 rounded-md px-2 py-1.5 hover:bg-surface-muted">
              <Icon aria-hidden className="size-4 shrink-0 text-fg-muted" />
              <span className="min-w-0 flex-1">
                <span className="block font-medium">{title}</span>
                <span className="block text-13 text-fg-muted">{text}</span>
              </span>
              <ChevronRight aria-hidden className="size-4 shrink-0 text-fg-muted rtl:rotate-180" />
            </Link>
          </li>
        ))}
      </ul>
    </WidgetCard>
  );
}
