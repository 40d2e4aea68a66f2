import { Badge } from "@/components/ui/badge";
import type { ProjectStatus } from "@/lib/constants";

const tones = { planned: "neutral", in_progress: "primary", on_hold: "warning", completed: "success", cancelled: "danger" } as const satisfies Record<ProjectStatus, string>;

/** The status as a badge; the caller passes the label in the reader's language (projects.statuses.*). */
export function ProjectStatusBadge({ status, label }: { status: ProjectStatus; label: string }) {
  return <Badge tone={tones[status]}>{label}</Badge>;
}
