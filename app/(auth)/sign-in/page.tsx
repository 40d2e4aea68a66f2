import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getSessionUser } from "@/lib/session";
import { safeCallbackPath } from "@/lib/validations/auth";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.signIn"))("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const callbackPath = safeCallbackPath(callbackUrl);
  if (await getSessionUser()) redirect(callbackPath);
  const t = await getTranslations("auth.signIn");
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-sm text-fg-muted">{t("subtitle")}</p>
      <SignInForm callbackUrl={callbackPath} />
      <p className="mt-6 text-center text-sm text-fg-muted">
        {t("noAccount")}{" "}
        <Link href="/sign-up" className="font-medium text-primary underline-offset-2 hover:underline">
          {t("signUpLink")}
        </Link>
      </p>
    </>
  );
}
