import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { EmailStatus } from "@/db/schema";

const tone = { sent: "success", logged: "neutral", queued: "warning", failed: "danger" } as const;

export function EmailStatusBadge({ status }: { status: EmailStatus }) {
  const t = useTranslations("admin.outbox.statuses");
  return <Badge tone={tone[status]}>{t(status)}</Badge>;
}
