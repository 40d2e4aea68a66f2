import { Badge } from "@/components/ui/badge";
import type { CallStatus } from "@/lib/constants";

const tones = { completed: "success", missed: "danger", failed: "warning", voicemail: "neutral" } as const satisfies Record<CallStatus, string>;

/** A call's outcome as a coloured label; the colour repeats the text, never replaces it. */
export function CallStatusBadge({ status, label }: { status: CallStatus; label: string }) {
  return <Badge tone={tones[status]}>{label}</Badge>;
}
