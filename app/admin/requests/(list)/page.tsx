import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { KeysetPager } from "@/components/keyset-pager";
import { Page } from "@/components/page";
import { adminListRequests } from "@/db/queries/project-requests";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { requireAdmin } from "@/lib/session";
import { adminRequestsSearchSchema } from "@/lib/validations/project-requests";
import { requestsHref } from "../href";
import { RequestsTable } from "./requests-table";

const PAGE_SIZE = 25;

export async function generateMetadata(): Promise<Metadata> {
  await requireAdmin();
  return { title: (await getTranslations("adminRequests"))("title") };
}

export default async function AdminRequestsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin();
  const params = adminRequestsSearchSchema.parse(await searchParams);
  const filters = { status: params.status };
  const [t, { rows, total }] = await Promise.all([getTranslations("adminRequests"), adminListRequests({ status: params.status, page: params.page, pageSize: PAGE_SIZE })]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <Page title={t("title")} description={t("description")}>
      <div className="space-y-4">
        <ClientMessages namespaces={["adminRequests", "projectRequests"]}>
          <RequestsTable
            rows={rows.map(({ id, title, customerName, status, createdAt, decidedAt }) => ({ id, title, customerName, status, createdAt, decidedAt }))}
            filters={filters}
            paged={params.page > 1}
          />
        </ClientMessages>
        {pages > 1 ? (
          <KeysetPager
            label={t("pagination")}
            newer={{ label: t("previous"), href: params.page > 1 ? requestsHref(filters, params.page - 1) : null }}
            older={{ label: t("next"), href: params.page < pages ? requestsHref(filters, params.page + 1) : null }}
          />
        ) : null}
      </div>
    </Page>
  );
}
