import { getTranslations } from "next-intl/server";
import { AreaNotFound, notFoundMetadata } from "@/components/area-not-found";

export const generateMetadata = notFoundMetadata;

/** Only admins reach it: for anyone else the admin layout's 404 is the site's own. */
export default async function AdminNotFound() {
  return <AreaNotFound href="/admin/users" backLabel={(await getTranslations("admin"))("notFoundBack")} />;
}
