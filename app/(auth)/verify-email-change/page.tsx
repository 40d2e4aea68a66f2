import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConfirmEmailChangeForm } from "./confirm-email-change-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.verifyEmailChange"))("title") };
}

// The change waits for a click: a mail scanner opening the link must not move the account.
export default async function VerifyEmailChangePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  return <ConfirmEmailChangeForm token={typeof token === "string" ? token : ""} />;
}
