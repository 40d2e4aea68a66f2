import { Bot } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { KeysetPager } from "@/components/keyset-pager";
import { Page } from "@/components/page";
import { ButtonLink } from "@/components/ui/button";
import { adminListCalls } from "@/db/queries/calls";
import { formatDuration } from "@/lib/calls/format";
import { decodeCursor, encodeCursor } from "@/lib/cursor";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getDateFormatter } from "@/lib/i18n/date-format-server";
import { requireAdmin } from "@/lib/session";
import { adminCallsSearchSchema } from "@/lib/validations/call-history";
import { adminCallsHref } from "../href";
import { AdminCallsTable } from "./calls-table";

const PAGE_SIZE = 50;

export async function generateMetadata(): Promise<Metadata> {
  await requireAdmin();
  return { title: (await getTranslations("adminCalls"))("title") };
}

export default async function AdminCallsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin();
  const params = adminCallsSearchSchema.parse(await searchParams);
  const filters = { status: params.status, customer: params.customer };
  const after = decodeCursor(params.after);
  const before = after ? null : decodeCursor(params.before);
  const [t, tNav, dates, page] = await Promise.all([getTranslations("adminCalls"), getTranslations("nav"), getDateFormatter(), adminListCalls(filters, { after, before, limit: PAGE_SIZE })]);
  return (
    <Page
      title={t("title")}
      description={t("description", { timeZone: admin.timeZone.replace(/_/g, " ") })}
      actions={
        // The call tools of the staff area, side by side: each a link to its own page.
        <div className="flex flex-wrap items-center gap-2">
          <ButtonLink href="/admin/agents" variant="secondary">
            <Bot aria-hidden className="size-4" />
            {tNav("adminAgents")}
          </ButtonLink>
        </div>
      }
    >
      <div className="space-y-4">
        <ClientMessages namespaces={["adminCalls", "calls"]}>
          <AdminCallsTable
            rows={page.rows.map((row) => ({
              id: row.id,
              startedAt: row.startedAt.toISOString(),
              time: dates.dateTime(row.startedAt),
              customer: row.customer,
              customerUserId: row.customerUserId,
              status: row.status,
              direction: row.direction,
              agent: row.agentName,
              duration: formatDuration(row.durationSeconds),
              satisfaction: row.satisfaction,
            }))}
            filters={filters}
            paged={Boolean(after || before)}
          />
        </ClientMessages>
        {page.newer || page.older ? (
          <KeysetPager
            label={t("pagination")}
            newer={{ label: t("newer"), href: page.newer ? adminCallsHref(filters, { before: encodeCursor(page.newer) }) : null }}
            older={{ label: t("older"), href: page.older ? adminCallsHref(filters, { after: encodeCursor(page.older) }) : null }}
          />
        ) : null}
      </div>
    </Page>
  );
}
