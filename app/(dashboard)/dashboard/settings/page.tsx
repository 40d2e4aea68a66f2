import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, CardHeader } from "@/components/ui/card";
import { dateFormats, timeFormats } from "@/lib/constants";
import { createDateFormatter } from "@/lib/i18n/date-format";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { requireUser } from "@/lib/session";
import { timeZoneOptions } from "@/lib/time-zones";
import { PreferencesForm } from "./preferences-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("settings") };
}

// The time the time-format examples show: an afternoon, so 12- and 24-hour clocks differ.
const EXAMPLE_TIME = new Date(Date.UTC(2026, 0, 1, 15, 30));

export default async function SettingsPage() {
  const user = await requireUser();
  const [t, locale] = await Promise.all([getTranslations("settings"), getLocale()]);
  // Examples are rendered here, once, so the server and the browser agree on "today".
  const now = new Date();
  const base = { locale: user.locale, timeZone: user.timeZone, dateFormat: user.dateFormat, timeFormat: user.timeFormat };
  const examples = {
    date: Object.fromEntries(dateFormats.map((dateFormat) => [dateFormat, createDateFormatter({ ...base, dateFormat }).date(now)])),
    time: Object.fromEntries(timeFormats.map((timeFormat) => [timeFormat, createDateFormatter({ ...base, timeZone: "UTC", timeFormat }).time(EXAMPLE_TIME)])),
  } as { date: Record<(typeof dateFormats)[number], string>; time: Record<(typeof timeFormats)[number], string> };
  return (
    <>
      <p className="mb-6 text-fg-muted">{t("description")}</p>
      <Card aria-labelledby="preferences-heading">
        <CardHeader id="preferences-heading" title={t("preferences")} description={t("preferencesHelp")} />
        <ClientMessages namespaces={["settings"]}>
          <PreferencesForm
            settings={{
              theme: user.theme,
              locale: user.locale,
              timeZone: user.timeZone,
              dateFormat: user.dateFormat,
              timeFormat: user.timeFormat,
              dashboardDensity: user.dashboardDensity,
            }}
            timeZones={timeZoneOptions(locale)}
            examples={examples}
          />
        </ClientMessages>
      </Card>
    </>
  );
}
