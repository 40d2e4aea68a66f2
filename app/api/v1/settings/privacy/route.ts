import { settingsEndpoints } from "@/lib/api/endpoints/settings";
import { apiRoute } from "@/lib/api/route";
import { getPrivacy, updatePrivacy } from "@/lib/settings/service";
import { requestInfoFrom } from "@/lib/request-info";

export const PATCH = apiRoute(settingsEndpoints.updatePrivacy, async ({ caller, request, body }) => {
  await updatePrivacy(caller.user, body, requestInfoFrom(request.headers));
  return { body: await getPrivacy(caller.user) };
});
