import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { KeysetPager } from "@/components/keyset-pager";
import { Page } from "@/components/page";
import { adminListAuditEntries } from "@/db/queries/audit";
import { auditActions } from "@/db/schema";
import { decodeCursor, encodeCursor } from "@/lib/cursor";
import { requireAdmin } from "@/lib/session";
import { describeUserAgent } from "@/lib/user-agent";
import { adminAuditSearchSchema } from "@/lib/validations/admin";
import { AuditTable, type AuditActionGroup } from "./audit-table";
import { auditHref } from "./href";

const PAGE_SIZE = 50;

export async function generateMetadata(): Promise<Metadata> {
  await requireAdmin();
  return { title: (await getTranslations("admin.audit"))("title") };
}

/** The select's options, grouped by the part of the product the action belongs to. */
const actionGroups: AuditActionGroup[] = (["auth", "admin", "user"] as const).map((group) => ({
  group,
  actions: auditActions.filter((action) => action.startsWith(`${group}.`)),
}));

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin();
  const params = adminAuditSearchSchema.parse(await searchParams);
  const filters = { actor: params.actor, action: params.action, from: params.from, to: params.to };
  const after = decodeCursor(params.after);
  const before = after ? null : decodeCursor(params.before);
  const [t, page] = await Promise.all([
    getTranslations("admin.audit"),
    adminListAuditEntries({ ...filters, timeZone: admin.timeZone }, { after, before, limit: PAGE_SIZE }),
  ]);
  const rows = page.rows.map(({ userAgent, ...row }) => {
    const { browser, os } = describeUserAgent(userAgent);
    return { ...row, device: [browser, os].filter(Boolean).join(" · ") };
  });
  return (
    <Page title={t("title")} description={t("description", { timeZone: admin.timeZone })}>
      <div className="space-y-4">
        <AuditTable rows={rows} filters={filters} actionGroups={actionGroups} paged={Boolean(after || before)} />
        {page.newer || page.older ? (
          <KeysetPager
            label={t("pagination")}
            newer={{ label: t("newer"), href: page.newer ? auditHref(filters, { before: encodeCursor(page.newer) }) : null }}
            older={{ label: t("older"), href: page.older ? auditHref(filters, { after: encodeCursor(page.older) }) : null }}
          />
        ) : null}
      </div>
    </Page>
  );
}
