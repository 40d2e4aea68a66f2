import { FileQuestion } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { ButtonLink } from "@/components/ui/button";

export async function notFoundMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("errors"))("notFoundTitle") };
}

/** A 404 inside a signed-in area: its frame stays, and one link leads back to the area's start. */
export async function AreaNotFound({ href, backLabel }: { href: string; backLabel: string }) {
  const t = await getTranslations("errors");
  return (
    <div className="mx-auto w-full max-w-6xl">
      <EmptyState icon={FileQuestion} headingLevel="h1" title={t("notFoundTitle")} description={t("notFoundText")}>
        <ButtonLink href={href}>
          {backLabel}
        </ButtonLink>
      </EmptyState>
    </div>
  );
}
