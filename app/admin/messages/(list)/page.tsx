import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { KeysetPager } from "@/components/keyset-pager";
import { Page } from "@/components/page";
import { ButtonLink } from "@/components/ui/button";
import { adminListThreads } from "@/db/queries/messages";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { decodeInboxCursor, encodeInboxCursor } from "@/lib/messages/cursor";
import { requireAdmin } from "@/lib/session";
import { adminThreadsSearchSchema } from "@/lib/validations/messages";
import { inboxHref } from "../href";
import { InboxTable } from "./inbox-table";

const PAGE_SIZE = 30;

export async function generateMetadata(): Promise<Metadata> {
  await requireAdmin();
  return { title: (await getTranslations("adminMessaging"))("title") };
}

export default async function AdminMessagesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin();
  const params = adminThreadsSearchSchema.parse(await searchParams);
  const filters = { status: params.status, query: params.query };
  const after = decodeInboxCursor(params.after);
  const before = after ? null : decodeInboxCursor(params.before);
  const [t, page] = await Promise.all([getTranslations("adminMessaging"), adminListThreads(admin.id, filters, { after, before, limit: PAGE_SIZE })]);
  return (
    <Page title={t("title")} description={t("description")} actions={<ButtonLink href="/admin/messages/new">{t("newThread")}</ButtonLink>}>
      <div className="space-y-4">
        <ClientMessages namespaces={["adminMessaging", "messaging"]}>
          <InboxTable rows={page.rows} filters={filters} paged={Boolean(after || before)} />
        </ClientMessages>
        {page.newer || page.older ? (
          <KeysetPager
            label={t("pagination")}
            newer={{ label: t("newer"), href: page.newer ? inboxHref(filters, { before: encodeInboxCursor(page.newer) }) : null }}
            older={{ label: t("older"), href: page.older ? inboxHref(filters, { after: encodeInboxCursor(page.older) }) : null }}
          />
        ) : null}
      </div>
    </Page>
  );
}
