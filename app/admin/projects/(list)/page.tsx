import { Plus } from "lucide-react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Page } from "@/components/page";
import { ButtonLink } from "@/components/ui/button";
import { adminListAccountsWithProjects, adminListProjects } from "@/db/queries/projects";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { requireAdmin } from "@/lib/session";
import { adminProjectsSearchSchema } from "@/lib/validations/projects";
import { projectsTableHref } from "../href";
import { ProjectsTable } from "./projects-table";

export async function generateMetadata(): Promise<Metadata> {
  await requireAdmin();
  return { title: (await getTranslations("adminProjects"))("title") };
}

export default async function AdminProjectsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin();
  const params = adminProjectsSearchSchema.parse(await searchParams);
  const [t, { rows, total }, accounts] = await Promise.all([
    getTranslations("adminProjects"),
    adminListProjects({ ...params, accountId: params.account }),
    adminListAccountsWithProjects(),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / params.pageSize));
  if (params.page > pageCount) redirect(projectsTableHref("/admin/projects", params, { page: pageCount }));
  return (
    <Page
      title={t("title")}
      description={t("description")}
      actions={
        <ButtonLink href="/admin/projects/new">
          <Plus aria-hidden className="size-4" />
          {t("newProject")}
        </ButtonLink>
      }
    >
      <ClientMessages namespaces={["adminProjects", "projects", "pager"]}>
        <ProjectsTable rows={rows} total={total} params={params} accounts={accounts} />
      </ClientMessages>
    </Page>
  );
}
