"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";

/** For staff: the customer dashboard and the staff area, one click apart. */
export function AreaSwitch({ area, onNavigate }: { area: "dashboard" | "admin"; onNavigate?: () => void }) {
  const t = useTranslations("shell");
  const areas = [
    { key: "dashboard", href: "/dashboard", label: t("customerArea") },
    { key: "admin", href: "/admin", label: t("staffArea") },
  ] as const;
  return (
    <nav aria-label={t("areaSwitch")} className="grid grid-cols-2 gap-1 rounded-lg bg-surface-muted p-1">
      {areas.map((item) => (
        <Link
          key={item.key}
          href={item.href}
          prefetch={false}
          onClick={onNavigate}
          aria-current={item.key === area ? "true" : undefined}
          className={`min-w-0 break-words rounded-md px-2 py-1.5 text-center text-xs font-medium ${
            item.key === area ? "bg-surface text-fg shadow-card" : "text-fg-muted hover:text-fg"
          }`}
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
