import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { ProjectRequestStatus } from "@/lib/constants";

const tone = { submitted: "warning", in_review: "primary", converted: "success", declined: "neutral" } as const;

/** Where a project request stands, for the customer's and the staff's pages alike. */
export function ProjectRequestStatusBadge({ status }: { status: ProjectRequestStatus }) {
  const t = useTranslations("projectRequests.statuses");
  return <Badge tone={tone[status]}>{t(status)}</Badge>;
}
