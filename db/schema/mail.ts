import { index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const emailStatuses = ["logged", "sent", "failed"] as const;
export const emailStatus = pgEnum("email_status", emailStatuses);

/** Every message the mail layer handles, whether or not SMTP is configured. */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid().primaryKey().defaultRandom(),
    toAddress: text().notNull(),
    template: text().notNull(),
    subject: text().notNull(),
    textBody: text().notNull(),
    htmlBody: text().notNull(),
    status: emailStatus().notNull(),
    error: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (table) => [index("email_outbox_created_at_idx").on(table.createdAt)],
);

export type EmailStatus = (typeof emailStatuses)[number];
