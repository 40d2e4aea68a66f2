import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
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
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="max-w-2xl">
        <ProfileCard user={user} timeZone={sessionUser.timeZone} />
      </div>
    </>
  );
}
