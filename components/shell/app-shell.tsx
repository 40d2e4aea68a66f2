import { getTranslations } from "next-intl/server";
import { Logo } from "@/components/logo";
import type { SessionUser } from "@/db/queries/sessions";
import { MobileNav } from "./mobile-nav";
import { NavLinks } from "./nav-links";
import { UserMenu } from "./user-menu";

/** Sidebar, header and content column shared by the customer area and the admin area. */
export async function AppShell({ area, user, children }: { area: "dashboard" | "admin"; user: SessionUser; children: React.ReactNode }) {
  const t = await getTranslations("shell");
  return (
    <div className="min-h-dvh md:grid md:grid-cols-[15rem_1fr]">
      <a href="#content" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:px-3 focus:py-2">
        {t("skipToContent")}
      </a>
      <aside className="hidden border-r border-border bg-surface md:block">
        <div className="sticky top-0 flex h-dvh flex-col gap-6 overflow-y-auto p-4">
          <Logo href={area === "admin" ? "/admin" : "/dashboard"} />
          {area === "admin" ? <p className="-mt-4 text-xs font-semibold uppercase tracking-wide text-fg-muted">{t("staffArea")}</p> : null}
          <nav aria-label={t("mainNav")}>
            <NavLinks area={area} />
          </nav>
        </div>
      </aside>
      <div className="flex min-w-0 flex-col">
        <header className="sticky top-0 z-10 flex h-14 items-center justify-between gap-3 border-b border-border bg-surface/95 px-4 backdrop-blur">
          <div className="flex items-center gap-2">
            <MobileNav area={area} />
            <span className="font-semibold md:hidden">{area === "admin" ? t("staffArea") : "Clientdesk"}</span>
          </div>
          <UserMenu user={user} showAdminLink={user.role === "admin" && area !== "admin"} />
        </header>
        <main id="content" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6">
          {children}
        </main>
      </div>
    </div>
  );
}
