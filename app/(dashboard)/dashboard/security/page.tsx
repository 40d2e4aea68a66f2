import Link from "next/link";
import type { Metadata } from "next";
import { CheckCircle2, ShieldAlert, XCircle } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Page } from "@/components/page";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ApiTokenList } from "@/components/api-tokens/api-token-list";
import { apiTokenViews } from "@/components/api-tokens/rows";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { listApiTokens } from "@/db/queries/api-tokens";
import { listSignInHistory } from "@/db/queries/audit";
import { listActiveSessions } from "@/db/queries/sessions";
import { getTwoFactorStatus } from "@/db/queries/two-factor";
import { markSecurityReviewed } from "@/db/queries/users";
import { API_TOKENS_PER_USER_MAX } from "@/lib/constants";
import { appUrl } from "@/lib/env";
import { getDateFormatter } from "@/lib/i18n/date-format-server";
import { requireUser } from "@/lib/session";
import { describeUserAgent } from "@/lib/user-agent";
import { revokeApiTokenAction } from "./actions";
import { CreateApiTokenForm } from "./api-token-form";
import { PasswordChangeForm } from "./password-change-form";
import { SessionsForm } from "./session-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("security") };
}

export default async function SecurityPage() {
  const user = await requireUser();
  // Only customers hold API tokens (the service refuses anyone else).
  const holdsTokens = user.role === "customer";
  const [t, tTokens, format, dates, sessions, twoFactor, history, tokens] = await Promise.all([
    getTranslations("security"),
    getTranslations("apiTokens"),
    getFormatter(),
    getDateFormatter(),
    listActiveSessions(user.id),
    getTwoFactorStatus(user.id),
    listSignInHistory(user.id),
    holdsTokens ? listApiTokens(user.id) : [],
    // Opening this page is the getting-started step "review your security".
    user.securityReviewedAt ? null : markSecurityReviewed(user.id),
  ]);
  const deviceName = (userAgent: string | null) => {
    const device = describeUserAgent(userAgent);
    return device.browser && device.os ? t("device", device) : t("unknownDevice");
  };
  const rows = sessions.map((session) => {
    const device = describeUserAgent(session.userAgent);
    return {
      id: session.id,
      current: session.id === user.sessionId,
      device: deviceName(session.userAgent),
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
      <div className="space-y-6">
        <Card aria-labelledby="two-factor-heading">
          <CardHeader
            id="two-factor-heading"
            title={t("twoFactor")}
            description={twoFactor.enabled ? t("twoFactorOn", { count: twoFactor.recoveryCodesLeft }) : t("twoFactorOff")}
            actions={
              <ButtonLink href="/dashboard/security/two-factor" variant={twoFactor.enabled ? "secondary" : "primary"}>
                {twoFactor.enabled ? t("twoFactorManage") : t("twoFactorSetUp")}
              </ButtonLink>
            }
          />
          <p className="mt-3">
            {twoFactor.enabled ? <Badge tone="success">{t("twoFactorOnBadge")}</Badge> : <Badge tone="warning">{t("twoFactorOffBadge")}</Badge>}
          </p>
        </Card>
        <ClientMessages namespaces={["passwordChange"]}>
          <Card aria-labelledby="password-change-heading">
            <PasswordChangeForm />
          </Card>
        </ClientMessages>
        <ClientMessages namespaces={["security"]}>
          <Card aria-labelledby="sessions-heading">
            <SessionsForm title={t("sessions")} description={t("sessionsHelp")} sessions={rows} />
          </Card>
        </ClientMessages>
        {holdsTokens ? (
          <ClientMessages namespaces={["apiTokens"]}>
            <Card aria-labelledby="api-tokens-heading">
              <CardHeader id="api-tokens-heading" title={tTokens("title")} description={tTokens("description", { max: API_TOKENS_PER_USER_MAX })} />
              <p className="mt-2 text-13">
                <Link href="/docs/api" prefetch={false} className="font-medium text-primary underline underline-offset-2">
                  {tTokens("reference")}
                </Link>
              </p>
              <CreateApiTokenForm origin={appUrl()} />
              <h3 className="mt-6 text-sm font-semibold">{tTokens("listTitle")}</h3>
              <ApiTokenList tokens={apiTokenViews(tokens, dates)} action={revokeApiTokenAction} label={tTokens("listTitle")} />
            </Card>
          </ClientMessages>
        ) : null}
        <Card aria-labelledby="history-heading">
          <CardHeader id="history-heading" title={t("history")} description={t("historyHelp")} />
          {history.length === 0 ? (
            <p className="mt-4 text-sm text-fg-muted">{t("historyEmpty")}</p>
          ) : (
            <ul className="mt-4 divide-y divide-border" aria-label={t("history")}>
              {history.map((entry) => {
                const succeeded = entry.action === "auth.sign_in";
                const Icon = succeeded ? CheckCircle2 : entry.action === "auth.two_factor_failed" ? ShieldAlert : XCircle;
                return (
                  <li key={entry.id} className="flex items-start gap-3 py-3">
                    <Icon aria-hidden className={`mt-0.5 size-5 shrink-0 ${succeeded ? "text-success" : "text-danger"}`} />
                    <div className="min-w-0">
                      <p className="font-medium">
                        {succeeded ? t("historySucceeded") : entry.action === "auth.two_factor_failed" ? t("historyWrongCode") : t("historyFailed")}
                        {succeeded && typeof entry.metadata.twoFactor === "string" ? (
                          <>
                            {" "}
                            <span className="text-sm font-normal text-fg-muted">{t(`historyMethod.${entry.metadata.twoFactor === "recovery_code" ? "recoveryCode" : "totp"}`)}</span>
                          </>
                        ) : null}
                      </p>
                      <p className="text-13 text-fg-muted">
                        {t("historyDetails", {
                          time: format.dateTime(entry.createdAt, { dateStyle: "medium", timeStyle: "short" }),
                          device: deviceName(entry.userAgent),
                          ip: entry.ip ?? t("unknownIp"),
                        })}
                      </p>
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </Card>
      </div>
    </Page>
  );
}
