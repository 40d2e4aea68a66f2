import { getTranslations } from "next-intl/server";
import { notFoundMetadata } from "@/components/area-not-found";
import { ButtonLink } from "@/components/ui/button";

export const generateMetadata = notFoundMetadata;

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-4 text-center">
      <p className="text-13 font-semibold text-primary">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">{t("notFoundTitle")}</h1>
      <p className="mt-2 max-w-md text-fg-muted">{t("notFoundText")}</p>
      <ButtonLink href="/" className="mt-6">
        {t("home")}
      </ButtonLink>
    </main>
  );
}
