import { Paperclip } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { formatFileSize } from "@/lib/file-size";

/** A request's files as download links through /api/files, which checks who may have them. */
export function RequestAttachments({ files, headingId }: { files: { id: string; fileName: string; sizeBytes: number }[]; headingId: string }) {
  const t = useTranslations("projectRequests.detail");
  const locale = useLocale();
  if (files.length === 0) return <p className="mt-3 text-sm text-fg-muted">{t("noAttachments")}</p>;
  return (
    <ul aria-labelledby={headingId} className="mt-3 space-y-2">
      {files.map((file) => (
        <li key={file.id} className="flex min-h-10 items-center gap-2 rounded-md border border-border px-3 text-sm">
          <Paperclip aria-hidden className="size-4 shrink-0 text-fg-muted" />
          <a href={`/api/files/${file.id}`} download aria-label={t("download", { name: file.fileName })} className="min-w-0 flex-1 truncate font-medium text-primary underline-offset-2 hover:underline">
            {file.fileName}
          </a>
          <span className="shrink-0 text-xs text-fg-muted">{formatFileSize(file.sizeBytes, locale)}</span>
        </li>
      ))}
    </ul>
  );
}
