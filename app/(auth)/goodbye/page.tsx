import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { AuthHeading } from "../auth-heading";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accountDeletion.goodbye"))("title") };
}

/** Where a deleted account lands, signed out: what happened, and that the email may register again. */
export default async function GoodbyePage() {
  const t = await getTranslations("accountDeletion.goodbye");
  return (
    <>
      <AuthHeading title={t("title")} />
      <div className="mt-4 space-y-3 text-sm" role="status">
        <p>{t("body")}</p>
        <p>{t("closed")}</p>
        <p>{t("kept")}</p>
        <p>{t("again")}</p>
      </div>
      <div className="mt-6 flex flex-col gap-2">
        <Link href="/sign-up" className={buttonClass("primary", "w-full")}>
          {t("signUp")}
        </Link>
        <Link href="/" className={buttonClass("secondary", "w-full")}>
          {t("home")}
        </Link>
      </div>
    </>
  );
}
