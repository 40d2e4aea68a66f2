import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
// Relative, not "@/": drizzle-kit loads the schema without the project's path aliases.
import { budgetRanges, contactPreferences, projectRequestStatuses, projectStatuses, taskStates } from "../../lib/constants";
import { customerAccounts } from "./accounts";
import { storedFiles } from "./files";
import { users } from "./users";

export { projectStatuses, taskStates, projectRequestStatuses, budgetRanges, contactPreferences };

/** Work the team does for a customer account; every member of the account sees it. */
export const projects = pgTable(
  "projects",
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid()
      .notNull()
      .references(() => customerAccounts.id, { onDelete: "cascade" }),
    name: text().notNull(),
    description: text().notNull().default(""),
    status: text({ enum: projectStatuses }).notNull().default("planned"),
    // Set by staff (0–100) to override the share of tasks done; null means derived from the tasks.
    progressOverride: smallint(),
    // Calendar days, not instants: a due date is the same day in every time zone.
    startDate: date(),
    dueDate: date(),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // The customer's list filters by status within their account.
    index("projects_account_status_idx").on(table.accountId, table.status),
    // The staff table's default order (recently changed first) and its status filter.
    index("projects_updated_idx").on(table.updatedAt.desc(), table.id.desc()),
    index("projects_status_updated_idx").on(table.status, table.updatedAt.desc()),
    check("projects_progress_range", sql`${table.progressOverride} between 0 and 100`),
  ],
);

/** A project's tasks in the order staff arranged them (`position`, ascending). */
export const projectTasks = pgTable(
  "project_tasks",
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    title: text().notNull(),
    state: text({ enum: taskStates }).notNull().default("todo"),
    position: integer().notNull(),
    completedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("project_tasks_project_position_idx").on(table.projectId, table.position)],
);

export const projectMilestones = pgTable(
  "project_milestones",
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    title: text().notNull(),
    dueDate: date().notNull(),
    completedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("project_milestones_project_due_idx").on(table.projectId, table.dueDate)],
);

/** The project's timeline, written by staff; shown newest first. */
export const projectUpdates = pgTable(
  "project_updates",
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    authorId: uuid().references(() => users.id, { onDelete: "set null" }),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("project_updates_project_created_idx").on(table.projectId, table.createdAt.desc())],
);

/** A document the team delivers; the bytes are a stored file of purpose "deliverable". */
export const projectDeliverables = pgTable(
  "project_deliverables",
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    fileId: uuid()
      .notNull()
      .references(() => storedFiles.id, { onDelete: "cascade" }),
    title: text().notNull(),
    uploadedById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("project_deliverables_project_idx").on(table.projectId, table.createdAt.desc()), uniqueIndex("project_deliverables_file_unique").on(table.fileId)],
);

/** The customer's feedback once a project is completed: one per project, editable. */
export const projectRatings = pgTable(
  "project_ratings",
  {
    projectId: uuid()
      .primaryKey()
      .references(() => projects.id, { onDelete: "cascade" }),
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    rating: smallint().notNull(),
    comment: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check("project_ratings_rating_range", sql`${table.rating} between 1 and 5`)],
);

/** The questionnaire a customer sends when they want new work; staff convert it into a project or decline it. */
export const projectRequests = pgTable(
  "project_requests",
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid()
      .notNull()
      .references(() => customerAccounts.id, { onDelete: "cascade" }),
    submittedById: uuid().references(() => users.id, { onDelete: "set null" }),
    title: text().notNull(),
    goals: text().notNull(),
    scope: text().notNull().default(""),
    budgetRange: text({ enum: budgetRanges }).notNull(),
    desiredDeadline: date(),
    contactPreference: text({ enum: contactPreferences }).notNull(),
    status: text({ enum: projectRequestStatuses }).notNull().default("submitted"),
    declineReason: text(),
    // The project it became; kept so both sides can follow the link.
    projectId: uuid().references(() => projects.id, { onDelete: "set null" }),
    reviewedById: uuid().references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("project_requests_account_created_idx").on(table.accountId, table.createdAt.desc()),
    // Staff review the waiting ones first.
    index("project_requests_status_created_idx").on(table.status, table.createdAt.desc()),
    uniqueIndex("project_requests_project_unique").on(table.projectId),
  ],
);

export const projectRequestAttachments = pgTable(
  "project_request_attachments",
  {
    requestId: uuid()
      .notNull()
      .references(() => projectRequests.id, { onDelete: "cascade" }),
    fileId: uuid()
      .notNull()
      .references(() => storedFiles.id, { onDelete: "cascade" }),
  },
  (table) => [primaryKey({ columns: [table.requestId, table.fileId] }), uniqueIndex("project_request_attachments_file_unique").on(table.fileId)],
);

/**
 * A user's private calendar feed: the URL carries a random token, we keep only its hash. One per
 * user; regenerating replaces it, revoking deletes it.
 */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    userId: uuid()
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }),
  },
  (table) => [uniqueIndex("calendar_feeds_token_hash_unique").on(table.tokenHash)],
);

export type Project = typeof projects.$inferSelect;
export type ProjectTask = typeof projectTasks.$inferSelect;
export type ProjectMilestone = typeof projectMilestones.$inferSelect;
export type ProjectRequest = typeof projectRequests.$inferSelect;
