import { getTranslations } from "next-intl/server";
import { Logo } from "@/components/logo";
import type { SessionUser } from "@/db/queries/sessions";
import { AreaSwitch } from "./area-switch";
import { MobileNav } from "./mobile-nav";
import { NavLinks, type NavCounts } from "./nav-links";
import { NotificationBell } from "./notification-bell";
import { UserMenu } from "./user-menu";

/** Sidebar, top bar and content column shared by the customer area and the staff area. */
export async function AppShell({
  area,
  user,
  unreadNotifications,
  navCounts,
  children,
}: {
  area: "dashboard" | "admin";
  user: SessionUser;
  unreadNotifications: number;
  navCounts?: NavCounts;
  children: React.ReactNode;
}) {
  const t = await getTranslations("shell");
  const staff = user.role === "admin";
  return (
    <div className="min-h-dvh md:grid md:grid-cols-[15.5rem_1fr]">
      <a
        href="#content"
        className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:px-3 focus:py-2"
      >
        {t("skipToContent")}
      </a>
      <aside className="hidden border-e border-border bg-surface md:block">
        <div className="sticky top-0 flex h-dvh flex-col gap-5 overflow-y-auto px-3 py-4">
          <div className="px-2">
            <Logo href={area === "admin" ? "/admin" : "/dashboard"} />
          </div>
          {staff ? <AreaSwitch area={area} /> : null}
          <nav aria-label={t("mainNav")}>
            <NavLinks area={area} counts={navCounts} />
          </nav>
        </div>
      </aside>
      <div className="flex min-w-0 flex-col">
        {/* Opaque, without backdrop-filter: a filter would become the box that the bell's fixed card and dialog are placed in. */}
        <header className="sticky top-0 z-20 flex h-14 items-center justify-between gap-3 border-b border-border bg-surface px-3 sm:px-6">
          <div className="flex items-center gap-1">
            <MobileNav area={area} showAreaSwitch={staff} counts={navCounts} />
            <span className="md:hidden">
              {area === "admin" ? <span className="font-semibold">{t("staffArea")}</span> : <Logo href="/dashboard" />}
            </span>
            {area === "admin" ? <span className="hidden text-sm font-medium text-fg-muted md:inline">{t("staffArea")}</span> : null}
          </div>
          <div className="flex items-center gap-1">
            <NotificationBell initialUnread={unreadNotifications} />
            <UserMenu user={{ name: user.name, email: user.email, avatarFileId: user.avatarFileId }} />
          </div>
        </header>
        <main id="content" className="flex-1 px-4 py-6 sm:px-6 lg:px-8 lg:py-8">
          {children}
        </main>
      </div>
    </div>
  );
}
