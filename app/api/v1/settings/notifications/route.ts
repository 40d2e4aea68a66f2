import { getNotificationPreferences } from "@/db/queries/notifications";
import { settingsEndpoints } from "@/lib/api/endpoints/settings";
import { apiRoute } from "@/lib/api/route";
import { updateNotificationPreferences } from "@/lib/notifications/service";

export const PATCH = apiRoute(settingsEndpoints.updateNotifications, async ({ caller, body }) => {
  await updateNotificationPreferences(caller.user, body);
  return { body: await getNotificationPreferences(caller.user.id) };
});
