import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { z } from "zod";
import { ActivityFeed } from "@/components/activity/activity-feed";
import { Page } from "@/components/page";
import { adminGetAccountOfUser } from "@/db/queries/accounts";
import { adminGetUser } from "@/db/queries/admin-users";
import { staffActivityLink } from "@/lib/activity/links";
import { requireAdmin } from "@/lib/session";

type Params = Promise<{ id: string }>;

/** The customer of the URL and their account, for an admin; anyone else, a malformed id or a user without an account get the same 404. */
const loadCustomer = cache(async (id: string) => {
  await requireAdmin();
  const user = z.uuid().safeParse(id).success ? await adminGetUser(id) : null;
  const account = user ? await adminGetAccountOfUser(user.id) : null;
  if (!user || !account) notFound();
  return { user, account };
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { user } = await loadCustomer((await params).id);
  return { title: (await getTranslations("activity"))("staffTitle", { name: user.name }) };
}

/** Staff read a customer account's whole timeline, security events of every member included. */
export default async function AdminUserActivityPage({ params, searchParams }: { params: Params; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const [admin, { user, account }, t] = await Promise.all([requireAdmin(), loadCustomer(id), getTranslations("activity")]);
  const userPage = `/admin/users/${user.id}`;
  return (
    <>
      <div className="mx-auto w-full max-w-6xl">
        <Link href={userPage} prefetch={false} className="text-sm text-primary underline-offset-2 hover:underline">
          {t("backToUser", { name: user.name })}
        </Link>
      </div>
      <div className="mt-3">
        <Page title={t("staffTitle", { name: user.name })} description={t("staffDescription", { account: account.name })}>
          <ActivityFeed
            accountId={account.id}
            viewerId={null}
            timeZone={admin.timeZone}
            basePath={`${userPage}/activity`}
            searchParams={await searchParams}
            linkFor={(link) => staffActivityLink(link, userPage)}
          />
        </Page>
      </div>
    </>
  );
}
