import { Badge } from "@/components/ui/badge";
import type { InvoiceStatus } from "@/lib/constants";

const tones = { draft: "neutral", open: "primary", paid: "success", void: "neutral", uncollectible: "warning" } as const satisfies Record<InvoiceStatus, string>;

/**
 * The status as a badge; an open invoice past its due date shows "Overdue" instead. The caller
 * passes the label in the reader's language (invoices.statuses.*, see invoiceStatusKey).
 */
export function InvoiceStatusBadge({ status, overdue, label }: { status: InvoiceStatus; overdue: boolean; label: string }) {
  return <Badge tone={overdue && status === "open" ? "danger" : tones[status]}>{label}</Badge>;
}

/** Which label an invoice's badge shows: its status, or "overdue" for an open one past due. */
export function invoiceStatusKey(invoice: { status: InvoiceStatus; overdue: boolean }): InvoiceStatus | "overdue" {
  return invoice.status === "open" && invoice.overdue ? "overdue" : invoice.status;
}
