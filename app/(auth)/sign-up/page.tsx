import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getSessionUser } from "@/lib/session";
import { SignUpForm } from "./sign-up-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.signUp"))("title") };
}

export default async function SignUpPage() {
  if (await getSessionUser()) redirect("/dashboard");
  const t = await getTranslations("auth.signUp");
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-sm text-fg-muted">{t("subtitle")}</p>
      <SignUpForm />
      <p className="mt-6 text-center text-sm text-fg-muted">
        {t("haveAccount")}{" "}
        <Link href="/sign-in" className="font-medium text-primary underline-offset-2 hover:underline">
          {t("signInLink")}
        </Link>
      </p>
    </>
  );
}
