"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

// Shows no error details: the digest lets support find the server log entry.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <main className="flex min-h-[60dvh] flex-col items-center justify-center px-4 text-center">
      <h1 className="text-2xl font-semibold">{t("errorTitle")}</h1>
      <p className="mt-2 max-w-md text-fg-muted">{t("errorText")}</p>
      {error.digest ? <p className="mt-2 text-xs text-fg-muted">{t("reference", { digest: error.digest })}</p> : null}
      <Button className="mt-6" onClick={reset}>
        {t("retry")}
      </Button>
    </main>
  );
}
