import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AssignAgentForm, EndAssignmentForm } from "../../agents/assignment-forms";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { adminListAssignmentsOfAccount, listActiveAgents } from "@/db/queries/agents";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getDateFormatter } from "@/lib/i18n/date-format-server";
import { todayIn } from "@/lib/projects/dates";

/** The agents of the user's customer account: current, future and past assignments; staff assign and end them here. */
export async function CustomerAgents({ accountId, timeZone }: { accountId: string; timeZone: string }) {
  const today = todayIn(timeZone);
  const [t, roles, dates, assignments, agents] = await Promise.all([
    getTranslations("adminAgents.assignments"),
    getTranslations("agents.roles"),
    getDateFormatter(),
    adminListAssignmentsOfAccount(accountId, today),
    listActiveAgents(),
  ]);
  const day = (value: string) => dates.day(value);
  return (
    <Card className="mt-6" aria-labelledby="customer-agents-heading">
      <CardHeader id="customer-agents-heading" title={t("title")} description={t("description")} />
      <ClientMessages namespaces={["adminAgents", "agents"]}>
        {assignments.length === 0 ? (
          <p className="mt-2 text-fg-muted">{t("none")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-border">
            {assignments.map((assignment) => {
              const ended = assignment.endsOn !== null && assignment.endsOn < today;
              return (
                <li key={assignment.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                  <div className="min-w-0">
                    <Link href={`/admin/agents/${assignment.agentId}`} prefetch={false} className="break-words font-medium underline-offset-2 hover:underline">
                      {assignment.agentName}
                    </Link>
                    <p className="mt-1 flex flex-wrap items-center gap-2 text-13 text-fg-muted">
                      <Badge tone={ended ? "neutral" : assignment.role === "primary" ? "success" : "primary"}>{roles(assignment.role)}</Badge>
                      {assignment.endsOn ? t("fromTo", { from: day(assignment.startsOn), to: day(assignment.endsOn) }) : t("fromOpen", { from: day(assignment.startsOn) })}
                      {ended ? <span>{t("past")}</span> : null}
                    </p>
                  </div>
                  {ended ? null : <EndAssignmentForm assignmentId={assignment.id} agentName={assignment.agentName} open={assignment.startsOn <= today && assignment.endsOn !== today} />}
                </li>
              );
            })}
          </ul>
        )}
        <div className="mt-5 border-t border-border pt-4">
          <AssignAgentForm accountId={accountId} agents={agents} today={today} />
        </div>
      </ClientMessages>
    </Card>
  );
}
