import "server-only";
import type { NotificationRow } from "@/db/queries/notifications";
import type { ApiTokenUser } from "@/db/queries/api-tokens";
import { createDateFormatter } from "@/lib/i18n/date-format";
import { describeNotification, notificationTranslator } from "@/lib/notifications/text";

type Describe = (row: NotificationRow) => { title: string; body: string };

/** Titles and texts as the notifications page writes them for this user: their language, zone and date format. */
export async function notificationReader(user: ApiTokenUser): Promise<Describe> {
  const t = await notificationTranslator(user.locale);
  const dates = createDateFormatter(user);
  return (row) => describeNotification(t, row, dates);
}

export function notificationJson(row: NotificationRow, describe: Describe) {
  return {
    id: row.id,
    category: row.category,
    type: row.type,
    ...describe(row),
    params: row.params,
    link: row.link,
    read: row.readAt !== null,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
