import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getSessionUser, homePathFor } from "@/lib/session";
import { SignUpForm } from "./sign-up-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.signUp"))("title") };
}

export default async function SignUpPage() {
  const user = await getSessionUser();
  if (user) redirect(homePathFor(user));
  const t = await getTranslations("auth.signUp");
  return (
    <>
      <SignUpForm />
      <p className="mt-6 text-center text-fg-muted">
        {t("haveAccount")}{" "}
        <Link href="/sign-in" className="font-medium text-primary underline-offset-2 hover:underline">
          {t("signInLink")}
        </Link>
      </p>
    </>
  );
}
