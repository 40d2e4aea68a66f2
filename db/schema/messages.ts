import { boolean, index, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
// Relative, not "@/": drizzle-kit loads the schema without the project's path aliases.
import { threadStatuses } from "../../lib/constants";
import { customerAccounts } from "./accounts";
import { storedFiles } from "./files";
import { projects } from "./projects";
import { users } from "./users";

export { threadStatuses };

/**
 * A conversation between a customer account and the team, optionally about one of its projects.
 * The last-message times per side are kept here so inbox, sent view and unread counts need no scan.
 */
export const messageThreads = pgTable(
  "message_threads",
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid()
      .notNull()
      .references(() => customerAccounts.id, { onDelete: "cascade" }),
    projectId: uuid().references(() => projects.id, { onDelete: "set null" }),
    subject: text().notNull(),
    status: text({ enum: threadStatuses }).notNull().default("open"),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    lastMessageAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastStaffMessageAt: timestamp({ withTimezone: true }),
    lastCustomerMessageAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // The customer's thread list, newest activity first, paged by (last_message_at, id).
    index("message_threads_account_last_idx").on(table.accountId, table.lastMessageAt.desc(), table.id.desc()),
    // The staff inbox across customers, newest activity first.
    index("message_threads_last_idx").on(table.lastMessageAt.desc(), table.id.desc()),
    index("message_threads_project_idx").on(table.projectId),
  ],
);

export const messages = pgTable(
  "messages",
  {
    id: uuid().primaryKey().defaultRandom(),
    threadId: uuid()
      .notNull()
      .references(() => messageThreads.id, { onDelete: "cascade" }),
    authorId: uuid().references(() => users.id, { onDelete: "set null" }),
    // Which side wrote it, kept even if the author's user is deleted later.
    fromStaff: boolean().notNull(),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("messages_thread_created_idx").on(table.threadId, table.createdAt, table.id)],
);

export const messageAttachments = pgTable(
  "message_attachments",
  {
    messageId: uuid()
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    fileId: uuid()
      .notNull()
      .references(() => storedFiles.id, { onDelete: "cascade" }),
    position: smallint().notNull(),
  },
  (table) => [primaryKey({ columns: [table.messageId, table.fileId] }), uniqueIndex("message_attachments_file_unique").on(table.fileId)],
);

/** When each user last read a thread; a thread is unread for them if the other side wrote since. */
export const messageThreadReads = pgTable(
  "message_thread_reads",
  {
    threadId: uuid()
      .notNull()
      .references(() => messageThreads.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    readAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.threadId] })],
);

export type MessageThread = typeof messageThreads.$inferSelect;
export type Message = typeof messages.$inferSelect;
