import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AgentRequestStatusBadge } from "@/components/agents/agent-badges";
import { EmptyState } from "@/components/empty-state";
import { KeysetPager } from "@/components/keyset-pager";
import { Page } from "@/components/page";
import { Card } from "@/components/ui/card";
import { adminListAgentRequests, listActiveAgents } from "@/db/queries/agents";
import { languageNamer } from "@/lib/agents/languages";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getDateFormatter } from "@/lib/i18n/date-format-server";
import { navIcon } from "@/lib/navigation";
import { todayIn } from "@/lib/projects/dates";
import { requireAdmin } from "@/lib/session";
import { adminAgentRequestsSearchSchema } from "@/lib/validations/agents";
import { ApproveForm, DeclineForm } from "./decision-forms";

const PAGE_SIZE = 25;

export async function generateMetadata(): Promise<Metadata> {
  await requireAdmin();
  return { title: (await getTranslations("adminAgentRequests"))("title") };
}

function pageHref(page: number): string {
  return page > 1 ? `/admin/agent-requests?page=${page}` : "/admin/agent-requests";
}

/** The queue: pending requests first, oldest first, each decided in place; then the decided ones. */
export default async function AdminAgentRequestsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin();
  const { page } = adminAgentRequestsSearchSchema.parse(await searchParams);
  const today = todayIn(admin.timeZone);
  const [t, tAgents, dates, locale, { rows, total }, agents] = await Promise.all([
    getTranslations("adminAgentRequests"),
    getTranslations("agents"),
    getDateFormatter(),
    getLocale(),
    adminListAgentRequests({ page, pageSize: PAGE_SIZE, today }),
    listActiveAgents(),
  ]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const language = languageNamer(locale);
  const when = (date: Date) => dates.dateTime(date);
  const activeIds = new Set(agents.map((agent) => agent.id));
  return (
    <Page title={t("title")} description={t("description")}>
      {rows.length === 0 ? (
        <EmptyState icon={navIcon("adminAgentRequests")!} title={t("emptyTitle")} description={t("emptyText")} />
      ) : (
        <ul aria-label={t("listLabel")} className="space-y-4">
          {rows.map((request) => {
            const pending = request.status === "pending";
            const facts: Array<[string, React.ReactNode]> = [
              [t("requestedAt"), when(request.createdAt)],
              [t("preferredAgent"), request.requestedAgentName ?? t("noPreference")],
              [t("replaces"), request.replacesAgentName ?? t("replacesNone")],
              [t("language"), request.language ? language(request.language) : t("noPreference")],
              [t("specialty"), request.specialty ?? t("noPreference")],
            ];
            return (
              <li key={request.id}>
                <Card aria-labelledby={`request-${request.id}`}>
                  <div className="flex flex-wrap items-center justify-between gap-3">
                    <h2 id={`request-${request.id}`} className="min-w-0 break-words text-base font-semibold">
                      {request.requestedById ? (
                        <Link href={`/admin/users/${request.requestedById}`} prefetch={false} className="text-primary underline-offset-2 hover:underline">
                          {request.customerName}
                        </Link>
                      ) : (
                        request.customerName
                      )}
                    </h2>
                    <AgentRequestStatusBadge status={request.status} />
                  </div>
                  {request.requestedByName ? <p className="mt-0.5 text-13 text-fg-muted">{t("requestedBy", { name: request.requestedByName, email: request.requestedByEmail ?? "" })}</p> : null}
                  <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
                    {facts.map(([label, value]) => (
                      <div key={label} className="contents">
                        <dt className="text-13 text-fg-muted">{label}</dt>
                        <dd className="min-w-0 break-words">{value}</dd>
                      </div>
                    ))}
                  </dl>
                  <p className={`mt-3 whitespace-pre-wrap break-words text-sm ${request.notes ? "" : "text-fg-muted"}`}>{request.notes || t("noNotes")}</p>
                  {request.status === "approved" ? (
                    <p className="mt-3 text-sm">
                      {request.assignedAgentName && request.assignedRole
                        ? t("assigned", { agent: request.assignedAgentName, role: request.assignedRole, date: dates.day(request.assignedFrom!) })
                        : tAgents("assignmentGone")}
                    </p>
                  ) : null}
                  {request.status === "declined" ? <p className="mt-3 whitespace-pre-wrap break-words text-sm">{t("declinedBecause", { reason: request.declineReason ?? "" })}</p> : null}
                  {request.decidedAt ? <p className="mt-1 text-13 text-fg-muted">{t("decidedAt", { date: when(request.decidedAt) })}</p> : null}
                  <ClientMessages namespaces={["adminAgentRequests", "agents"]}>
                    <div className="mt-4 grid gap-6 border-t border-border pt-4 empty:hidden lg:grid-cols-2">
                      <ApproveForm
                        requestId={request.id}
                        open={pending}
                        agents={agents}
                        defaults={{
                          agentId: request.requestedAgentId && activeIds.has(request.requestedAgentId) ? request.requestedAgentId : "",
                          role: request.replacedRole ?? (request.accountHasPrimary ? "backup" : "primary"),
                          startsOn: today,
                        }}
                      />
                      <DeclineForm requestId={request.id} open={pending} />
                    </div>
                  </ClientMessages>
                </Card>
              </li>
            );
          })}
        </ul>
      )}
      {pages > 1 ? (
        <div className="mt-4">
          <KeysetPager
            label={t("pagination")}
            newer={{ label: t("previous"), href: page > 1 ? pageHref(page - 1) : null }}
            older={{ label: t("next"), href: page < pages ? pageHref(page + 1) : null }}
          />
        </div>
      ) : null}
    </Page>
  );
}
