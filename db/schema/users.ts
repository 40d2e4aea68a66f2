import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const userRoles = ["customer", "admin"] as const;
export const userStatuses = ["active", "disabled"] as const;
export const themes = ["light", "dark", "auto"] as const;
export const locales = ["en", "de"] as const;

export const userRole = pgEnum("user_role", userRoles);
export const userStatus = pgEnum("user_status", userStatuses);
export const theme = pgEnum("theme", themes);

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    // Stored lower-cased; uniqueness is on that normal form.
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    role: userRole().notNull().default("customer"),
    status: userStatus().notNull().default("active"),
    emailVerifiedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("users_email_unique").on(table.email),
    index("users_name_idx").on(sql`lower(${table.name})`),
    index("users_created_at_idx").on(table.createdAt),
  ],
);

export const userSettings = pgTable("user_settings", {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  theme: theme().notNull().default("auto"),
  locale: text({ enum: locales }).notNull().default("en"),
  timeZone: text().notNull().default("UTC"),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type User = typeof users.$inferSelect;
export type UserRole = (typeof userRoles)[number];
export type UserStatus = (typeof userStatuses)[number];
export type Theme = (typeof themes)[number];
export type Locale = (typeof locales)[number];
export type UserSettings = typeof userSettings.$inferSelect;
