"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

const tabs = [
  { href: "/dashboard/settings", key: "general" },
  { href: "/dashboard/settings/notifications", key: "notifications" },
  { href: "/dashboard/settings/privacy", key: "privacy" },
  { href: "/dashboard/settings/calls", key: "calls" },
  { href: "/dashboard/settings/webhooks", key: "webhooks" },
  { href: "/dashboard/settings/data", key: "data" },
] as const;

/** The Settings pages as tabs; each is a page of its own, so a tab can be linked and reloaded. */
export function SettingsTabs({ calls, webhooks }: { calls: boolean; webhooks: boolean }) {
  const t = useTranslations("settings.tabs");
  const pathname = usePathname();
  return (
    <nav aria-label={t("label")} className="mb-6 border-b border-border">
      {/* On a phone the tabs wrap onto a second line rather than scroll out of sight. */}
      <ul className="flex flex-wrap gap-x-1">
        {tabs
          .filter((tab) => (calls || tab.key !== "calls") && (webhooks || tab.key !== "webhooks"))
          .map((tab) => {
            // The webhooks tab stays current on an endpoint's own page below it.
            const current = pathname === tab.href || (tab.key === "webhooks" && pathname.startsWith(`${tab.href}/`));
            return (
              <li key={tab.href}>
                <Link
                  href={tab.href}
                  prefetch={false}
                  aria-current={current ? "page" : undefined}
                  className={`-mb-px inline-flex min-h-10 items-center whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-focus ${current ? "border-primary text-primary" : "border-transparent text-fg-muted hover:text-fg"}`}
                >
                  {t(tab.key)}
                </Link>
              </li>
            );
          })}
      </ul>
    </nav>
  );
}
