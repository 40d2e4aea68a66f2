import { getTranslations } from "next-intl/server";

/** Shown at once while a page of the signed-in areas renders: its heading and a card, as shapes. */
export async function PageLoading({ width = "wide" }: { width?: "wide" | "narrow" }) {
  const t = await getTranslations("shell");
  return (
    <div role="status" aria-live="polite" className="mx-auto w-full max-w-6xl">
      <div className={width === "narrow" ? "max-w-3xl" : undefined}>
        <span className="sr-only">{t("loading")}</span>
        <div aria-hidden className="mb-6 space-y-2">
          <div className="h-7 w-48 animate-pulse rounded-md bg-surface-muted" />
          <div className="h-4 w-72 max-w-full animate-pulse rounded-md bg-surface-muted" />
        </div>
        <div aria-hidden className="h-56 animate-pulse rounded-xl border border-border bg-surface" />
      </div>
    </div>
  );
}

// The loading.tsx of each leaf page re-exports one of these. Leaf pages only: a loading boundary
// above a page that can 404 would start the response, fixing its status at 200.
export const WidePageLoading = () => <PageLoading />;
export const NarrowPageLoading = () => <PageLoading width="narrow" />;
