import { notificationEndpoints } from "@/lib/api/endpoints/notifications";
import { apiRoute } from "@/lib/api/route";
import { readAllNotifications } from "@/lib/notifications/service";

export const POST = apiRoute(notificationEndpoints.readAll, async ({ caller }) => {
  const { count } = await readAllNotifications(caller.user);
  return { body: { marked: count } };
});
