import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { AgentKind, AgentRequestStatus } from "@/lib/constants";

export function AgentKindBadge({ kind }: { kind: AgentKind }) {
  const t = useTranslations("agents.kinds");
  return <Badge tone={kind === "ai" ? "primary" : "neutral"}>{t(kind)}</Badge>;
}

const requestTone = { pending: "warning", approved: "success", declined: "neutral" } as const;

/** Where an agent request stands, for the customer's and the staff's pages alike. */
export function AgentRequestStatusBadge({ status }: { status: AgentRequestStatus }) {
  const t = useTranslations("agents.statuses");
  return <Badge tone={requestTone[status]}>{t(status)}</Badge>;
}
