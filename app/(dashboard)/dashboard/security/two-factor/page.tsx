import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Page } from "@/components/page";
import { Card, CardHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { getTwoFactorStatus } from "@/db/queries/two-factor";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { requireUser } from "@/lib/session";
import { getPendingEnrolment } from "@/lib/two-factor/service";
import { ConfirmTwoFactorForm, DisableTwoFactorForm, RegenerateRecoveryCodesForm, StartTwoFactorForm } from "./two-factor-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("twoFactor"))("title") };
}

export default async function TwoFactorPage() {
  const user = await requireUser();
  const [t, format, status] = await Promise.all([getTranslations("twoFactor"), getFormatter(), getTwoFactorStatus(user.id)]);
  const pending = status.enabled ? null : await getPendingEnrolment(user);
  const staffMustEnrol = user.role === "admin" && !status.enabled;
  return (
    <Page
      title={t("title")}
      description={t("description")}
      width="narrow"
      actions={
        <ButtonLink href="/dashboard/security" variant="secondary">
          {t("backToSecurity")}
        </ButtonLink>
      }
    >
      <ClientMessages namespaces={["twoFactor"]}>
        {staffMustEnrol ? (
          <p role="status" className="mb-4 rounded-md bg-warning-soft px-3 py-2 text-sm text-warning">
            {t("staffRequired")}
          </p>
        ) : null}
        {status.enabled ? (
          <div className="space-y-6">
            <Card aria-labelledby="two-factor-status-heading">
              <CardHeader
                id="two-factor-status-heading"
                title={t("onTitle")}
                description={t("onSince", { date: format.dateTime(status.enabledAt, { dateStyle: "medium" }) })}
              />
              <p className="mt-3 text-sm">{t("codesLeft", { count: status.recoveryCodesLeft })}</p>
            </Card>
            <Card aria-labelledby="recovery-codes-heading">
              <CardHeader id="recovery-codes-heading" title={t("regenerateTitle")} description={t("regenerateHelp")} />
              <RegenerateRecoveryCodesForm />
            </Card>
            <Card aria-labelledby="disable-heading">
              <CardHeader id="disable-heading" title={t("disableTitle")} description={user.role === "admin" ? t("requiredForStaff") : t("disableHelp")} />
              {user.role === "admin" ? null : <DisableTwoFactorForm />}
            </Card>
          </div>
        ) : pending ? (
          <Card aria-labelledby="enrol-heading">
            <CardHeader id="enrol-heading" title={t("enrolTitle")} description={t("enrolHelp")} />
            <ConfirmTwoFactorForm qrSvg={pending.qrSvg} secret={pending.secret} uri={pending.uri} continueHref={user.role === "admin" ? "/admin" : "/dashboard/security"} />
          </Card>
        ) : (
          <Card aria-labelledby="start-heading">
            <CardHeader id="start-heading" title={t("offTitle")} description={t("offHelp")} />
            <StartTwoFactorForm />
          </Card>
        )}
      </ClientMessages>
    </Page>
  );
}
