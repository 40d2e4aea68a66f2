import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

/** Previous/Next of the staff tables with offset paging; at either end it stays in place, inert. */
export function PageLink({ href, disabled, label, direction }: { href: string; disabled: boolean; label: string; direction: "previous" | "next" }) {
  const Icon = direction === "previous" ? ChevronLeft : ChevronRight;
  const content = (
    <>
      {direction === "previous" ? <Icon aria-hidden className="size-4 rtl:-scale-x-100" /> : null}
      {label}
      {direction === "next" ? <Icon aria-hidden className="size-4 rtl:-scale-x-100" /> : null}
    </>
  );
  if (disabled) {
    return (
      <span aria-disabled="true" className={buttonClass("secondary", "opacity-50", "sm")}>
        {content}
      </span>
    );
  }
  return (
    <Link href={href} prefetch={false} className={buttonClass("secondary", "", "sm")}>
      {content}
    </Link>
  );
}
