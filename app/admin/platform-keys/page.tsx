import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Page } from "@/components/page";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { adminListPlatformKeys } from "@/db/queries/platform-keys";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { requireAdmin } from "@/lib/session";
import { CreateKeyForm, RevokeKeyForm } from "./key-forms";

export async function generateMetadata(): Promise<Metadata> {
  await requireAdmin();
  return { title: (await getTranslations("platformKeys"))("title") };
}

/** The call platform's API keys: create one (shown once), see when each was last used, revoke. */
export default async function PlatformKeysPage() {
  await requireAdmin();
  const [t, format, keys] = await Promise.all([getTranslations("platformKeys"), getFormatter(), adminListPlatformKeys()]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const cell = "px-4 py-3 align-top";
  return (
    <Page title={t("title")} description={t("description")}>
      <ClientMessages namespaces={["platformKeys"]}>
        <Card aria-labelledby="create-key-heading" className="mb-6">
          <CardHeader id="create-key-heading" title={t("createTitle")} />
          <CreateKeyForm />
        </Card>
        <h2 className="mb-3 text-base font-semibold">{t("listTitle")}</h2>
        <div className="overflow-x-auto rounded-xl border border-border bg-surface shadow-card">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="border-b border-border bg-surface-muted text-13 text-fg-muted">
              <tr>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  {t("columns.name")}
                </th>
                <th scope="col" className="hidden px-4 py-2.5 font-medium sm:table-cell">
                  {t("columns.prefix")}
                </th>
                <th scope="col" className="hidden px-4 py-2.5 font-medium md:table-cell">
                  {t("columns.created")}
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  {t("columns.lastUsed")}
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  {t("columns.status")}
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  <span className="sr-only">{t("columns.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {keys.length === 0 ? (
                <tr>
                  <td colSpan={6} className="px-4 py-10 text-center text-fg-muted">
                    {t("empty")}
                  </td>
                </tr>
              ) : (
                keys.map((key) => (
                  <tr key={key.id}>
                    <th scope="row" className={`${cell} font-medium`}>
                      {key.name}
                      {/* Below 640 px the prefix column is hidden: it shows under the name. */}
                      <span className="mt-0.5 block font-mono text-13 font-normal text-fg-muted sm:hidden">{key.prefix}…</span>
                    </th>
                    <td className={`${cell} hidden font-mono text-13 sm:table-cell`}>{key.prefix}…</td>
                    <td className={`${cell} hidden whitespace-nowrap md:table-cell`}>{when(key.createdAt)}</td>
                    <td className={`${cell} whitespace-nowrap`}>{key.lastUsedAt ? when(key.lastUsedAt) : <span className="text-fg-muted">{t("never")}</span>}</td>
                    <td className={cell}>{key.revokedAt ? <Badge tone="neutral">{t("revokedOn", { date: when(key.revokedAt) })}</Badge> : <Badge tone="success">{t("active")}</Badge>}</td>
                    <td className={`${cell} text-right`}>{key.revokedAt ? null : <RevokeKeyForm keyId={key.id} name={key.name} />}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      </ClientMessages>
    </Page>
  );
}
