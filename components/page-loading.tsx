import { useTranslations } from "next-intl";

export function PageLoading() {
  const t = useTranslations("shell");
  return (
    <div role="status" aria-live="polite" className="space-y-4">
      <span className="sr-only">{t("loading")}</span>
      <div className="h-8 w-48 animate-pulse rounded bg-surface-muted" />
      <div className="h-40 animate-pulse rounded-lg bg-surface-muted" />
    </div>
  );
}
