"use client";

import { localeDirection } from "@/lib/i18n/config";
import { globalErrorMessages } from "@/lib/i18n/global-error-messages";
import "./globals.css";

// Replaces the root layout when it fails, so it cannot rely on the i18n provider: it picks the
// language from the page (set by the server) or else the browser.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const language = typeof document !== "undefined" ? document.documentElement.lang || navigator.language : "en";
  const locale = language.startsWith("de") ? "de" : language.startsWith("ur") ? "ur" : "en";
  const t = globalErrorMessages[locale];
  return (
    <html lang={locale} dir={localeDirection(locale)} data-theme="auto">
      <body className="flex min-h-dvh flex-col items-center justify-center bg-bg px-4 text-center font-sans text-fg">
        <h1 className="text-2xl font-semibold">{t.errorTitle}</h1>
        <p className="mt-2 max-w-md text-fg-muted">{t.errorText}</p>
        {error.digest ? <p className="mt-2 text-xs text-fg-muted">{t.reference.replace("{digest}", error.digest)}</p> : null}
        <button type="button" onClick={reset} className="mt-6 rounded-md bg-primary px-4 py-2 text-sm font-medium text-primary-fg">
          {t.retry}
        </button>
      </body>
    </html>
  );
}
