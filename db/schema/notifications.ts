import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { notificationCategories } from "../../lib/constants";
import { users } from "./users";

export { notificationCategories };
export type { NotificationCategory } from "@/lib/constants";

/**
 * Personal, like sessions: each user has their own. The text is rendered from `type` and `params`
 * in the reader's language when shown, so it follows a later change of language.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    category: text({ enum: notificationCategories }).notNull(),
    type: text().notNull(),
    params: jsonb().$type<Record<string, string | number>>().notNull().default({}),
    link: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
  },
  (table) => [
    // The newest-first list pages by (created_at, id).
    index("notifications_user_created_idx").on(table.userId, table.createdAt.desc(), table.id.desc()),
    // The header's unread count, read on every signed-in page.
    index("notifications_user_unread_idx").on(table.userId).where(sql`${table.readAt} is null`),
  ],
);

/**
 * One row per category the user has changed; a missing row means the default: in-app and email on,
 * except marketing, which is off until the user opts in. SMS is off until chosen.
 */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    category: text({ enum: notificationCategories }).notNull(),
    inApp: boolean().notNull().default(true),
    email: boolean().notNull().default(true),
    sms: boolean().notNull().default(false),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.category] })],
);
