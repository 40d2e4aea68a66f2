import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { Page } from "@/components/page";
import { navIcon } from "@/lib/navigation";

/** An area whose data does not exist yet for this account: says so plainly, shows nothing invented. */
export async function AreaEmptyState({ area }: { area: "billing" | "calls" | "agents" | "notifications" }) {
  const [t, nav] = await Promise.all([getTranslations(`areas.${area}`), getTranslations("nav")]);
  return (
    <Page title={nav(area)} description={t("description")}>
      <EmptyState icon={navIcon(area)!} title={t("emptyTitle")} description={t("emptyText")} />
    </Page>
  );
}
