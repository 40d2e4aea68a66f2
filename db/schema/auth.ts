import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/** One row per sign-in; its id rides in the JWT and is checked on every request. */
export const authSessions = pgTable(
  "auth_sessions",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    ip: text(),
    userAgent: text(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (table) => [index("auth_sessions_user_id_idx").on(table.userId)],
);

// "two_factor_challenge": a password was right and the code is still owed; it names the pending sign-in.
export const authTokenKinds = ["email_verification", "password_reset", "email_change", "two_factor_challenge"] as const;
export const authTokenKind = pgEnum("auth_token_kind", authTokenKinds);

/** Single-use tokens sent by email; only their SHA-256 is stored. */
export const authTokens = pgTable(
  "auth_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: authTokenKind().notNull(),
    tokenHash: text().notNull(),
    // The address an email_change token confirms; the change applies only when its link is used.
    newEmail: text(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("auth_tokens_token_hash_unique").on(table.tokenHash),
    index("auth_tokens_user_kind_idx").on(table.userId, table.kind),
  ],
);

/** Fixed-window counters, shared by every server instance through the database. */
export const rateLimits = pgTable("rate_limits", {
  key: text().primaryKey(),
  count: integer().notNull(),
  windowStartedAt: timestamp({ withTimezone: true }).notNull(),
});

/** A user's TOTP secret (sealed); `enabledAt` is null while enrolment awaits its confirmation code. */
export const userTwoFactor = pgTable("user_two_factor", {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secret: text().notNull(),
  enabledAt: timestamp({ withTimezone: true }),
  // The last accepted code's time step: a code is never accepted twice.
  lastUsedStep: integer(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Single-use recovery codes; only their SHA-256 is stored. */
export const twoFactorRecoveryCodes = pgTable(
  "two_factor_recovery_codes",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text().notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("two_factor_recovery_codes_user_code_unique").on(table.userId, table.codeHash)],
);

export type AuthSession = typeof authSessions.$inferSelect;
export type AuthTokenKind = (typeof authTokenKinds)[number];
