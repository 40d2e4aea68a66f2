import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Avatar } from "@/components/avatar";
import { Page } from "@/components/page";
import { ProfileCard } from "@/components/profile-card";
import { Card, CardHeader } from "@/components/ui/card";
import { getCustomerAccount } from "@/db/queries/accounts";
import { getUserById, getUserProfile } from "@/db/queries/users";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { requireUser } from "@/lib/session";
import { AvatarForm, ContactDetailsForm, EmailChangeForm } from "./profile-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("profile") };
}

export default async function ProfilePage() {
  const sessionUser = await requireUser();
  const [t, user, profile, account] = await Promise.all([
    getTranslations("profile"),
    getUserById(sessionUser.id),
    getUserProfile(sessionUser.id),
    sessionUser.accountId ? getCustomerAccount(sessionUser.accountId) : null,
  ]);
  if (!user || !profile) notFound();
  return (
    <Page title={t("title")} description={t("description")} width="narrow">
      <ProfileCard
        user={{ ...user, avatarFileId: profile.avatarFileId }}
        timeZone={sessionUser.timeZone}
        account={account && sessionUser.accountRole ? { name: account.name, role: sessionUser.accountRole } : null}
      />
      <ClientMessages namespaces={["profile"]}>
        <Card className="mt-6" aria-labelledby="photo-heading">
          <CardHeader id="photo-heading" title={t("photo.title")} description={t("photo.description")} />
          <div className="mt-5 flex flex-col gap-5 sm:flex-row sm:items-start">
            <div className="flex items-center gap-3">
              <Avatar name={user.name} fileId={profile.avatarFileId} size="lg" />
              {profile.avatarFileId ? <span className="sr-only">{t("photo.current")}</span> : null}
            </div>
            <AvatarForm hasAvatar={Boolean(profile.avatarFileId)} />
          </div>
        </Card>
        <Card className="mt-6" aria-labelledby="details-heading">
          <CardHeader id="details-heading" title={t("details.title")} description={t("details.description")} />
          <ContactDetailsForm profile={profile} />
        </Card>
        <Card className="mt-6" aria-labelledby="email-heading">
          <CardHeader id="email-heading" title={t("email.title")} description={t("email.description")} />
          <EmailChangeForm currentEmail={user.email} />
        </Card>
      </ClientMessages>
    </Page>
  );
}
