import { FileQuestion } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { ButtonLink } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("errors"))("notFoundTitle") };
}

/** Only admins reach it: for anyone else the admin layout's 404 is the site's own. */
export default async function AdminNotFound() {
  const [t, admin] = await Promise.all([getTranslations("errors"), getTranslations("admin")]);
  return (
    <div className="mx-auto w-full max-w-6xl">
      <EmptyState icon={FileQuestion} headingLevel="h1" title={t("notFoundTitle")} description={t("notFoundText")}>
        <ButtonLink href="/admin/users" prefetch={false}>
          {admin("notFoundBack")}
        </ButtonLink>
      </EmptyState>
    </div>
  );
}
