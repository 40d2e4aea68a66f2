import { sql } from "drizzle-orm";
import { type AnyPgColumn, bigint, boolean, check, date, index, integer, pgTable, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
// Relative, not "@/": drizzle-kit loads the schema without the project's path aliases.
import { agentKinds, agentRequestStatuses, assignmentRoles, callDirections, callQualities, callRequestStatuses, callStatuses } from "../../lib/constants";
import { customerAccounts } from "./accounts";
import { storedFiles } from "./files";
import { users } from "./users";

/** Someone (or something) that takes calls for customers: a person on the team or an AI agent. */
export const agents = pgTable(
  "agents",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    kind: text({ enum: agentKinds }).notNull(),
    // Language codes ("en", "de") and free-text specialties, shown as tags.
    languages: text().array().notNull().default(sql`'{}'::text[]`),
    specialties: text().array().notNull().default(sql`'{}'::text[]`),
    bio: text().notNull().default(""),
    avatarFileId: uuid().references(() => storedFiles.id, { onDelete: "set null" }),
    // An inactive agent takes no new assignments; past calls keep their agent.
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // The staff list and the pickers: by name.
  (table) => [index("agents_name_idx").on(sql`lower(${table.name})`)],
);

/** An agent working for an account from one day to another (open-ended while `endsOn` is null). */
export const agentAssignments = pgTable(
  "agent_assignments",
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid()
      .notNull()
      .references(() => customerAccounts.id, { onDelete: "cascade" }),
    agentId: uuid()
      .notNull()
      .references(() => agents.id, { onDelete: "cascade" }),
    role: text({ enum: assignmentRoles }).notNull(),
    startsOn: date().notNull(),
    endsOn: date(),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // An account's agents (the customer's agents page, the staff user page).
    index("agent_assignments_account_idx").on(table.accountId, table.startsOn),
    // Which accounts an agent serves (the staff agent page).
    index("agent_assignments_agent_idx").on(table.agentId),
    check("agent_assignments_dates", sql`${table.endsOn} is null or ${table.endsOn} >= ${table.startsOn}`),
  ],
);

/** A customer asking for an agent (a first one or a change), decided once by staff. */
export const agentRequests = pgTable(
  "agent_requests",
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid()
      .notNull()
      .references(() => customerAccounts.id, { onDelete: "cascade" }),
    requestedById: uuid().references(() => users.id, { onDelete: "set null" }),
    // The agent asked for, if any; staff may assign another.
    agentId: uuid().references(() => agents.id, { onDelete: "set null" }),
    // A change: the assignment the new agent takes over, ended when the request is approved.
    replacesAssignmentId: uuid().references((): AnyPgColumn => agentAssignments.id, { onDelete: "set null" }),
    language: text(),
    specialty: text(),
    notes: text().notNull().default(""),
    status: text({ enum: agentRequestStatuses }).notNull().default("pending"),
    declineReason: text(),
    // The assignment an approval made.
    assignmentId: uuid().references(() => agentAssignments.id, { onDelete: "set null" }),
    decidedById: uuid().references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // The customer's requests, newest first.
    index("agent_requests_account_idx").on(table.accountId, table.createdAt.desc()),
    // The staff queue: pending ones, oldest first.
    index("agent_requests_status_idx").on(table.status, table.createdAt),
  ],
);

/** An outbound call the customer asked for; the call platform claims it once and reports the call. */
export const callRequests = pgTable(
  "call_requests",
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid()
      .notNull()
      .references(() => customerAccounts.id, { onDelete: "cascade" }),
    requestedById: uuid().references(() => users.id, { onDelete: "set null" }),
    toNumber: text().notNull(),
    agentId: uuid().references(() => agents.id, { onDelete: "set null" }),
    // When to call; null is as soon as possible.
    scheduledFor: timestamp({ withTimezone: true }),
    notes: text().notNull().default(""),
    status: text({ enum: callRequestStatuses }).notNull().default("pending"),
    claimedAt: timestamp({ withTimezone: true }),
    completedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // The customer's requests, newest first.
    index("call_requests_account_idx").on(table.accountId, table.createdAt.desc()),
    // What the platform may claim: pending and due.
    index("call_requests_status_due_idx").on(table.status, table.scheduledFor),
  ],
);

/**
 * A finished call as the call platform reported it (or staff imported it). The history filters and
 * sorts within one account, so every list index starts with the account and ends with the id, the
 * keyset's tie-breaker.
 */
export const calls = pgTable(
  "calls",
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid()
      .notNull()
      .references(() => customerAccounts.id, { onDelete: "cascade" }),
    agentId: uuid().references(() => agents.id, { onDelete: "set null" }),
    direction: text({ enum: callDirections }).notNull(),
    status: text({ enum: callStatuses }).notNull(),
    fromNumber: text().notNull(),
    toNumber: text().notNull(),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    durationSeconds: integer().notNull(),
    recordingFileId: uuid().references(() => storedFiles.id, { onDelete: "set null" }),
    transcript: text(),
    summary: text(),
    satisfaction: integer(),
    cost: integer().notNull().default(0),
    currency: text().notNull(),
    // The platform's own id: a report sent twice is the same call. Null for imported calls without one.
    platformCallId: text(),
    callRequestId: uuid().references(() => callRequests.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("calls_platform_call_unique").on(table.platformCallId),
    // Newest first, date ranges, and deep pages by cursor.
    index("calls_account_started_idx").on(table.accountId, table.startedAt, table.id),
    // Each filter alone, in time order: status, direction, agent.
    index("calls_account_status_started_idx").on(table.accountId, table.status, table.startedAt, table.id),
    index("calls_account_direction_started_idx").on(table.accountId, table.direction, table.startedAt, table.id),
    index("calls_account_agent_started_idx").on(table.accountId, table.agentId, table.startedAt, table.id),
    // Sorting by duration, and by satisfaction with unrated calls lowest.
    index("calls_account_duration_idx").on(table.accountId, table.durationSeconds, table.id),
    index("calls_account_satisfaction_idx").on(table.accountId, sql`coalesce(${table.satisfaction}, 0)`, table.id),
    // Search by number or summary: `ILIKE '%…%'` served by trigrams.
    index("calls_search_trgm_idx").using("gin", sql`(${table.fromNumber} || ' ' || ${table.toNumber} || ' ' || coalesce(${table.summary}, '')) gin_trgm_ops`),
    // Staff's table across customers, newest first.
    index("calls_started_idx").on(table.startedAt, table.id),
    // The call a request became.
    index("calls_call_request_idx").on(table.callRequestId),
    check("calls_satisfaction_range", sql`${table.satisfaction} is null or ${table.satisfaction} between 1 and 5`),
    check("calls_amounts", sql`${table.durationSeconds} >= 0 and ${table.cost} >= 0`),
  ],
);

/**
 * What the statistics add up, hourly and in total: each call is counted once in each. Sums of
 * seconds and scores are 64-bit: an account's all-time totals would pass 2^31 seconds in time.
 */
const callMetrics = {
  calls: integer().notNull().default(0),
  completed: integer().notNull().default(0),
  totalSeconds: bigint({ mode: "number" }).notNull().default(0),
  completedSeconds: bigint({ mode: "number" }).notNull().default(0),
  // Each call's minutes rounded up, as usage is billed.
  billedMinutes: bigint({ mode: "number" }).notNull().default(0),
  ratedCalls: integer().notNull().default(0),
  satisfactionSum: bigint({ mode: "number" }).notNull().default(0),
};

/**
 * Per account, agent and hour, kept in the same transaction as each call written: what the per-day
 * chart, this month and usage sum up. An hour, not a day, so days and months in any whole-hour
 * timezone add up exactly.
 */
export const callHourlyStats = pgTable(
  "call_hourly_stats",
  {
    accountId: uuid()
      .notNull()
      .references(() => customerAccounts.id, { onDelete: "cascade" }),
    // Restrict: deleting an agent must not take its calls out of the statistics (deactivate it instead).
    agentId: uuid().references(() => agents.id, { onDelete: "restrict" }),
    hour: timestamp({ withTimezone: true }).notNull(),
    ...callMetrics,
  },
  // One row per account, agent (or none) and hour; also the statistics' range scan by account and hour.
  (table) => [unique("call_hourly_stats_unique").on(table.accountId, table.hour, table.agentId).nullsNotDistinct()],
);

/**
 * Per account and agent: all-time totals, kept with the hourly rows, so an account's totals and its
 * agents' performance are a handful of rows to read however many calls and hours it has.
 */
export const callTotals = pgTable(
  "call_totals",
  {
    accountId: uuid()
      .notNull()
      .references(() => customerAccounts.id, { onDelete: "cascade" }),
    agentId: uuid().references(() => agents.id, { onDelete: "restrict" }),
    ...callMetrics,
  },
  (table) => [unique("call_totals_unique").on(table.accountId, table.agentId).nullsNotDistinct()],
);

/** How the call platform handles an account's calls; the customer sets them in Settings. */
export const callPreferences = pgTable("call_preferences", {
  accountId: uuid()
    .primaryKey()
    .references(() => customerAccounts.id, { onDelete: "cascade" }),
  // Without consent no call is recorded and ingestion refuses recordings.
  recordingConsent: boolean().notNull().default(false),
  autoRecord: boolean().notNull().default(false),
  aiAssistance: boolean().notNull().default(true),
  callQuality: text({ enum: callQualities }).notNull().default("high"),
  noiseCancellation: boolean().notNull().default(true),
  autoAnswer: boolean().notNull().default(false),
  updatedById: uuid().references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** A bearer key of the call platform: only its SHA-256 is kept; the key is shown once. */
export const platformApiKeys = pgTable(
  "platform_api_keys",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    // The key's first characters, so staff can tell keys apart.
    prefix: text().notNull(),
    keyHash: text().notNull(),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    revokedById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("platform_api_keys_hash_unique").on(table.keyHash)],
);

export type Agent = typeof agents.$inferSelect;
export type CallMetrics = Omit<typeof callTotals.$inferSelect, "accountId" | "agentId">;
export type AgentAssignment = typeof agentAssignments.$inferSelect;
export type AgentRequest = typeof agentRequests.$inferSelect;
export type CallRequest = typeof callRequests.$inferSelect;
export type Call = typeof calls.$inferSelect;
export type CallPreferences = typeof callPreferences.$inferSelect;
export type PlatformApiKey = typeof platformApiKeys.$inferSelect;
