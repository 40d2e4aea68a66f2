import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { isAuthTokenUsable } from "@/db/queries/tokens";
import { FormMessage } from "@/components/ui/form-message";
import { hashToken } from "@/lib/tokens";
import { AuthHeading } from "../auth-heading";
import { ResetPasswordForm } from "./reset-password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.resetPassword"))("title") };
}

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const t = await getTranslations("auth.resetPassword");
  const usable = typeof token === "string" && token.length <= 200 && (await isAuthTokenUsable("password_reset", hashToken(token)));
  if (usable) return <ResetPasswordForm token={token} />;
  return (
    <>
      <AuthHeading title={t("linkExpiredTitle")} />
      <div className="mt-4">
        <FormMessage state={{ ok: false, message: t("invalidToken"), link: { href: "/forgot-password", label: t("requestNew") } }} />
      </div>
    </>
  );
}
