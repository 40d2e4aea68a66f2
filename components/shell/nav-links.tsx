"use client";

import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { adminNav, dashboardNav, isActive, type NavGroup } from "@/lib/navigation";

const navs = { dashboard: dashboardNav, admin: adminNav };

/** A spinner in place of the icon while the page a link leads to is loading. */
function PendingIcon({ icon: Icon }: { icon: NavGroup["items"][number]["icon"] }) {
  const { pending } = useLinkStatus();
  if (pending) return <span aria-hidden className="size-4 shrink-0 animate-spin rounded-full border-2 border-current border-t-transparent" />;
  return <Icon aria-hidden className="size-4 shrink-0" />;
}

/** Unread items per nav key (e.g. messages), shown as a badge on the item. */
export type NavCounts = Partial<Record<string, number>>;

/**
 * The sidebar's groups. Links do not prefetch: every page is rendered per request, so a prefetch
 * per visible link would cost a full server render for pages the user may never open.
 */
export function NavLinks({ area, counts = {}, onNavigate }: { area: keyof typeof navs; counts?: NavCounts; onNavigate?: () => void }) {
  const groups = navs[area];
  // The sidebar and the drawer can both be in the page: ids must differ between them.
  const idPrefix = useId();
  const pathname = usePathname();
  const t = useTranslations("nav");
  return (
    <div className="space-y-5">
      {groups.map((group) => (
        <div key={group.key}>
          {group.key === "main" ? null : (
            <p id={`${idPrefix}-${group.key}`} className="mb-1 px-3 text-xs font-medium text-fg-muted">
              {t(`groups.${group.key}`)}
            </p>
          )}
          <ul className="space-y-0.5" aria-labelledby={group.key === "main" ? undefined : `${idPrefix}-${group.key}`}>
            {group.items.map(({ href, key, icon }) => {
              const active = isActive(pathname, href);
              return (
                <li key={href}>
                  <Link
                    href={href}
                    prefetch={false}
                    onClick={onNavigate}
                    aria-current={active ? "page" : undefined}
                    className={`flex min-h-9 items-center gap-2.5 rounded-md px-3 py-1.5 text-sm font-medium transition-colors ${
                      active ? "bg-primary-soft text-primary" : "text-fg-muted hover:bg-surface-muted hover:text-fg"
                    }`}
                  >
                    <PendingIcon icon={icon} />
                    {t(key)}
                    {counts[key] ? (
                      <>
                        <span aria-hidden className="ms-auto grid min-w-5 place-items-center rounded-full bg-primary px-1.5 text-xs font-semibold leading-5 text-primary-fg">
                          {counts[key] > 99 ? "99+" : counts[key]}
                        </span>
                        <span className="sr-only">, {t("unread", { count: counts[key] })}</span>
                      </>
                    ) : null}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </div>
  );
}
