import { getTranslations } from "next-intl/server";
import { AreaNotFound, notFoundMetadata } from "@/components/area-not-found";

export const generateMetadata = notFoundMetadata;

export default async function DashboardNotFound() {
  return <AreaNotFound href="/dashboard" backLabel={(await getTranslations("errors"))("backToOverview")} />;
}
