import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { confirmEmailChangeAction } from "./actions";
import { ConfirmTokenForm } from "../confirm-token-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.verifyEmailChange"))("title") };
}

export default async function VerifyEmailChangePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  return <ConfirmTokenForm token={typeof token === "string" ? token : ""} action={confirmEmailChangeAction} namespace="auth.verifyEmailChange" continueLabel={(await getTranslations("auth.verifyEmailChange"))("continue")} continueHref="/dashboard/profile" />;
}
