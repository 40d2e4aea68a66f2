import { getNotificationPreferences } from "@/db/queries/notifications";
import { settingsEndpoints } from "@/lib/api/endpoints/settings";
import { apiRoute } from "@/lib/api/route";
import { getPrivacy } from "@/lib/settings/service";
import { smsProviderConfigured } from "@/lib/sms";

export const GET = apiRoute(settingsEndpoints.get, async ({ caller }) => {
  const { user } = caller;
  const [notifications, privacy] = await Promise.all([getNotificationPreferences(user.id), getPrivacy(user)]);
  return {
    body: {
      preferences: { theme: user.theme, locale: user.locale, timeZone: user.timeZone, dateFormat: user.dateFormat, timeFormat: user.timeFormat, dashboardDensity: user.dashboardDensity },
      notifications,
      privacy,
      smsAvailable: smsProviderConfigured(),
    },
  };
});
