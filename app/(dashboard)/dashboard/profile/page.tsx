import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Page } from "@/components/page";
import { ProfileCard } from "@/components/profile-card";
import { getUserById } from "@/db/queries/users";
import { requireUser } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("profile") };
}

export default async function ProfilePage() {
  const sessionUser = await requireUser();
  const [t, user] = await Promise.all([getTranslations("profile"), getUserById(sessionUser.id)]);
  if (!user) notFound();
  return (
    <Page title={t("title")} description={t("description")} width="narrow">
      <ProfileCard user={user} timeZone={sessionUser.timeZone} />
    </Page>
  );
}
