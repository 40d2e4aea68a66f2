import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActivityList } from "@/components/activity/activity-list";
import { Card, CardHeader } from "@/components/ui/card";
import { listActivity } from "@/db/queries/activity";
import { staffActivityLink } from "@/lib/activity/links";

/** The latest entries of the customer account's timeline (every member's security events too), with a link to all of it. */
export async function CustomerActivity({ accountId, userId }: { accountId: string; userId: string }) {
  const [t, page] = await Promise.all([getTranslations("activity"), listActivity(accountId, null, { limit: 5 })]);
  const userPage = `/admin/users/${userId}`;
  return (
    <Card className="mt-6" aria-labelledby="customer-activity-heading">
      <CardHeader id="customer-activity-heading" title={t("recentTitle")} description={t("recentDescription")} />
      {page.rows.length === 0 ? (
        <p className="mt-2 text-fg-muted">{t("emptyTitle")}</p>
      ) : (
        <div className="mt-3">
          <ActivityList rows={page.rows} label={t("recentTitle")} compact linkFor={(link) => staffActivityLink(link, userPage)} />
        </div>
      )}
      <Link href={`${userPage}/activity`} prefetch={false} className="mt-3 inline-block font-medium text-primary underline-offset-2 hover:underline">
        {t("viewAll")}
      </Link>
    </Card>
  );
}
