import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Page } from "@/components/page";
import { ProfileCard } from "@/components/profile-card";
import { getCustomerAccount } from "@/db/queries/accounts";
import { getUserById } from "@/db/queries/users";
import { requireUser } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("profile") };
}

export default async function ProfilePage() {
  const sessionUser = await requireUser();
  const [t, user, account] = await Promise.all([
    getTranslations("profile"),
    getUserById(sessionUser.id),
    sessionUser.accountId ? getCustomerAccount(sessionUser.accountId) : null,
  ]);
  if (!user) notFound();
  return (
    <Page title={t("title")} description={t("description")} width="narrow">
      <ProfileCard user={user} timeZone={sessionUser.timeZone} account={account && sessionUser.accountRole ? { name: account.name, role: sessionUser.accountRole } : null} />
    </Page>
  );
}
