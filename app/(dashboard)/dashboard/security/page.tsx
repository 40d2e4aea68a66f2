import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { listActiveSessions } from "@/db/queries/sessions";
import { requireUser } from "@/lib/session";
import { describeUserAgent } from "@/lib/user-agent";
import { RevokeOthersForm, RevokeSessionForm } from "./session-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("security") };
}

export default async function SecurityPage() {
  const user = await requireUser();
  const [t, format, sessions] = await Promise.all([getTranslations("security"), getFormatter(), listActiveSessions(user.id)]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card aria-labelledby="sessions-heading">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="sessions-heading" className="text-lg font-semibold">
            {t("sessions")}
          </h2>
          {sessions.length > 1 ? <RevokeOthersForm /> : null}
        </div>
        <ul className="mt-4 divide-y divide-border">
          {sessions.map((session) => {
            const device = describeUserAgent(session.userAgent);
            const current = session.id === user.sessionId;
            return (
              <li key={session.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div className="min-w-0">
                  <p className="font-medium">
                    {device.browser && device.os ? t("device", device) : t("unknownDevice")}{" "}
                    {current ? <Badge tone="success">{t("thisDevice")}</Badge> : null}
                  </p>
                  <p className="text-sm text-fg-muted">
                    {t("details", {
                      ip: session.ip ?? t("unknownIp"),
                      lastSeen: format.relativeTime(session.lastSeenAt),
                      created: format.dateTime(session.createdAt, { dateStyle: "medium", timeStyle: "short" }),
                    })}
                  </p>
                </div>
                {current ? null : <RevokeSessionForm sessionId={session.id} />}
              </li>
            );
          })}
        </ul>
      </Card>
    </>
  );
}
