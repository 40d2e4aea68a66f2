import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Logo } from "@/components/logo";
import { appUrl } from "@/lib/env";
import { ApiReference } from "./api-reference";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("apiDocs");
  return { title: t("title"), description: t("lead") };
}

const code = "block overflow-x-auto rounded-lg border border-border bg-surface-muted px-3 py-2 font-mono text-13";

/** The public API reference: how to start (translated), then the endpoints rendered from the OpenAPI document (English). */
export default async function ApiDocsPage() {
  const t = await getTranslations("apiDocs");
  const base = `${appUrl()}/api/v1`;
  const securityLink = (chunks: React.ReactNode) => (
    <Link href="/dashboard/security" prefetch={false} className="font-medium text-primary underline underline-offset-2">
      {chunks}
    </Link>
  );
  return (
    <div className="min-h-dvh">
      <header className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-4 sm:px-6">
        <Logo />
      </header>
      <main className="mx-auto max-w-6xl px-4 pb-16 sm:px-6">
        <h1 className="mt-6 text-3xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-3 max-w-3xl text-fg-muted text-pretty">{t("lead")}</p>
        <section aria-labelledby="api-start" className="mt-8 grid gap-6 rounded-xl border border-border bg-surface p-5 shadow-card lg:grid-cols-2">
          <h2 id="api-start" className="sr-only">
            {t("startHeading")}
          </h2>
          <div className="min-w-0">
            <h3 className="font-semibold">{t("tokenHeading")}</h3>
            <p className="mt-1 text-fg-muted">{t.rich("tokenText", { link: securityLink })}</p>
            <h3 className="mt-5 font-semibold">{t("baseHeading")}</h3>
            <p className="mt-1 text-fg-muted">{t("baseText")}</p>
            <code className={`${code} mt-2`}>{base}</code>
            <p className="mt-3 text-fg-muted">
              {t.rich("documentText", {
                link: (chunks) => (
                  <a href="/api/v1/openapi.json" className="font-medium text-primary underline underline-offset-2">
                    {chunks}
                  </a>
                ),
              })}
            </p>
          </div>
          <div className="min-w-0">
            <h3 className="font-semibold">{t("exampleHeading")}</h3>
            <p className="mt-1 text-fg-muted">{t("exampleText")}</p>
            <pre className={`${code} mt-2 whitespace-pre`}>{`curl -H "Authorization: Bearer $TOKEN" \\\n  ${base}/token`}</pre>
            <p className="mt-3 text-fg-muted">{t("rulesText")}</p>
          </div>
        </section>
        <section aria-labelledby="api-endpoints" className="mt-10">
          <h2 id="api-endpoints" className="text-xl font-semibold">
            {t("endpointsHeading")}
          </h2>
          <p className="mt-1 text-fg-muted">{t("endpointsNote")}</p>
          <div className="mt-4 min-w-0 rounded-xl border border-border bg-surface px-3 py-4 sm:px-5">
            <ApiReference loading={t("loading")} />
          </div>
        </section>
      </main>
      <footer className="border-t border-border py-6 text-center text-13 text-fg-muted">
        <Link href="/" prefetch={false} className="underline underline-offset-2">
          {t("home")}
        </Link>
      </footer>
    </div>
  );
}
