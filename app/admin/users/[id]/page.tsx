import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { cache } from "react";
import { z } from "zod";
import { Avatar } from "@/components/avatar";
import { PageHeader } from "@/components/page-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { adminListAuditEntriesForUser } from "@/db/queries/audit";
import { adminGetUser } from "@/db/queries/admin-users";
import { requireAdmin } from "@/lib/session";
import { UserRoleForm, UserStatusForm } from "./user-forms";

type Params = Promise<{ id: string }>;

/** The user of the URL for an admin; anyone else, a malformed or an unknown id get the same 404. */
const loadUser = cache(async (id: string) => {
  await requireAdmin();
  const user = z.uuid().safeParse(id).success ? await adminGetUser(id) : null;
  if (!user) notFound();
  return user;
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: (await loadUser((await params).id)).name };
}

export default async function AdminUserPage({ params }: { params: Params }) {
  const { id } = await params;
  const [admin, user] = await Promise.all([requireAdmin(), loadUser(id)]);
  const [t, format, audit] = await Promise.all([getTranslations("admin.userDetail"), getFormatter(), adminListAuditEntriesForUser(id)]);
  const isSelf = user.id === admin.id;
  return (
    <>
      <Link href="/admin/users" className="text-sm text-primary underline-offset-2 hover:underline">
        {t("back")}
      </Link>
      <div className="mt-3">
        <PageHeader title={user.name} description={user.email} />
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2" aria-labelledby="account-heading">
          <div className="flex items-center gap-4">
            <Avatar name={user.name} size="lg" />
            <div className="flex flex-wrap gap-2">
              <Badge tone={user.role === "admin" ? "primary" : "neutral"}>{t(`roles.${user.role}`)}</Badge>
              <Badge tone={user.status === "active" ? "success" : "danger"}>{t(`statuses.${user.status}`)}</Badge>
              <Badge tone={user.emailVerifiedAt ? "success" : "warning"}>{t(user.emailVerifiedAt ? "verified" : "unverified")}</Badge>
            </div>
          </div>
          <h2 id="account-heading" className="sr-only">
            {t("account")}
          </h2>
          <dl className="mt-5 grid gap-3 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-fg-muted">{t("createdAt")}</dt>
              <dd>{format.dateTime(user.createdAt, { dateStyle: "medium", timeStyle: "short" })}</dd>
            </div>
            <div>
              <dt className="text-fg-muted">{t("lastSeen")}</dt>
              <dd>{user.lastSeenAt ? format.dateTime(user.lastSeenAt, { dateStyle: "medium", timeStyle: "short" }) : t("never")}</dd>
            </div>
            <div>
              <dt className="text-fg-muted">{t("activeSessions")}</dt>
              <dd>{user.activeSessions}</dd>
            </div>
          </dl>
        </Card>
        <Card aria-labelledby="manage-heading">
          <h2 id="manage-heading" className="text-lg font-semibold">
            {t("manage")}
          </h2>
          {isSelf ? (
            <p className="mt-2 text-sm text-fg-muted">{t("selfNote")}</p>
          ) : (
            <div className="mt-4 space-y-6">
              <UserStatusForm userId={user.id} status={user.status} />
              <UserRoleForm userId={user.id} role={user.role} />
            </div>
          )}
        </Card>
      </div>
      <Card className="mt-6" aria-labelledby="audit-heading">
        <h2 id="audit-heading" className="text-lg font-semibold">
          {t("audit")}
        </h2>
        {audit.length === 0 ? (
          <p className="mt-2 text-sm text-fg-muted">{t("auditEmpty")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-border text-sm">
            {audit.map((entry) => (
              <li key={entry.id} className="flex flex-wrap justify-between gap-2 py-2">
                <span>
                  {t(`auditActions.${entry.action.replace(".", "_")}`)}
                  {entry.actorName ? <span className="text-fg-muted"> · {entry.actorName}</span> : null}
                  {entry.ip ? <span className="text-fg-muted"> · {entry.ip}</span> : null}
                </span>
                <time dateTime={entry.createdAt.toISOString()} className="text-fg-muted">
                  {format.dateTime(entry.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                </time>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
