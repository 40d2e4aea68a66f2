import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

export const auditActions = [
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.sign_up",
  "auth.email_verified",
  "auth.password_reset_requested",
  "auth.password_reset",
  "auth.session_revoked",
  "admin.session_revoked",
  "admin.sessions_revoked",
  "admin.user_disabled",
  "admin.user_enabled",
  "admin.role_changed",
] as const;

export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid().primaryKey().defaultRandom(),
    action: text({ enum: auditActions }).notNull(),
    // Kept when users are deleted: the log outlives the accounts it speaks of.
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    targetUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    ip: text(),
    metadata: jsonb().$type<Record<string, string | number | boolean | null>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("audit_log_created_at_idx").on(table.createdAt),
    index("audit_log_target_user_idx").on(table.targetUserId, table.createdAt),
  ],
);

export type AuditAction = (typeof auditActions)[number];
export type AuditEntry = typeof auditLog.$inferSelect;
