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
  "admin.email_retried",
  "admin.job_retried",
  "admin.two_factor_reset",
  "auth.two_factor_failed",
  "auth.two_factor_enabled",
  "auth.two_factor_disabled",
  "auth.recovery_code_used",
  "auth.recovery_codes_regenerated",
  "user.profile_updated",
  "user.email_change_requested",
  "user.email_changed",
  "user.avatar_changed",
  "user.avatar_removed",
  "admin.project_created",
  "admin.project_updated",
  "admin.project_status_changed",
  "admin.project_task_created",
  "admin.project_task_updated",
  "admin.project_task_moved",
  "admin.project_task_deleted",
  "admin.project_milestone_created",
  "admin.project_milestone_updated",
  "admin.project_milestone_deleted",
  "admin.project_update_posted",
  "admin.project_deliverable_added",
  "admin.project_deliverable_removed",
  "admin.project_request_reviewed",
  "admin.project_request_declined",
  "admin.project_request_converted",
  "admin.message_sent",
  "admin.thread_started",
  "admin.thread_closed",
  "admin.thread_reopened",
  "user.project_request_submitted",
  "user.project_rated",
  "user.calendar_feed_created",
  "user.calendar_feed_revoked",
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
    userAgent: text(),
    metadata: jsonb().$type<Record<string, string | number | boolean | null>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("audit_log_created_at_idx").on(table.createdAt),
    index("audit_log_target_user_idx").on(table.targetUserId, table.createdAt),
    // The staff audit page filters by who acted and by what was done, newest first.
    index("audit_log_actor_idx").on(table.actorId, table.createdAt),
    index("audit_log_action_idx").on(table.action, table.createdAt),
  ],
);

export type AuditAction = (typeof auditActions)[number];
export type AuditEntry = typeof auditLog.$inferSelect;
