import { sql } from "drizzle-orm";
import { type AnyPgColumn, boolean, index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
// Relative, not "@/": drizzle-kit loads the schema without the project's path aliases.
import { dashboardDensities, dateFormats, locales, themes, timeFormats, userRoles, userStatuses, type OverviewLayout } from "../../lib/constants";
import { storedFiles } from "./files";

export { locales, themes, userRoles, userStatuses };
export type { Locale, Theme, UserRole, UserStatus } from "@/lib/constants";

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
    // Contact details the user keeps on their profile; all optional.
    phone: text(),
    company: text(),
    jobTitle: text(),
    address: text(),
    avatarFileId: uuid().references((): AnyPgColumn => storedFiles.id, { onDelete: "set null" }),
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
  dateFormat: text({ enum: dateFormats }).notNull().default("locale"),
  timeFormat: text({ enum: timeFormats }).notNull().default("locale"),
  // The overview: how much each widget shows, and which widgets in what order (null: the default).
  dashboardDensity: text({ enum: dashboardDensities }).notNull().default("default"),
  overviewLayout: jsonb().$type<OverviewLayout>(),
  // Privacy: whether staff see the profile's contact details, and whether call data may improve the service.
  profileVisibleToStaff: boolean().notNull().default(true),
  dataSharing: boolean().notNull().default(false),
  // Steps of the overview's getting-started checklist; null until the user has done them.
  preferencesSavedAt: timestamp({ withTimezone: true }),
  securityReviewedAt: timestamp({ withTimezone: true }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type User = typeof users.$inferSelect;
export type UserSettings = typeof userSettings.$inferSelect;
