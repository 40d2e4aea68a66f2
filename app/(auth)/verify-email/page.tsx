import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { VerifyEmailForm } from "./verify-email-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.verifyEmail"))("title") };
}

// Verification waits for a click: mail scanners that open links must not confirm addresses.
export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  return <VerifyEmailForm token={typeof token === "string" ? token : ""} />;
}
