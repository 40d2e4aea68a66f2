import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { customerAccounts } from "./accounts";
import { users } from "./users";

// What a stored file is for decides who may download it and whether it may be shown inline.
// "upload" is a file uploaded for a form not sent yet: only its uploader sees it until it is claimed.
export const storedFilePurposes = ["avatar", "upload", "deliverable", "message_attachment", "request_attachment", "call_recording", "agent_avatar"] as const;

/** A file in lib/storage; `storageKey` is the name we generated there, never the uploader's. */
export const storedFiles = pgTable(
  "stored_files",
  {
    id: uuid().primaryKey().defaultRandom(),
    storageKey: text().notNull(),
    purpose: text({ enum: storedFilePurposes }).notNull(),
    // Detected from the content, never taken from the upload's name or header.
    contentType: text().notNull(),
    sizeBytes: integer().notNull(),
    // The name offered on download (sanitised); what the user called the file, or one we chose.
    fileName: text().notNull(),
    ownerUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    accountId: uuid().references(() => customerAccounts.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("stored_files_storage_key_unique").on(table.storageKey),
    index("stored_files_owner_idx").on(table.ownerUserId),
    index("stored_files_account_idx").on(table.accountId),
    // Pending uploads per user (a cap) and the stale ones the daily clean-up removes.
    index("stored_files_purpose_created_idx").on(table.purpose, table.createdAt),
  ],
);

export type StoredFile = typeof storedFiles.$inferSelect;
export type StoredFilePurpose = (typeof storedFilePurposes)[number];
