import { settingsEndpoints } from "@/lib/api/endpoints/settings";
import { apiRoute } from "@/lib/api/route";
import { updatePreferences } from "@/lib/settings/service";

export const PATCH = apiRoute(settingsEndpoints.updatePreferences, async ({ caller, body }) => {
  await updatePreferences(caller.user, body);
  return { body };
});
