import { Badge } from "@/components/ui/badge";
import type { SubscriptionStatus } from "@/lib/constants";

const tones: Record<SubscriptionStatus, "success" | "primary" | "warning" | "danger" | "neutral"> = {
  active: "success",
  trialing: "primary",
  past_due: "danger",
  unpaid: "danger",
  incomplete: "warning",
  incomplete_expired: "neutral",
  paused: "warning",
  canceled: "neutral",
};

/** A subscription's status; "ending" when it is cancelled at the end of its period. */
export function SubscriptionStatusBadge({ status, ending, label }: { status: SubscriptionStatus; ending: boolean; label: string }) {
  return <Badge tone={ending && status === "active" ? "warning" : tones[status]}>{label}</Badge>;
}
