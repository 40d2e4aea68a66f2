import { CalendarCheck, CreditCard, FolderKanban, MessagesSquare, PhoneCall, ShieldCheck } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { Logo } from "@/components/logo";
import { getSessionUser, homePathFor } from "@/lib/session";

const features = [
  { key: "projects", icon: FolderKanban },
  { key: "messages", icon: MessagesSquare },
  { key: "invoices", icon: CreditCard },
  { key: "calls", icon: PhoneCall },
  { key: "calendar", icon: CalendarCheck },
  { key: "security", icon: ShieldCheck },
] as const;

export default async function LandingPage() {
  const [t, tDocs, user] = await Promise.all([getTranslations("landing"), getTranslations("apiDocs"), getSessionUser()]);
  return (
    <div className="min-h-dvh">
      <header className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-4 sm:px-6">
        <Logo />
        <nav aria-label={t("navLabel")} className="flex shrink-0 items-center gap-1.5">
          {user ? (
            <ButtonLink href={homePathFor(user)} size="sm">
              {t("openDashboard")}
            </ButtonLink>
          ) : (
            <>
              <ButtonLink href="/sign-in" variant="ghost" size="sm">
                {t("signIn")}
              </ButtonLink>
              <ButtonLink href="/sign-up" size="sm">
                {t("signUp")}
              </ButtonLink>
            </>
          )}
        </nav>
      </header>
      <main>
        <section className="mx-auto max-w-6xl px-4 pb-16 pt-14 text-center sm:px-6 sm:pb-24 sm:pt-24">
          <h1 className="mx-auto max-w-3xl text-4xl font-semibold tracking-tight text-balance sm:text-5xl">{t("headline")}</h1>
          <p className="mx-auto mt-5 max-w-2xl text-base text-fg-muted text-pretty">{t("lead")}</p>
          <div className="mt-8 flex flex-wrap justify-center gap-3">
            {user ? (
              <ButtonLink href={homePathFor(user)} prefetch={false}>
                {t("openDashboard")}
              </ButtonLink>
            ) : (
              <>
                <ButtonLink href="/sign-up">{t("getStarted")}</ButtonLink>
                <ButtonLink href="/sign-in" variant="secondary">
                  {t("signIn")}
                </ButtonLink>
              </>
            )}
          </div>
        </section>
        <section aria-labelledby="features-heading" className="mx-auto max-w-6xl px-4 pb-20 sm:px-6">
          <h2 id="features-heading" className="sr-only">
            {t("featuresHeading")}
          </h2>
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {features.map(({ key, icon: Icon }) => (
              <li key={key} className="rounded-xl border border-border bg-surface p-5 shadow-card">
                <span className="grid size-9 place-items-center rounded-lg bg-primary-soft">
                  <Icon aria-hidden className="size-5 text-primary" />
                </span>
                <h3 className="mt-4 font-semibold">{t(`features.${key}.title`)}</h3>
                <p className="mt-1 text-fg-muted">{t(`features.${key}.text`)}</p>
              </li>
            ))}
          </ul>
        </section>
      </main>
      <footer className="flex flex-wrap justify-center gap-x-4 gap-y-1 border-t border-border py-6 text-13 text-fg-muted">
        <span>{t("footer")}</span>
        <Link href="/docs/api" prefetch={false} className="underline underline-offset-2 hover:text-fg">
          {tDocs("footerLink")}
        </Link>
      </footer>
    </div>
  );
}
