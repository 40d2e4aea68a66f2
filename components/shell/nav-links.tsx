"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { adminNav, dashboardNav, isActive } from "@/lib/navigation";

const navs = { dashboard: dashboardNav, admin: adminNav };

export function NavLinks({ area, onNavigate }: { area: keyof typeof navs; onNavigate?: () => void }) {
  const pathname = usePathname();
  const t = useTranslations("nav");
  const items = navs[area];
  return (
    <ul className="space-y-1">
      {items.map(({ href, key, icon: Icon }) => {
        const active = isActive(pathname, href, href === "/dashboard");
        return (
          <li key={href}>
            <Link
              href={href}
              onClick={onNavigate}
              aria-current={active ? "page" : undefined}
              className={`flex min-h-10 items-center gap-3 rounded-md px-3 py-2 text-sm font-medium ${
                active ? "bg-primary-soft text-primary" : "text-fg-muted hover:bg-surface-muted hover:text-fg"
              }`}
            >
              <Icon aria-hidden className="size-4 shrink-0" />
              {t(key)}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
