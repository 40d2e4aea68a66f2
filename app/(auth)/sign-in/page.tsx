import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getSessionUser, homePathFor } from "@/lib/session";
import { safeCallbackPath } from "@/lib/validations/auth";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.signIn"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const { callbackUrl, reason } = await searchParams;
  const callbackPath = safeCallbackPath(typeof callbackUrl === "string" ? callbackUrl : null, null);
  const user = await getSessionUser();
  if (user) redirect(callbackPath ?? homePathFor(user));
  const t = await getTranslations("auth.signIn");
  return (
    <>
      <h1 className="text-xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mt-1 text-sm text-fg-muted">{t("subtitle")}</p>
      {reason === "session-ended" ? (
        <p role="status" className="mt-4 rounded-md bg-warning-soft px-3 py-2 text-sm text-warning">
          {t("sessionEnded")}
        </p>
      ) : null}
      {reason === "two-factor-expired" ? (
        <p role="status" className="mt-4 rounded-md bg-warning-soft px-3 py-2 text-sm text-warning">
          {t("twoFactorExpired")}
        </p>
      ) : null}
      {reason === "signed-out" ? (
        <p role="status" className="mt-4 rounded-md bg-success-soft px-3 py-2 text-sm text-success">
          {t("signedOut")}
        </p>
      ) : null}
      {reason === "password-changed" ? (
        <p role="status" className="mt-4 rounded-md bg-success-soft px-3 py-2 text-sm text-success">
          {t("passwordChanged")}
        </p>
      ) : null}
      <SignInForm callbackUrl={callbackPath ?? ""} />
      <p className="mt-6 text-center text-sm text-fg-muted">
        {t("noAccount")}{" "}
        <Link href="/sign-up" className="font-medium text-primary underline-offset-2 hover:underline">
          {t("signUpLink")}
        </Link>
      </p>
    </>
  );
}
