import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { adminListUsers } from "@/db/queries/admin-users";
import { requireAdmin } from "@/lib/session";
import { adminUsersSearchSchema } from "@/lib/validations/admin";
import { UsersTable } from "./users-table";

export async function generateMetadata(): Promise<Metadata> {
  await requireAdmin();
  return { title: (await getTranslations("admin.users"))("title") };
}

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin();
  const params = adminUsersSearchSchema.parse(await searchParams);
  const [t, { rows, total }] = await Promise.all([getTranslations("admin.users"), adminListUsers(params)]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <UsersTable rows={rows} total={total} params={params} />
    </>
  );
}
