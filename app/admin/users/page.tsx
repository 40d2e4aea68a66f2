import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Page } from "@/components/page";
import { adminListUsers } from "@/db/queries/admin-users";
import { requireAdmin } from "@/lib/session";
import { adminUsersSearchSchema } from "@/lib/validations/admin";
import { usersTableHref } from "./href";
import { UsersTable } from "./users-table";

export async function generateMetadata(): Promise<Metadata> {
  await requireAdmin();
  return { title: (await getTranslations("admin.users"))("title") };
}

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin();
  const params = adminUsersSearchSchema.parse(await searchParams);
  const [t, { rows, total }] = await Promise.all([getTranslations("admin.users"), adminListUsers(params)]);
  const pageCount = Math.max(1, Math.ceil(total / params.pageSize));
  // A page past the end (an old link, a hand-edited URL) shows the last page instead.
  if (params.page > pageCount) redirect(usersTableHref("/admin/users", params, { page: pageCount }));
  return (
    <Page title={t("title")} description={t("description")}>
      <UsersTable rows={rows} total={total} params={params} />
    </Page>
  );
}
