import { CheckCircle2, ChevronRight, Circle, Settings, ShieldCheck, UserRound } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Page } from "@/components/page";
import { Card, CardHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("overview") };
}

const shortcuts = [
  { href: "/dashboard/profile", key: "profile", icon: UserRound },
  { href: "/dashboard/settings", key: "settings", icon: Settings },
  { href: "/dashboard/security", key: "security", icon: ShieldCheck },
] as const;

/** Until the feature widgets arrive, the overview helps a new customer finish setting up. */
export default async function OverviewPage() {
  const user = await requireUser();
  const t = await getTranslations("overview");
  const steps = [
    { key: "verifyEmail", done: true, href: null, values: { email: user.email } },
    { key: "timeZone", done: Boolean(user.preferencesSavedAt), href: "/dashboard/settings", values: { zone: user.timeZone.replace(/_/g, " ") } },
    { key: "security", done: Boolean(user.securityReviewedAt), href: "/dashboard/security", values: {} },
  ] as const;
  const done = steps.filter((step) => step.done).length;
  return (
    <Page title={t("greeting", { name: user.name.split(" ")[0] ?? user.name })} description={t("subtitle")}>
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2" aria-labelledby="getting-started-heading">
          <CardHeader id="getting-started-heading" title={t("gettingStarted")} description={t("progress", { done, total: steps.length })} />
          <ol className="mt-4 divide-y divide-border">
            {steps.map((step) => (
              <li key={step.key} className="flex items-start gap-3 py-3">
                {step.done ? (
                  <CheckCircle2 aria-hidden className="mt-0.5 size-5 shrink-0 text-success" />
                ) : (
                  <Circle aria-hidden className="mt-0.5 size-5 shrink-0 text-fg-muted" />
                )}
                <div className="min-w-0 flex-1">
                  <p className="font-medium">
                    {t(`steps.${step.key}.title`)}
                    <span className="sr-only"> ({t(step.done ? "stepDone" : "stepOpen")})</span>
                  </p>
                  <p className="text-13 text-fg-muted">{t(`steps.${step.key}.text`, step.values)}</p>
                </div>
                {step.href && !step.done ? (
                  <Link href={step.href} prefetch={false} className="shrink-0 text-sm font-medium text-primary underline-offset-2 hover:underline">
                    {t(`steps.${step.key}.action`)}
                  </Link>
                ) : null}
              </li>
            ))}
          </ol>
        </Card>
        <Card aria-labelledby="shortcuts-heading">
          <CardHeader id="shortcuts-heading" title={t("shortcuts")} />
          <ul className="mt-3 space-y-1">
            {shortcuts.map(({ href, key, icon: Icon }) => (
              <li key={key}>
                <Link href={href} prefetch={false} className="-mx-2 flex items-center gap-3 rounded-md px-2 py-2 hover:bg-surface-muted">
                  <Icon aria-hidden className="size-4 text-fg-muted" />
                  <span className="flex-1">
                    <span className="block font-medium">{t(`shortcutLinks.${key}.title`)}</span>
                    <span className="block text-13 text-fg-muted">{t(`shortcutLinks.${key}.text`)}</span>
                  </span>
                  <ChevronRight aria-hidden className="size-4 text-fg-muted" />
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </Page>
  );
}
