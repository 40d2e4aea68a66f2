import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { isAuthTokenUsable } from "@/db/queries/tokens";
import { hashToken } from "@/lib/tokens";
import { ResetPasswordForm } from "./reset-password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.resetPassword"))("title") };
}

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const t = await getTranslations("auth.resetPassword");
  const usable = typeof token === "string" && token.length <= 200 && (await isAuthTokenUsable("password_reset", hashToken(token)));
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {usable ? (
        <ResetPasswordForm token={token} />
      ) : (
        <div className="mt-4 space-y-4">
          <p role="alert" data-testid="form-message" className="rounded-md bg-danger-soft px-3 py-2 text-sm text-danger">
            {t("invalidToken")}
          </p>
          <Link href="/forgot-password" className="text-sm text-primary underline-offset-2 hover:underline">
            {t("requestNew")}
          </Link>
        </div>
      )}
    </>
  );
}
