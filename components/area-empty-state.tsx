import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { dashboardNav } from "@/lib/navigation";

/** An area whose data does not exist yet for this account: says so plainly, shows nothing invented. */
export async function AreaEmptyState({ area }: { area: "projects" | "messages" | "invoices" | "billing" | "calls" | "agents" | "notifications" }) {
  const [t, nav] = await Promise.all([getTranslations(`areas.${area}`), getTranslations("nav")]);
  const icon = dashboardNav.find((item) => item.key === area)!.icon;
  return (
    <>
      <PageHeader title={nav(area)} description={t("description")} />
      <EmptyState icon={icon} title={t("emptyTitle")} description={t("emptyText")} />
    </>
  );
}
