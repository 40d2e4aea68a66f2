import { Download } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import type { SessionUser } from "@/db/queries/sessions";

/** A copy of everything held about the user (GDPR art. 15/20): a plain download of /api/export. */
export async function DataExportCard({ user }: { user: SessionUser }) {
  const t = await getTranslations("dataExport");
  const withAccount = user.accountId !== null;
  return (
    <Card aria-labelledby="data-export-heading">
      <CardHeader id="data-export-heading" title={t("title")} description={t("description")} />
      <div className="mt-4 space-y-3 text-sm">
        <p>{withAccount ? (user.accountRole === "owner" ? t("holdsOwner") : t("holdsMember")) : t("holdsPersonal")}</p>
        <ul className="list-disc space-y-1 ps-5 text-fg-muted">
          <li>{t("formatJson")}</li>
          <li>{t("formatCsv")}</li>
          <li>{t("formatFiles")}</li>
          <li>{t("formatManifest")}</li>
        </ul>
        <p className="text-fg-muted">{t("never")}</p>
      </div>
      <div className="mt-5 flex flex-wrap items-center gap-3">
        <a href="/api/export" download className={buttonClass("primary")}>
          <Download aria-hidden className="size-4" />
          {t("download")}
        </a>
        <p className="text-13 text-fg-muted">{t("note")}</p>
      </div>
    </Card>
  );
}
