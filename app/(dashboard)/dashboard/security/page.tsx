import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Page } from "@/components/page";
import { Card } from "@/components/ui/card";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { listActiveSessions } from "@/db/queries/sessions";
import { markSecurityReviewed } from "@/db/queries/users";
import { requireUser } from "@/lib/session";
import { describeUserAgent } from "@/lib/user-agent";
import { SessionsForm } from "./session-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("security") };
}

export default async function SecurityPage() {
  const user = await requireUser();
  const [t, format, sessions] = await Promise.all([
    getTranslations("security"),
    getFormatter(),
    listActiveSessions(user.id),
    // Opening this page is the getting-started step "review your security".
    user.securityReviewedAt ? null : markSecurityReviewed(user.id),
  ]);
  const rows = sessions.map((session) => {
    const device = describeUserAgent(session.userAgent);
    return {
      id: session.id,
      current: session.id === user.sessionId,
      device: device.browser && device.os ? t("device", device) : t("unknownDevice"),
      mobile: device.os === "iOS" || device.os === "Android",
      details: t("details", {
        ip: session.ip ?? t("unknownIp"),
        lastSeen: format.relativeTime(session.lastSeenAt),
        created: format.dateTime(session.createdAt, { dateStyle: "medium", timeStyle: "short" }),
      }),
    };
  });
  return (
    <Page title={t("title")} description={t("description")} width="narrow">
      <ClientMessages namespaces={["security"]}>
        <Card aria-labelledby="sessions-heading">
          <SessionsForm title={t("sessions")} description={t("sessionsHelp")} sessions={rows} />
        </Card>
      </ClientMessages>
    </Page>
  );
}
