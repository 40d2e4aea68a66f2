import { Headset, Plus } from "lucide-react";
import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { AgentKindBadge, AgentRequestStatusBadge } from "@/components/agents/agent-badges";
import { AreaEmptyState } from "@/components/area-empty-state";
import { Avatar } from "@/components/avatar";
import { EmptyState } from "@/components/empty-state";
import { FocusOnArrival } from "@/components/focus-on-arrival";
import { Page } from "@/components/page";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { getAgentPerformanceForAccount, listAgentRequestsForAccount, listCurrentAgentsForAccount, type AgentPerformance } from "@/db/queries/agents";
import { languageNamer } from "@/lib/agents/languages";
import { getDateFormatter } from "@/lib/i18n/date-format-server";
import { todayIn } from "@/lib/projects/dates";
import { requireUser } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("agents") };
}

/** The agents working for the account today, how they did on its calls, and what it asked for. */
export default async function AgentsPage({ searchParams }: { searchParams: Promise<{ sent?: string }> }) {
  const user = await requireUser();
  const { sent } = await searchParams;
  if (!user.accountId) return <AreaEmptyState area="agents" />;
  const accountId = user.accountId;
  const [t, format, dates, locale, current, requests] = await Promise.all([
    getTranslations("agents"),
    getFormatter(),
    getDateFormatter(),
    getLocale(),
    listCurrentAgentsForAccount(accountId, todayIn(user.timeZone)),
    listAgentRequestsForAccount(accountId),
  ]);
  const performance = await getAgentPerformanceForAccount(
    accountId,
    current.map((agent) => agent.id),
  );
  const language = languageNamer(locale);
  const when = (date: Date) => dates.date(date);
  const stats = (numbers: AgentPerformance | undefined): Array<[string, string]> => [
    [t("stats.calls"), format.number(numbers?.calls ?? 0)],
    [t("stats.successRate"), numbers?.successRate == null ? t("stats.none") : format.number(numbers.successRate, { style: "percent", maximumFractionDigits: 1 })],
    [t("stats.satisfaction"), numbers?.averageSatisfaction == null ? t("stats.none") : t("stats.outOfFive", { score: format.number(numbers.averageSatisfaction, { maximumFractionDigits: 1 }) })],
    [
      t("stats.handlingTime"),
      numbers?.averageHandlingSeconds == null ? t("stats.none") : format.number(numbers.averageHandlingSeconds / 60, { style: "unit", unit: "minute", unitDisplay: "short", maximumFractionDigits: 1 }),
    ],
  ];
  // One request waits at a time: while it does, the page says so instead of offering another.
  const pending = requests.some((request) => request.status === "pending");
  const requestLink = pending ? (
    <p className="text-13 text-fg-muted">{t("requestPending")}</p>
  ) : (
    <ButtonLink href="/dashboard/agents/request">
      <Plus aria-hidden className="size-4" />
      {t("requestAgent")}
    </ButtonLink>
  );
  return (
    <Page title={t("title")} description={t("description")} actions={requestLink}>
      {sent === "1" && pending ? (
        <p id="agent-request-sent" role="status" className="mb-6 rounded-md bg-success-soft px-3 py-2 text-sm text-success">
          <FocusOnArrival targetId="agent-request-sent" />
          {t("requestSent")}
        </p>
      ) : null}
      <section aria-labelledby="current-agents-heading" className="space-y-4">
        <h2 id="current-agents-heading" className="text-base font-semibold">
          {t("currentHeading")}
        </h2>
        {current.length === 0 ? (
          <EmptyState icon={Headset} title={t("emptyTitle")} description={t("emptyText")}>
            {requestLink}
          </EmptyState>
        ) : (
          <ul className="grid gap-4 md:grid-cols-2">
            {current.map((agent) => (
              <li key={agent.assignmentId}>
                <Card aria-labelledby={`agent-${agent.assignmentId}`} className="h-full">
                  <div className="flex items-start gap-4">
                    <Avatar name={agent.name} fileId={agent.avatarFileId} size="lg" />
                    <div className="min-w-0 space-y-1.5">
                      <h3 id={`agent-${agent.assignmentId}`} className="break-words text-base font-semibold">
                        {agent.name}
                      </h3>
                      <p className="flex flex-wrap gap-2">
                        <AgentKindBadge kind={agent.kind} />
                        <Badge tone={agent.role === "primary" ? "success" : "neutral"}>{t(`roles.${agent.role}`)}</Badge>
                      </p>
                      <p className="text-13 text-fg-muted">{t("since", { date: dates.day(agent.startsOn) })}</p>
                    </div>
                  </div>
                  <dl className="mt-4 space-y-2 text-sm">
                    <div>
                      <dt className="text-13 text-fg-muted">{t("languages")}</dt>
                      <dd>{agent.languages.length > 0 ? agent.languages.map(language).join(", ") : t("stats.none")}</dd>
                    </div>
                    {agent.specialties.length > 0 ? (
                      <div>
                        <dt className="text-13 text-fg-muted">{t("specialties")}</dt>
                        <dd className="mt-1 flex flex-wrap gap-1.5">
                          {agent.specialties.map((specialty) => (
                            <Badge key={specialty}>{specialty}</Badge>
                          ))}
                        </dd>
                      </div>
                    ) : null}
                  </dl>
                  {agent.bio ? <p className="mt-3 whitespace-pre-wrap break-words text-sm">{agent.bio}</p> : null}
                  <h4 className="mt-4 text-13 font-medium text-fg-muted">{t("performanceHeading")}</h4>
                  <dl className="mt-2 grid grid-cols-2 gap-3">
                    {stats(performance.get(agent.id)).map(([label, value]) => (
                      <div key={label} className="rounded-md bg-surface-muted px-3 py-2">
                        <dt className="text-xs text-fg-muted">{label}</dt>
                        <dd className="font-semibold tabular-nums">{value}</dd>
                      </div>
                    ))}
                  </dl>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>
      <Card className="mt-8" aria-labelledby="agent-requests-heading">
        <CardHeader id="agent-requests-heading" title={t("requestsHeading")} />
        {requests.length === 0 ? (
          <p className="mt-2 text-fg-muted">{t("noRequests")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-border">
            {requests.map((request) => {
              const preferences = [
                request.replacesAgentName ? t("replaces", { agent: request.replacesAgentName }) : null,
                request.requestedAgentName ? t("preferredAgent", { agent: request.requestedAgentName }) : null,
                request.language ? language(request.language) : null,
                request.specialty,
              ].filter(Boolean);
              return (
                <li key={request.id} id={`request-${request.id}`} className="space-y-1.5 py-3">
                  <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                    <AgentRequestStatusBadge status={request.status} />
                    <span className="text-13 text-fg-muted">
                      {t("requestedOn", { date: when(request.createdAt) })}
                      {request.decidedAt ? ` · ${t("decidedOn", { date: when(request.decidedAt) })}` : null}
                    </span>
                  </div>
                  <p className="break-words text-sm">{preferences.length > 0 ? preferences.join(" · ") : t("noPreferences")}</p>
                  {request.notes ? <p className="whitespace-pre-wrap break-words text-sm text-fg-muted">{request.notes}</p> : null}
                  {request.status === "approved" ? (
                    <p className="text-sm">
                      {request.assignedAgentName && request.assignedRole
                        ? t("approvedWith", { agent: request.assignedAgentName, role: request.assignedRole, date: dates.day(request.assignedFrom!) })
                        : t("assignmentGone")}
                    </p>
                  ) : null}
                  {request.status === "declined" && request.declineReason ? <p className="whitespace-pre-wrap break-words text-sm">{t("declinedBecause", { reason: request.declineReason })}</p> : null}
                </li>
              );
            })}
          </ul>
        )}
      </Card>
    </Page>
  );
}
