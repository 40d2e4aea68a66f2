import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Page } from "@/components/page";
import { Card } from "@/components/ui/card";
import { importColumns, requiredImportColumns } from "@/lib/calls/import";
import { CALL_IMPORT_MAX_BYTES, CALL_IMPORT_MAX_ROWS } from "@/lib/constants";
import { formatFileSize } from "@/lib/file-size";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { requireAdmin } from "@/lib/session";
import { ImportForm } from "./import-form";

export async function generateMetadata(): Promise<Metadata> {
  await requireAdmin();
  return { title: (await getTranslations("callImport"))("title") };
}

const example = `account,platform_call_id,agent_id,direction,status,from_number,to_number,started_at,duration_seconds,satisfaction,cost,currency,summary
owner@example.com,plat-1001,,inbound,completed,+4930123456,+4930765432,2026-11-02T09:15:00Z,245,5,42,eur,"Asked about the invoice, resolved"
3f0c9a52-8a34-4f1e-9d55-2f8e0a1b7c11,plat-1002,,outbound,missed,+4930765432,+4930123456,2026-11-02T10:00:00+01:00,0,,0,eur,`;

/** Staff import calls from a CSV file: its columns documented with an example, then the upload. */
export default async function ImportCallsPage() {
  await requireAdmin();
  const [t, locale] = await Promise.all([getTranslations("callImport"), getLocale()]);
  return (
    <Page
      title={t("title")}
      description={t("description")}
      width="narrow"
      actions={
        <Link href="/admin/calls" prefetch={false} className="text-sm font-medium text-primary underline-offset-2 hover:underline">
          {t("back")}
        </Link>
      }
    >
      <Card aria-label={t("title")}>
        <ClientMessages namespaces={["callImport"]}>
          <ImportForm hint={t("fileHint", { rows: CALL_IMPORT_MAX_ROWS.toLocaleString(locale), size: formatFileSize(CALL_IMPORT_MAX_BYTES, locale) })} />
        </ClientMessages>
      </Card>
      <section aria-labelledby="import-columns-heading" className="mt-8">
        <h2 id="import-columns-heading" className="mb-3 text-base font-semibold">
          {t("columnsTitle")}
        </h2>
        <div className="overflow-x-auto rounded-xl border border-border bg-surface">
          <table className="w-full text-start text-sm">
            <caption className="sr-only">{t("columnsCaption")}</caption>
            <thead className="border-b border-border bg-surface-muted text-13 text-fg-muted">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("column")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("meaning")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {importColumns.map((column) => (
                <tr key={column}>
                  <th scope="row" className="px-3 py-2 align-top font-normal">
                    <code className="font-mono text-13" dir="ltr">
                      {column}
                    </code>
                    <span className="block text-xs text-fg-muted">{requiredImportColumns.includes(column) ? t("required") : t("optional")}</span>
                  </th>
                  <td className="px-3 py-2 align-top">{t(`columns.${column}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h3 className="mt-6 mb-2 text-sm font-semibold">{t("exampleTitle")}</h3>
        <pre dir="ltr" className="overflow-x-auto rounded-lg border border-border bg-surface-muted p-3 font-mono text-13">{example}</pre>
      </section>
    </Page>
  );
}
