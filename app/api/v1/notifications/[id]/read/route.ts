import { getNotification } from "@/db/queries/notifications";
import { notificationEndpoints } from "@/lib/api/endpoints/notifications";
import { ApiError } from "@/lib/api/errors";
import { notificationJson, notificationReader } from "@/lib/api/notifications";
import { apiRoute, assertUuid } from "@/lib/api/route";
import { readNotification } from "@/lib/notifications/service";

export const POST = apiRoute(notificationEndpoints.read, async ({ caller, params }) => {
  const id = assertUuid(params.id, "notification");
  const { status } = await readNotification(caller.user, id);
  const row = status === "ok" ? await getNotification(caller.user.id, id) : null;
  if (!row) throw new ApiError(404, "not_found", "There is no such notification.");
  return { body: notificationJson(row, await notificationReader(caller.user)) };
});
