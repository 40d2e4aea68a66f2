import { AlertTriangle, ChevronRight } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { AttentionItem } from "@/lib/overview/attention";
import type { DateFormatter } from "@/lib/i18n/date-format";

function text(t: Awaited<ReturnType<typeof getTranslations<"overview">>>, item: AttentionItem, dates: DateFormatter): string {
  switch (item.kind) {
    case "overdueInvoice":
      return t("attention.overdueInvoice", { number: item.number, count: item.count });
    case "failedPayment":
      return t("attention.failedPayment", { number: item.number });
    case "pastDue":
      return t("attention.pastDue");
    case "usage":
      return t("attention.usage", { percent: item.percent });
    case "milestoneDue":
      return t(item.overdue ? "attention.milestoneOverdue" : "attention.milestoneDue", { title: item.title, date: dates.day(item.dueDate) });
    case "unreadMessages":
      return t("attention.unreadMessages", { count: item.count });
  }
}

/** The top of the overview: what the customer should deal with first, each with the way to it. */
export async function NeedsAttention({ items, dates }: { items: AttentionItem[]; dates: DateFormatter }) {
  if (items.length === 0) return null;
  const t = await getTranslations("overview");
  return (
    <section aria-labelledby="attention-heading" className="mb-6 rounded-xl border border-warning/40 bg-warning-soft p-4 sm:p-5">
      <h2 id="attention-heading" className="flex items-center gap-2 text-base font-semibold">
        <AlertTriangle aria-hidden className="size-5 text-warning" />
        {t("attention.title")}
      </h2>
      <ul className="mt-2 divide-y divide-warning/20">
        {items.map((item) => (
          <li key={item.kind}>
            <Link href={item.href} prefetch={false} className="-mx-2 flex items-center gap-3 rounded-md px-2 py-2 hover:bg-surface/60">
              <span className="min-w-0 flex-1 font-medium">{text(t, item, dates)}</span>
              <span className="shrink-0 text-sm text-primary">{t(`attention.actions.${item.kind}`)}</span>
              <ChevronRight aria-hidden className="size-4 shrink-0 text-fg-muted rtl:rotate-180" />
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
