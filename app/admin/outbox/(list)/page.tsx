import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { KeysetPager } from "@/components/keyset-pager";
import { Page } from "@/components/page";
import { adminListOutbox } from "@/db/queries/mail";
import { emailStatuses } from "@/db/schema";
import { decodeCursor, encodeCursor } from "@/lib/cursor";
import { requireAdmin } from "@/lib/session";
import { adminOutboxSearchSchema } from "@/lib/validations/admin";
import { outboxHref } from "../href";
import { OutboxTable } from "./outbox-table";

const PAGE_SIZE = 50;

export async function generateMetadata(): Promise<Metadata> {
  await requireAdmin();
  return { title: (await getTranslations("admin.outbox"))("title") };
}

export default async function AdminOutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin();
  const params = adminOutboxSearchSchema.parse(await searchParams);
  const filters = { status: params.status, query: params.query };
  const after = decodeCursor(params.after);
  const before = after ? null : decodeCursor(params.before);
  const [t, page] = await Promise.all([getTranslations("admin.outbox"), adminListOutbox(filters, { after, before, limit: PAGE_SIZE })]);
  return (
    <Page title={t("title")} description={t("description")}>
      <div className="space-y-4">
        <OutboxTable rows={page.rows} filters={filters} statuses={emailStatuses} paged={Boolean(after || before)} />
        {page.newer || page.older ? (
          <KeysetPager
            label={t("pagination")}
            newer={{ label: t("newer"), href: page.newer ? outboxHref(filters, { before: encodeCursor(page.newer) }) : null }}
            older={{ label: t("older"), href: page.older ? outboxHref(filters, { after: encodeCursor(page.older) }) : null }}
          />
        ) : null}
      </div>
    </Page>
  );
}
