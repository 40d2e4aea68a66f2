import { CheckCircle2, ClipboardList, CreditCard, MessageSquarePlus, Circle, Sparkles, UserPlus } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, CardHeader } from "@/components/ui/card";
import type { SessionUser } from "@/db/queries/sessions";
import { linkClass } from "./widget-card";

const firstSteps = [
  { key: "plan", href: "/dashboard/billing", icon: CreditCard },
  { key: "project", href: "/dashboard/projects/requests/new", icon: ClipboardList },
  { key: "agent", href: "/dashboard/agents/request", icon: UserPlus },
  { key: "message", href: "/dashboard/messages/new", icon: MessageSquarePlus },
] as const;

/** A new account has nothing to sum up yet: say what the overview will show and where to start. */
export async function FirstUse() {
  const t = await getTranslations("overview");
  return (
    <Card aria-labelledby="first-use-heading" className="mb-6">
      <CardHeader id="first-use-heading" title={t("firstUse.title")} description={t("firstUse.text")} />
      <ol className="mt-4 grid gap-3 sm:grid-cols-2">
        {firstSteps.map(({ key, href, icon: Icon }) => (
          <li key={key} className="flex items-start gap-3 rounded-lg border border-border p-3">
            <Icon aria-hidden className="mt-0.5 size-5 shrink-0 text-primary" />
            <div className="min-w-0">
              <Link href={href} prefetch={false} className="font-medium text-primary underline-offset-2 hover:underline">
                {t(`firstUse.steps.${key}.title`)}
              </Link>
              <p className="text-13 text-fg-muted">{t(`firstUse.steps.${key}.text`)}</p>
            </div>
          </li>
        ))}
      </ol>
      <p className="mt-4 flex items-center gap-2 text-13 text-fg-muted">
        <Sparkles aria-hidden className="size-4" />
        {t("firstUse.later")}
      </p>
    </Card>
  );
}

/** Setting up the user's own account, until every step is done. */
export async function GettingStarted({ user }: { user: SessionUser }) {
  const t = await getTranslations("overview");
  const steps = [
    { key: "verifyEmail", done: true, href: null, values: { email: user.email } },
    { key: "timeZone", done: Boolean(user.preferencesSavedAt), href: "/dashboard/settings", values: { zone: user.timeZone.replace(/_/g, " ") } },
    { key: "security", done: Boolean(user.securityReviewedAt), href: "/dashboard/security", values: {} },
  ] as const;
  const done = steps.filter((step) => step.done).length;
  if (done === steps.length) return null;
  return (
    <Card aria-labelledby="getting-started-heading" className="mb-6">
      <CardHeader id="getting-started-heading" title={t("gettingStarted")} description={t("progress", { done, total: steps.length })} />
      <ol className="mt-4 divide-y divide-border">
        {steps.map((step) => (
          <li key={step.key} className="flex items-start gap-3 py-3">
            {step.done ? <CheckCircle2 aria-hidden className="mt-0.5 size-5 shrink-0 text-success" /> : <Circle aria-hidden className="mt-0.5 size-5 shrink-0 text-fg-muted" />}
            <div className="min-w-0 flex-1">
              <p className="font-medium">
                {t(`steps.${step.key}.title`)}
                <span className="sr-only"> ({t(step.done ? "stepDone" : "stepOpen")})</span>
              </p>
              <p className="text-13 text-fg-muted">{t(`steps.${step.key}.text`, step.values)}</p>
            </div>
            {step.href && !step.done ? (
              <Link href={step.href} prefetch={false} className={`shrink-0 ${linkClass}`}>
                {t(`steps.${step.key}.action`)}
              </Link>
            ) : null}
          </li>
        ))}
      </ol>
    </Card>
  );
}
