import { countUnreadNotifications, listNotifications } from "@/db/queries/notifications";
import { notificationEndpoints } from "@/lib/api/endpoints/notifications";
import { ApiError } from "@/lib/api/errors";
import { notificationJson, notificationReader } from "@/lib/api/notifications";
import { apiRoute } from "@/lib/api/route";
import { decodeNotificationCursor, encodeNotificationCursor } from "@/lib/notifications/cursor";

export const GET = apiRoute(notificationEndpoints.list, async ({ caller, query }) => {
  const cursor = decodeNotificationCursor(query.cursor);
  // The page starts over on a bad cursor; a program looping over pages must hear about it instead.
  if (query.cursor && !cursor) throw new ApiError(400, "bad_request", "The cursor is not one this list gave out.", { cursor: "Pass back a `nextCursor` unchanged." });
  const [page, unreadCount, describe] = await Promise.all([
    listNotifications(caller.user.id, { order: query.order, cursor, limit: query.limit }),
    countUnreadNotifications(caller.user.id),
    notificationReader(caller.user),
  ]);
  return { body: { data: page.rows.map((row) => notificationJson(row, describe)), nextCursor: page.next ? encodeNotificationCursor(page.next) : null, unreadCount } };
});
