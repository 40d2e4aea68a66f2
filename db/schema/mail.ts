import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

// "logged": no SMTP server is configured, so the message was printed to the server log instead.
export const emailStatuses = ["logged", "sent", "failed", "queued"] as const;
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
    // The delivery job's id, and how many times it has tried; `error` is the last attempt's.
    jobId: uuid(),
    attempts: integer().notNull().default(0),
    error: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (table) => [index("email_outbox_created_at_idx").on(table.createdAt)],
);

export type EmailStatus = (typeof emailStatuses)[number];
