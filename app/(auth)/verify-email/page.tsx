import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { verifyEmailAction } from "../actions";
import { ConfirmTokenForm } from "../confirm-token-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.verifyEmail"))("title") };
}

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  return <ConfirmTokenForm token={typeof token === "string" ? token : ""} action={verifyEmailAction} namespace="auth.verifyEmail" continueLabel={(await getTranslations("auth.verifyEmail"))("signIn")} continueHref="/sign-in" />;
}
