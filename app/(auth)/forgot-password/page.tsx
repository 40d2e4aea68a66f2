import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ForgotPasswordForm } from "./forgot-password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.forgotPassword"))("title") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("auth.forgotPassword");
  return (
    <>
      <ForgotPasswordForm />
      <p className="mt-6 text-center">
        <Link href="/sign-in" className="text-primary underline-offset-2 hover:underline">
          {t("backToSignIn")}
        </Link>
      </p>
    </>
  );
}
