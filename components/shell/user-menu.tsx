import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/(auth)/actions";
import { Avatar } from "@/components/avatar";

export async function UserMenu({ user, showAdminLink }: { user: { name: string; email: string; role: string }; showAdminLink: boolean }) {
  const t = await getTranslations("shell");
  return (
    <details className="relative">
      <summary
        aria-label={t("accountMenu", { name: user.name })}
        className="flex min-h-10 cursor-pointer list-none items-center gap-2 rounded-md px-2 py-1 hover:bg-surface-muted [&::-webkit-details-marker]:hidden"
      >
        <Avatar name={user.name} />
        <span className="hidden max-w-40 truncate text-sm font-medium sm:inline">{user.name}</span>
      </summary>
      <div className="absolute right-0 z-20 mt-2 w-60 rounded-md border border-border bg-surface p-1 shadow-lg">
        <p className="truncate px-3 py-2 text-xs text-fg-muted">{user.email}</p>
        <Link href="/dashboard/profile" className="block rounded px-3 py-2 text-sm hover:bg-surface-muted">
          {t("profile")}
        </Link>
        <Link href="/dashboard/settings" className="block rounded px-3 py-2 text-sm hover:bg-surface-muted">
          {t("settings")}
        </Link>
        {showAdminLink ? (
          <Link href="/admin" className="block rounded px-3 py-2 text-sm hover:bg-surface-muted">
            {t("admin")}
          </Link>
        ) : null}
        <form action={signOutAction}>
          <button type="submit" className="block w-full rounded px-3 py-2 text-left text-sm hover:bg-surface-muted">
            {t("signOut")}
          </button>
        </form>
      </div>
    </details>
  );
}
