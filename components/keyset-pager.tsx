import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

/**
 * Newer/Older links of a newest-first keyset list; a side with no more rows is shown disabled.
 * `first` (a way back to the start from deep in the list) sits between them.
 */
export function KeysetPager({
  label,
  newer,
  older,
  first,
}: {
  label: string;
  newer: { href: string | null; label: string };
  older: { href: string | null; label: string };
  first?: { href: string; label: string } | null;
}) {
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-2 text-13">
      <PagerLink href={newer.href} label={newer.label} direction="newer" />
      {first ? (
        <Link href={first.href} prefetch={false} className="font-medium text-primary underline-offset-2 hover:underline">
          {first.label}
        </Link>
      ) : null}
      <PagerLink href={older.href} label={older.label} direction="older" />
    </nav>
  );
}

function PagerLink({ href, label, direction }: { href: string | null; label: string; direction: "newer" | "older" }) {
  const content = (
    <>
      {direction === "newer" ? <ChevronLeft aria-hidden className="rtl:-scale-x-100 size-4" /> : null}
      {label}
      {direction === "older" ? <ChevronRight aria-hidden className="rtl:-scale-x-100 size-4" /> : null}
    </>
  );
  if (!href) {
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
