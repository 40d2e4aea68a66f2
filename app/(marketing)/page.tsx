import { CalendarCheck, CreditCard, FolderKanban, MessagesSquare, PhoneCall, ShieldCheck } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { Logo } from "@/components/logo";
import { getSessionUser } from "@/lib/session";

const features = [
  { key: "projects", icon: FolderKanban },
  { key: "messages", icon: MessagesSquare },
  { key: "invoices", icon: CreditCard },
  { key: "calls", icon: PhoneCall },
  { key: "calendar", icon: CalendarCheck },
  { key: "security", icon: ShieldCheck },
] as const;

export default async function LandingPage() {
  const [t, user] = await Promise.all([getTranslations("landing"), getSessionUser()]);
  return (
    <div className="min-h-dvh">
      <header className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-5">
        <Logo />
        <nav aria-label={t("navLabel")} className="flex items-center gap-2">
          {user ? (
            <ButtonLink href="/dashboard">{t("openDashboard")}</ButtonLink>
          ) : (
            <>
              <ButtonLink href="/sign-in" variant="ghost">
                {t("signIn")}
              </ButtonLink>
              <ButtonLink href="/sign-up">{t("signUp")}</ButtonLink>
            </>
          )}
        </nav>
      </header>
      <main>
        <section className="mx-auto max-w-6xl px-4 py-16 text-center sm:py-24">
          <h1 className="mx-auto max-w-3xl text-4xl font-bold tracking-tight sm:text-5xl">{t("headline")}</h1>
          <p className="mx-auto mt-5 max-w-2xl text-lg text-fg-muted">{t("lead")}</p>
          <div className="mt-8 flex flex-wrap justify-center gap-3">
            <ButtonLink href="/sign-up">{t("getStarted")}</ButtonLink>
            <ButtonLink href="/sign-in" variant="secondary">
              {t("signIn")}
            </ButtonLink>
          </div>
        </section>
        <section aria-labelledby="features-heading" className="mx-auto max-w-6xl px-4 pb-20">
          <h2 id="features-heading" className="sr-only">
            {t("featuresHeading")}
          </h2>
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {features.map(({ key, icon: Icon }) => (
              <li key={key} className="rounded-lg border border-border bg-surface p-5">
                <Icon aria-hidden className="size-6 text-primary" />
                <h3 className="mt-3 font-semibold">{t(`features.${key}.title`)}</h3>
                <p className="mt-1 text-sm text-fg-muted">{t(`features.${key}.text`)}</p>
              </li>
            ))}
          </ul>
        </section>
      </main>
      <footer className="border-t border-border py-6 text-center text-sm text-fg-muted">{t("footer")}</footer>
    </div>
  );
}
