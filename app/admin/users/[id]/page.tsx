import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { cache } from "react";
import { z } from "zod";
import { Avatar } from "@/components/avatar";
import { Page } from "@/components/page";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { adminGetAccountOfUser } from "@/db/queries/accounts";
import { adminListAuditEntriesForUser } from "@/db/queries/audit";
import { adminGetUser } from "@/db/queries/admin-users";
import { listActiveSessions } from "@/db/queries/sessions";
import { adminGetUserContactDetails } from "@/db/queries/users";
import { getTwoFactorStatus } from "@/db/queries/two-factor";
import { getDateFormatter } from "@/lib/i18n/date-format-server";
import { requireAdmin } from "@/lib/session";
import { describeUserAgent } from "@/lib/user-agent";
import { CustomerSubscription } from "./customer-subscription";
import { AccountInvoices } from "../../invoices/staff-invoice-lists";
import { CustomerActivity } from "./customer-activity";
import { CustomerApiTokens } from "./customer-api-tokens";
import { CustomerAgents } from "./customer-agents";
import { CustomerWork } from "./customer-work";
import { ResetTwoFactorForm, UserRoleForm, UserSessionsForm, UserStatusForm } from "./user-forms";

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
  const [t, tSecurity, tAudit, format, dates, audit, account, sessions, twoFactor, contact] = await Promise.all([
    getTranslations("admin.userDetail"),
    getTranslations("security"),
    getTranslations("admin.audit"),
    getFormatter(),
    getDateFormatter(),
    adminListAuditEntriesForUser(id),
    adminGetAccountOfUser(id),
    listActiveSessions(id),
    getTwoFactorStatus(id),
    adminGetUserContactDetails(id),
  ]);
  const isSelf = user.id === admin.id;
  const dateTime = (date: Date) => dates.dateTime(date);
  const sessionRows = sessions.map((session) => {
    const device = describeUserAgent(session.userAgent);
    return {
      id: session.id,
      device: device.browser && device.os ? tSecurity("device", device) : tSecurity("unknownDevice"),
      details: t("sessionDetails", {
        ip: session.ip ?? tSecurity("unknownIp"),
        lastSeen: format.relativeTime(session.lastSeenAt),
        created: dateTime(session.createdAt),
      }),
    };
  });
  return (
    <>
      <div className="mx-auto w-full max-w-6xl">
        <Link href="/admin/users" prefetch={false} className="text-sm text-primary underline-offset-2 hover:underline">
          {t("back")}
        </Link>
      </div>
      <div className="mt-3">
        <Page title={user.name} description={user.email}>
          <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-3">
            <Card className="lg:col-span-2" aria-labelledby="account-heading">
              <div className="flex items-center gap-4">
                <Avatar name={user.name} fileId={contact?.avatarFileId ?? null} size="lg" />
                <div>
                  <h2 id="account-heading" className="text-base font-semibold">
                    {t("account")}
                  </h2>
                  <div className="mt-1 flex flex-wrap gap-2">
                    <Badge tone={user.role === "admin" ? "primary" : "neutral"}>{t(`roles.${user.role}`)}</Badge>
                    <Badge tone={user.status === "active" ? "success" : "danger"}>{t(`statuses.${user.status}`)}</Badge>
                    <Badge tone={user.emailVerifiedAt ? "success" : "warning"}>{t(user.emailVerifiedAt ? "verified" : "unverified")}</Badge>
                    <Badge tone={twoFactor.enabled ? "success" : "neutral"}>
                      {t("twoFactor")}: {t(twoFactor.enabled ? "twoFactorOn" : "twoFactorOff")}
                    </Badge>
                  </div>
                </div>
              </div>
              <dl className="mt-5 grid gap-4 sm:grid-cols-3">
                <div>
                  <dt className="text-13 text-fg-muted">{t("createdAt")}</dt>
                  <dd className="font-medium">{dateTime(user.createdAt)}</dd>
                </div>
                <div>
                  <dt className="text-13 text-fg-muted">{t("lastSeen")}</dt>
                  <dd className="font-medium">{user.lastSeenAt ? dateTime(user.lastSeenAt) : t("never")}</dd>
                </div>
                <div>
                  <dt className="text-13 text-fg-muted">{t("activeSessions")}</dt>
                  <dd className="font-medium">{user.activeSessions}</dd>
                </div>
              </dl>
            </Card>
            <Card aria-labelledby="manage-heading">
              <CardHeader id="manage-heading" title={t("manage")} />
              {isSelf ? (
                <p className="mt-2 text-fg-muted">{t("selfNote")}</p>
              ) : (
                <div className="mt-4 space-y-6">
                  <UserStatusForm userId={user.id} name={user.name} status={user.status} />
                  <UserRoleForm userId={user.id} name={user.name} role={user.role} />
                  <ResetTwoFactorForm userId={user.id} name={user.name} enabled={twoFactor.enabled} />
                </div>
              )}
            </Card>
          </div>
          <div className="mt-6 grid grid-cols-1 items-start gap-6 lg:grid-cols-3">
            <Card className="lg:col-span-2" aria-labelledby="user-sessions-heading">
              <CardHeader id="user-sessions-heading" title={t("sessionsTitle")} description={isSelf ? undefined : t("sessionsHelp")} />
              {isSelf ? (
                <p className="mt-2 text-fg-muted">
                  {t("selfSessionsNote")}{" "}
                  <Link href="/dashboard/security" className="font-medium text-primary underline-offset-2 hover:underline">
                    {t("openSecurity")}
                  </Link>
                </p>
              ) : (
                <UserSessionsForm userId={user.id} name={user.name} sessions={sessionRows} />
              )}
            </Card>
            <Card aria-labelledby="customer-account-heading">
              <CardHeader id="customer-account-heading" title={t("customerAccount")} />
              {account ? (
                <dl className="mt-3 space-y-3">
                  <div>
                    <dt className="text-13 text-fg-muted">{t("accountName")}</dt>
                    <dd className="font-medium">{account.name}</dd>
                  </div>
                  <div>
                    <dt className="text-13 text-fg-muted">{t("accountRole")}</dt>
                    <dd className="font-medium">{t(`accountRoles.${account.role}`)}</dd>
                  </div>
                  <div>
                    <dt className="text-13 text-fg-muted">{t("accountCreated")}</dt>
                    <dd className="font-medium">{dateTime(account.createdAt)}</dd>
                  </div>
                </dl>
              ) : (
                <p className="mt-2 text-fg-muted">{t("noAccount")}</p>
              )}
            </Card>
          </div>
          <Card className="mt-6" aria-labelledby="contact-heading">
            <CardHeader id="contact-heading" title={t("contact.contactTitle")} />
            {/* The customer's privacy choice: without it staff see name, email and account only. */}
            {!contact ? (
              <p className="mt-2 text-fg-muted">{t("contact.contactPrivate")}</p>
            ) : contact.phone || contact.company || contact.jobTitle || contact.address ? (
              <dl className="mt-3 grid gap-4 sm:grid-cols-2">
                {(["phone", "company", "jobTitle", "address"] as const).map((field) =>
                  contact[field] ? (
                    <div key={field}>
                      <dt className="text-13 text-fg-muted">{t(`contact.${field}`)}</dt>
                      <dd className="whitespace-pre-line font-medium">{contact[field]}</dd>
                    </div>
                  ) : null,
                )}
              </dl>
            ) : (
              <p className="mt-2 text-fg-muted">{t("contact.contactNone")}</p>
            )}
          </Card>
          {account ? <CustomerWork accountId={account.id} /> : null}
          {account ? <CustomerSubscription accountId={account.id} /> : null}
          {account ? <AccountInvoices accountId={account.id} /> : null}
          {account ? <CustomerAgents accountId={account.id} timeZone={admin.timeZone} /> : null}
          {account ? <CustomerActivity accountId={account.id} userId={user.id} /> : null}
          {user.role === "customer" ? <CustomerApiTokens userId={user.id} /> : null}
          <Card className="mt-6" aria-labelledby="audit-heading">
            <CardHeader id="audit-heading" title={t("audit")} />
            {audit.length === 0 ? (
              <p className="mt-2 text-fg-muted">{t("auditEmpty")}</p>
            ) : (
              <ul className="mt-3 divide-y divide-border">
                {audit.map((entry) => (
                  <li key={entry.id} className="flex flex-wrap justify-between gap-x-4 gap-y-1 py-2.5">
                    <span>
                      {entry.action === "admin.role_changed"
                        ? t("auditActions.admin_role_changed", {
                            from: t(`roles.${entry.metadata.from === "admin" ? "admin" : "customer"}`),
                            to: t(`roles.${entry.metadata.to === "admin" ? "admin" : "customer"}`),
                          })
                        : // Told from the user's side where it reads differently ("Disabled by staff"), else as the audit log says it.
                          t.has(`auditActions.${entry.action.replace(".", "_")}`)
                          ? t(`auditActions.${entry.action.replace(".", "_")}`)
                          : tAudit(`actions.${entry.action.replace(".", "_")}`)}
                      {entry.actorName ? <span className="text-fg-muted"> · {entry.actorName}</span> : null}
                      {entry.ip ? <span className="text-fg-muted"> · {entry.ip}</span> : null}
                    </span>
                    <time dateTime={entry.createdAt.toISOString()} className="text-13 text-fg-muted">
                      {dateTime(entry.createdAt)}
                    </time>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </Page>
      </div>
    </>
  );
}
