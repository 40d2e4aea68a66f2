import { FileQuestion } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { ButtonLink } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("errors"))("notFoundTitle") };
}

export default async function DashboardNotFound() {
  const t = await getTranslations("errors");
  return (
    <div className="mx-auto w-full max-w-6xl">
      <EmptyState icon={FileQuestion} headingLevel="h1" title={t("notFoundTitle")} description={t("notFoundText")}>
        <ButtonLink href="/dashboard" prefetch={false}>
          {t("backToOverview")}
        </ButtonLink>
      </EmptyState>
    </div>
  );
}
