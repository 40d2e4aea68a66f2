import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Avatar } from "@/components/avatar";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { PublicUser } from "@/db/queries/users";
import { getDateFormatter } from "@/lib/i18n/date-format-server";

export async function ProfileCard({
  user,
  timeZone,
  account,
}: {
  user: PublicUser & { avatarFileId: string | null };
  timeZone: string;
  /** The customer account the user belongs to; staff have none. */
  account: { name: string; role: "owner" | "member" | "billing" } | null;
}) {
  const [t, dates] = await Promise.all([getTranslations("profile"), getDateFormatter()]);
  return (
    <Card aria-labelledby="profile-card-title">
      <div className="flex items-center gap-4">
        <Avatar name={user.name} fileId={user.avatarFileId} size="lg" />
        <div className="min-w-0">
          <h2 id="profile-card-title" className="truncate text-lg font-semibold">
            {user.name}
          </h2>
          <p className="truncate text-sm text-fg-muted">{user.email}</p>
          <div className="mt-1 flex flex-wrap gap-2">
            <Badge tone={user.role === "admin" ? "primary" : "neutral"}>{t(`roles.${user.role}`)}</Badge>
            <Badge tone={user.emailVerifiedAt ? "success" : "warning"}>{t(user.emailVerifiedAt ? "verified" : "unverified")}</Badge>
          </div>
        </div>
      </div>
      <dl className="mt-5 grid gap-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-fg-muted">{t("memberSince")}</dt>
          <dd>{dates.date(user.createdAt)}</dd>
        </div>
        <div>
          <dt className="text-fg-muted">{t("timeZone")}</dt>
          <dd>{timeZone}</dd>
        </div>
        {account ? (
          <div>
            <dt className="text-fg-muted">{t("account")}</dt>
            <dd>
              {account.name} <span className="text-fg-muted">· {t(`accountRoles.${account.role}`)}</span>
            </dd>
          </div>
        ) : null}
      </dl>
      <Link href="/dashboard/settings" className="mt-4 inline-block text-sm font-medium text-primary underline-offset-2 hover:underline">
        {t("editPreferences")}
      </Link>
    </Card>
  );
}
