import { CircleCheck } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { Page } from "@/components/page";
import { listFailedJobs } from "@/lib/jobs/admin";
import { requireAdmin } from "@/lib/session";
import { JobsTable } from "./jobs-table";

export async function generateMetadata(): Promise<Metadata> {
  await requireAdmin();
  return { title: (await getTranslations("admin.jobs"))("title") };
}

export default async function AdminJobsPage() {
  const admin = await requireAdmin();
  const [t, jobs] = await Promise.all([getTranslations("admin.jobs"), listFailedJobs(admin)]);
  return (
    <Page title={t("title")} description={t("description")}>
      {jobs.length === 0 ? <EmptyState icon={CircleCheck} title={t("emptyTitle")} description={t("emptyText")} /> : <JobsTable rows={jobs} />}
    </Page>
  );
}
