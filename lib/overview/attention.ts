import { isPastDue, usageThresholds, type SubscriptionStatus } from "@/lib/constants";

export type AttentionItem =
  | { kind: "overdueInvoice"; href: string; invoiceId: string; number: string; count: number }
  | { kind: "failedPayment"; href: string; invoiceId: string; number: string }
  | { kind: "pastDue"; href: string }
  | { kind: "usage"; href: string; percent: number }
  | { kind: "milestoneDue"; href: string; projectId: string; title: string; dueDate: string; overdue: boolean }
  | { kind: "unreadMessages"; href: string; count: number };

export type AttentionInput = {
  /** Today in the user's time zone (YYYY-MM-DD). */
  today: string;
  overdue: { invoice: { id: string; number: string } | null; count: number };
  failedPaymentInvoice: { id: string; number: string } | null;
  subscription: { status: SubscriptionStatus } | null;
  usagePercent: number | null;
  /** Open milestones, soonest due first. */
  milestones: { title: string; dueDate: string; projectId: string }[];
  unreadThreads: number;
};

/** A milestone needs attention from a week before it is due, and stays so while it is overdue. */
export const MILESTONE_ATTENTION_DAYS = 7;

function addDays(day: string, count: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + count);
  return date.toISOString().slice(0, 10);
}

/** What the customer should look at first, most pressing first; each item links to where it is dealt with. */
export function attentionItems(input: AttentionInput): AttentionItem[] {
  const items: AttentionItem[] = [];
  if (input.overdue.invoice) {
    items.push({ kind: "overdueInvoice", href: `/dashboard/invoices/${input.overdue.invoice.id}`, invoiceId: input.overdue.invoice.id, number: input.overdue.invoice.number, count: input.overdue.count });
  }
  if (input.failedPaymentInvoice) {
    items.push({ kind: "failedPayment", href: `/dashboard/invoices/${input.failedPaymentInvoice.id}`, invoiceId: input.failedPaymentInvoice.id, number: input.failedPaymentInvoice.number });
  }
  if (input.subscription && isPastDue(input.subscription.status)) items.push({ kind: "pastDue", href: "/dashboard/billing" });
  if (input.usagePercent !== null && input.usagePercent >= usageThresholds[0]) items.push({ kind: "usage", href: "/dashboard/billing", percent: input.usagePercent });
  const next = input.milestones[0];
  if (next && next.dueDate <= addDays(input.today, MILESTONE_ATTENTION_DAYS)) {
    items.push({ kind: "milestoneDue", href: `/dashboard/projects/${next.projectId}`, projectId: next.projectId, title: next.title, dueDate: next.dueDate, overdue: next.dueDate < input.today });
  }
  if (input.unreadThreads > 0) items.push({ kind: "unreadMessages", href: "/dashboard/messages", count: input.unreadThreads });
  return items;
}
