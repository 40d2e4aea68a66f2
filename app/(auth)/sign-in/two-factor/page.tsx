import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TWO_FACTOR_CHALLENGE_COOKIE } from "@/lib/auth/two-factor-challenge";
import { getSessionUser, homePathFor } from "@/lib/session";
import { safeCallbackPath } from "@/lib/validations/auth";
import { TwoFactorSignInForm } from "./two-factor-sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.twoFactor"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function TwoFactorSignInPage({ searchParams }: { searchParams: SearchParams }) {
  const { callbackUrl } = await searchParams;
  const callbackPath = safeCallbackPath(typeof callbackUrl === "string" ? callbackUrl : null, null);
  const user = await getSessionUser();
  if (user) redirect(callbackPath ?? homePathFor(user));
  // Without the password step's challenge there is nothing to complete here.
  if (!(await cookies()).has(TWO_FACTOR_CHALLENGE_COOKIE)) redirect("/sign-in?reason=two-factor-expired");
  const t = await getTranslations("auth.twoFactor");
  return (
    <>
      <h1 className="text-xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mt-1 text-sm text-fg-muted">{t("subtitle")}</p>
      <TwoFactorSignInForm callbackUrl={callbackPath ?? ""} />
      <p className="mt-6 text-center text-sm text-fg-muted">
        <Link href="/sign-in" className="font-medium text-primary underline-offset-2 hover:underline">
          {t("startOver")}
        </Link>
      </p>
    </>
  );
}
