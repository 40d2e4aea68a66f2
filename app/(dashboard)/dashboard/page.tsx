import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { ProfileCard } from "@/components/profile-card";
import { getUserById } from "@/db/queries/users";
import { requireUser } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("overview") };
}

export default async function OverviewPage() {
  const sessionUser = await requireUser();
  const [t, user] = await Promise.all([getTranslations("overview"), getUserById(sessionUser.id)]);
  if (!user) notFound();
  return (
    <>
      <PageHeader title={t("greeting", { name: user.name.split(" ")[0] ?? user.name })} description={t("subtitle")} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <ProfileCard user={user} timeZone={sessionUser.timeZone} />
      </div>
    </>
  );
}
