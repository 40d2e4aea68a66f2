import { z } from "zod";
import { notificationCategories } from "@/lib/constants";
import { defineEndpoint } from "../endpoint";
import { apiErrorSchema } from "../errors";
import { pageQuery } from "../pagination";
import { idParams } from "../route";

export const notificationSchema = z
  .object({
    id: z.uuid(),
    category: z.enum(notificationCategories),
    type: z.string().meta({ description: "What happened, e.g. `invoice.issued`; new types may appear.", example: "invoice.issued" }),
    title: z.string().meta({ description: "In the user's language, with dates in their zone and format." }),
    body: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).meta({ description: "The values the text is built from, by type." }),
    link: z.string().nullable().meta({ description: "The web dashboard's page it leads to (a path).", example: "/dashboard/invoices" }),
    read: z.boolean(),
    readAt: z.iso.datetime({ offset: true }).nullable(),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: "Notification" });

// pageOf's shape, with the unread count the page shows beside the list.
export const notificationPageSchema = z
  .object({
    data: z.array(notificationSchema),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null when there is none." }),
    unreadCount: z.number().int().meta({ description: "The user's unread notifications in all." }),
  })
  .meta({ id: "NotificationPage" });

export const notificationListQuery = pageQuery.extend({
  order: z.enum(["newest", "unread"]).default("newest").meta({ description: "`newest` first, or `unread` ones first (then newest), as on the notifications page." }),
});

export const notificationEndpoints = {
  list: defineEndpoint({
    method: "GET",
    path: "/notifications",
    operationId: "listNotifications",
    tag: "Notifications",
    summary: "The token user's notifications",
    description: "Newest first, or unread first with `order=unread`; a page at a time (pass `nextCursor` back as `cursor` with the same `order`). `unreadCount` is the user's unread notifications in all.",
    scope: "notifications:read",
    query: notificationListQuery,
    responses: {
      200: {
        description: "A page of notifications.",
        schema: notificationPageSchema,
      },
    },
  }),
  read: defineEndpoint({
    method: "POST",
    path: "/notifications/{id}/read",
    operationId: "markNotificationRead",
    tag: "Notifications",
    summary: "Mark one notification read",
    description: "Marking one that is already read changes nothing. Another user's notification is not found (404).",
    scope: "notifications:write",
    params: idParams,
    responses: { 200: { description: "The notification, now read.", schema: notificationSchema }, 404: { description: "There is no such notification of this user.", schema: apiErrorSchema } },
  }),
  readAll: defineEndpoint({
    method: "POST",
    path: "/notifications/read-all",
    operationId: "markAllNotificationsRead",
    tag: "Notifications",
    summary: "Mark every notification read",
    scope: "notifications:write",
    responses: {
      200: { description: "How many were unread and are read now.", schema: z.object({ marked: z.number().int() }).meta({ id: "NotificationsMarked" }) },
    },
  }),
};
