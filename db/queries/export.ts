import "server-only";
import { and, asc, Column, count, eq, inArray, is, isNull, or, sql, type AnyColumn, type SQL, type SQLWrapper } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import type { Sql } from "postgres";
import { getDb, isEmbeddedDb, type Database } from "@/db";
import {
  activityEvents,
  agentAssignments,
  agentRequests,
  agents,
  apiTokens,
  auditLog,
  authSessions,
  calendarFeeds,
  callPreferences,
  callRequests,
  calls,
  customerAccountMembers,
  customerAccounts,
  demoCheckoutSessions,
  emailOutbox,
  invoiceItems,
  invoices,
  messageAttachments,
  messageThreadReads,
  messageThreads,
  messages,
  notificationPreferences,
  notifications,
  payments,
  plans,
  projectDeliverables,
  projectMilestones,
  projectRatings,
  projectRequestAttachments,
  projectRequests,
  projects,
  projectTasks,
  projectUpdates,
  storedFiles,
  subscriptions,
  twoFactorRecoveryCodes,
  usageAlerts,
  userSettings,
  users,
  userTwoFactor,
  webhookEndpoints,
} from "@/db/schema";
import type { AccountMemberRole } from "@/lib/constants";
import { wasSent } from "./invoices";
import { cursorTime } from "./search";

/**
 * Whose data an export holds: the user's own rows, and the rows of their customer account. Every
 * reader filters by these ids, taken from the session, never from the request.
 */
export type ExportSubject = { userId: string; accountId: string | null; accountRole: AccountMemberRole | null };

export type ExportRow = Record<string, unknown>;

/**
 * Reads a section: batches of rows, in a stable order, never the whole table at once. A reader over
 * a large table also has `copy`: the same rows as PostgreSQL text, one JSON object per row (see
 * `copyRows`), so that the export never holds them as row objects.
 */
export type ExportReader = { columns: readonly string[]; batches: (subject: ExportSubject, db?: Database) => AsyncGenerator<ExportRow[]>; copy?: ExportCopy };

/**
 * The query behind `copyRows`: a select of one text column per row, its `row_to_json` with the same
 * keys and values as JSON.stringify of the reader's rows (instants as ISO 8601 UTC with milliseconds),
 * except that `jsonb` values keep PostgreSQL's spacing: `reparse` says a row needs JSON.parse and
 * JSON.stringify to be byte for byte the same. Null when the subject has nothing to read.
 */
export type ExportCopy = { reparse: boolean; query: (subject: ExportSubject) => string | null };

/** Rows per statement for the readers that page: the export holds at most this many in memory. */
export const EXPORT_BATCH = 1000;

type Selection = Record<string, unknown>;
/** The columns of a selection, or of one built for a user (the `…_by_you` flags compare with their id). */
const keysOf = (selection: Selection | ((userId: string) => Selection)) => Object.keys(typeof selection === "function" ? selection("") : selection);

/** A reader over one statement, for what stays small (a profile, an account's invoices). */
function whole(selection: Selection | ((userId: string) => Selection), read: (subject: ExportSubject, db: Database) => Promise<ExportRow[]> | null): ExportReader {
  return {
    columns: keysOf(selection),
    async *batches(subject, db = getDb()) {
      const rows = await read(subject, db);
      if (rows && rows.length > 0) yield rows;
    },
  };
}

type Keyset = { at: string; id: string };
type PagedQuery = (PromiseLike<ExportRow[]> & SQLWrapper) | null;

const quoteName = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A selected value as the batch path's JSON.stringify writes it, in SQL over the subquery `t`. */
function jsonValue(key: string, value: unknown): string {
  const name = `t.${quoteName(key)}`;
  if (is(value, Column)) {
    // Date#toJSON: UTC, milliseconds (truncated, as a Date built from microseconds is).
    if (value.columnType === "PgTimestamp") return `to_char(${name} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    if (value.columnType === "PgNumeric") return `${name}::text`;
  }
  return name;
}

/**
 * A reader that pages by keyset over (time, id) ascending, `EXPORT_BATCH` rows a statement, so a
 * million calls never sit in memory. `read` gets the position to continue after and must order by it;
 * without a position and a limit it is the whole section, which `copy` hands to PostgreSQL.
 */
function paged(selection: Selection | ((userId: string) => Selection), time: AnyColumn, id: AnyColumn, read: (subject: ExportSubject, after: SQL | undefined, db: Database, limit: number) => PagedQuery): ExportReader {
  const columns = keysOf(selection);
  const shape = typeof selection === "function" ? selection("") : selection;
  const reparse = Object.values(shape).some((value) => is(value, Column) && (value.columnType === "PgJsonb" || value.columnType === "PgJson"));
  return {
    columns,
    async *batches(subject, db = getDb()) {
      let after: Keyset | null = null;
      for (;;) {
        const position: SQL | undefined = after ? sql`(${time}, ${id}) > (${after.at}::timestamptz, ${after.id}::uuid)` : undefined;
        const rows = await read(subject, position, db, EXPORT_BATCH);
        if (!rows || rows.length === 0) return;
        const last = rows.at(-1)!;
        after = { at: String(last.cursor_at), id: String(last.cursor_id) };
        yield rows.map(({ cursor_at: _at, cursor_id: _id, ...row }) => row);
        if (rows.length < EXPORT_BATCH) return;
      }
    },
    copy: {
      reparse,
      query(subject) {
        // COPY takes no parameters: the ids are inlined, escaped by drizzle (and they are uuids).
        const whole = read(subject, undefined, getDb(), Number.MAX_SAFE_INTEGER);
        if (!whole) return null;
        const inner = copyDialect.sqlToQuery(whole.getSQL().inlineParams()).sql;
        // The subquery's columns by position (drizzle does not alias them): the reader's keys, then the cursor.
        const values = columns.map((key) => `${jsonValue(key, shape[key])} as ${quoteName(key)}`).join(", ");
        return `select row_to_json(f)::text from (select ${values} from (${inner}) as t(${[...columns, "cursor_at", "cursor_id"].map(quoteName).join(", ")})) as f`;
      },
    },
  };
}

const copyDialect = new PgDialect({ casing: "snake_case" });

/** PGlite has no COPY TO STDOUT stream: there the export reads batches. */
export const canCopyRows = () => !isEmbeddedDb();

// COPY's binary format: a signature, flags and an extension's length, then per row a 16-bit field
// count and per field a 32-bit length and the bytes; a field count of -1 ends it.
const COPY_HEADER = 19;

/**
 * The rows of an `ExportCopy` query straight from PostgreSQL: `COPY … TO STDOUT (FORMAT binary)`, so
 * each row's JSON text arrives verbatim (no escaping to undo) and is handed on as a view of the
 * socket's Buffer. No row objects are made; the stream's backpressure reaches the connection.
 */
export async function* copyRows(sqlText: string): AsyncGenerator<Buffer> {
  const client = (getDb() as unknown as { $client: Sql }).$client;
  const query = client.unsafe(`copy (${sqlText}) to stdout with (format binary)`);
  const stream = (await query.readable()) as unknown as Readable;
  let pending: Buffer | null = null;
  let started = false;
  let ended = false;
  try {
    // Not destroyed on an early return: the rest of the reply must still be read (below).
    for await (const chunk of stream.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      const data: Buffer = pending ? Buffer.concat([pending, chunk]) : chunk;
      let at = 0;
      if (!started) {
        if (data.byteLength < COPY_HEADER) {
          pending = data;
          continue;
        }
        at = COPY_HEADER + data.readInt32BE(15);
        started = true;
      }
      while (!ended && data.byteLength - at >= 2) {
        const fields = data.readInt16BE(at);
        if (fields === -1) {
          ended = true;
          at += 2;
          break;
        }
        if (data.byteLength - at < 6) break;
        const length = data.readInt32BE(at + 2);
        if (data.byteLength - at < 6 + Math.max(length, 0)) break;
        if (fields !== 1 || length < 0) throw new Error(`Unexpected COPY row: ${fields} fields, length ${length}.`);
        yield data.subarray(at + 6, at + 6 + length);
        at += 6 + length;
      }
      pending = at < data.byteLength ? data.subarray(at) : null;
    }
  } finally {
    // Stopped early (the download went away or a write failed): cancel the COPY on the server and
    // drop what still arrives until it ends, so the connection leaves the COPY before it is reused.
    if (!stream.readableEnded && !stream.destroyed) {
      query.cancel();
      stream.resume();
      await finished(stream).catch(() => {});
    }
    // postgres.js pauses the socket when the stream's buffer is full and resumes it only from the
    // stream's read(), which never runs again once the stream has ended: without this the
    // connection would not read the rest of the reply and would never return to the pool.
    (stream as unknown as { _read: (size: number) => void })._read(0);
  }
  if (!ended) throw new Error("The COPY stream ended before its trailer.");
}

/** For a member who is not the owner, `condition` narrows an account section to what is theirs; the owner gets it all. */
function theirs(s: ExportSubject, condition: () => SQL | undefined): SQL | undefined {
  return s.accountRole === "owner" ? undefined : condition();
}

/** Conversations a member started or wrote in: theirs to take with them, the team's replies included. */
const memberThread = (userId: string) =>
  or(eq(messageThreads.createdById, userId), sql`exists (select 1 from ${messages} where ${messages.threadId} = ${messageThreads.id} and ${messages.authorId} = ${userId})`);

function cursor(time: AnyColumn, id: AnyColumn) {
  return { cursor_at: cursorTime(time), cursor_id: sql<string>`${id}` };
}

// --- personal data -------------------------------------------------------------------------------

const profileColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  status: users.status,
  email_verified_at: users.emailVerifiedAt,
  phone: users.phone,
  company: users.company,
  job_title: users.jobTitle,
  address: users.address,
  avatar_file_id: users.avatarFileId,
  created_at: users.createdAt,
  updated_at: users.updatedAt,
};

const settingsColumns = {
  theme: userSettings.theme,
  locale: userSettings.locale,
  time_zone: userSettings.timeZone,
  date_format: userSettings.dateFormat,
  time_format: userSettings.timeFormat,
  dashboard_density: userSettings.dashboardDensity,
  overview_layout: userSettings.overviewLayout,
  profile_visible_to_staff: userSettings.profileVisibleToStaff,
  data_sharing: userSettings.dataSharing,
  preferences_saved_at: userSettings.preferencesSavedAt,
  security_reviewed_at: userSettings.securityReviewedAt,
  updated_at: userSettings.updatedAt,
};

const notificationPreferenceColumns = {
  category: notificationPreferences.category,
  in_app: notificationPreferences.inApp,
  email: notificationPreferences.email,
  sms: notificationPreferences.sms,
  updated_at: notificationPreferences.updatedAt,
};

const sessionColumns = {
  created_at: authSessions.createdAt,
  last_seen_at: authSessions.lastSeenAt,
  ip: authSessions.ip,
  user_agent: authSessions.userAgent,
  revoked_at: authSessions.revokedAt,
};

const auditColumns = {
  id: auditLog.id,
  action: auditLog.action,
  by_you: sql<boolean>`${auditLog.actorId} is not distinct from ${auditLog.targetUserId}`,
  // Where a staff member acted on the user, the address and browser are the staff member's: not exported.
  ip: sql<string | null>`case when ${auditLog.actorId} is null or ${auditLog.actorId} is not distinct from ${auditLog.targetUserId} or ${auditLog.targetUserId} is null then ${auditLog.ip} end`,
  user_agent: sql<string | null>`case when ${auditLog.actorId} is null or ${auditLog.actorId} is not distinct from ${auditLog.targetUserId} or ${auditLog.targetUserId} is null then ${auditLog.userAgent} end`,
  metadata: auditLog.metadata,
  created_at: auditLog.createdAt,
};

const notificationColumns = {
  id: notifications.id,
  category: notifications.category,
  type: notifications.type,
  params: notifications.params,
  link: notifications.link,
  created_at: notifications.createdAt,
  read_at: notifications.readAt,
};

const twoFactorColumns = { enabled: null, enabled_at: null, enrolled_at: null, unused_recovery_codes: null };

const calendarFeedColumns = { created_at: calendarFeeds.createdAt, last_used_at: calendarFeeds.lastUsedAt };
// Never a webhook's secrets.
const webhookEndpointColumns = {
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  description: webhookEndpoints.description,
  events: sql<string>`array_to_string(${webhookEndpoints.events}, ' ')`,
  enabled: webhookEndpoints.enabled,
  disabled_reason: webhookEndpoints.disabledReason,
  created_at: webhookEndpoints.createdAt,
};

// Never the token's hash: what the Security page lists.
const apiTokenColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  scopes: apiTokens.scopes,
  created_at: apiTokens.createdAt,
  last_used_at: apiTokens.lastUsedAt,
  expires_at: apiTokens.expiresAt,
  revoked_at: apiTokens.revokedAt,
};

const membershipColumns = { account_id: customerAccountMembers.accountId, role: customerAccountMembers.role, created_at: customerAccountMembers.createdAt };

const threadReadColumns = { thread_id: messageThreadReads.threadId, read_at: messageThreadReads.readAt };

const emailColumns = {
  id: emailOutbox.id,
  to_address: emailOutbox.toAddress,
  template: emailOutbox.template,
  subject: emailOutbox.subject,
  text_body: emailOutbox.textBody,
  status: emailOutbox.status,
  created_at: emailOutbox.createdAt,
  sent_at: emailOutbox.sentAt,
};

const checkoutColumns = {
  id: demoCheckoutSessions.id,
  purpose: demoCheckoutSessions.purpose,
  invoice_id: demoCheckoutSessions.invoiceId,
  plan_id: demoCheckoutSessions.planId,
  amount: demoCheckoutSessions.amount,
  currency: demoCheckoutSessions.currency,
  status: demoCheckoutSessions.status,
  expires_at: demoCheckoutSessions.expiresAt,
  completed_at: demoCheckoutSessions.completedAt,
  created_at: demoCheckoutSessions.createdAt,
};

// Files the user can open in the dashboard: their avatar and pending uploads, and the account's
// deliverables, attachments and call recordings.
function exportedFiles(subject: ExportSubject): SQL {
  const own = and(eq(storedFiles.ownerUserId, subject.userId), inArray(storedFiles.purpose, ["avatar", "upload"]));
  if (!subject.accountId) return own!;
  // A member who is not the owner: the files they uploaded themselves, nothing of a colleague's.
  if (subject.accountRole !== "owner") return eq(storedFiles.ownerUserId, subject.userId);
  return or(own, and(eq(storedFiles.accountId, subject.accountId), inArray(storedFiles.purpose, ["deliverable", "message_attachment", "request_attachment", "call_recording"])))!;
}

const fileColumns = {
  id: storedFiles.id,
  purpose: storedFiles.purpose,
  file_name: storedFiles.fileName,
  content_type: storedFiles.contentType,
  size_bytes: storedFiles.sizeBytes,
  created_at: storedFiles.createdAt,
};

export type ExportFile = { id: string; purpose: string; fileName: string; storageKey: string; createdAt: Date };

/** The files of `exportedFiles`, a batch at a time (by id), with the storage key to read their bytes. */
export async function* listExportFiles(subject: ExportSubject, db: Database = getDb()): AsyncGenerator<ExportFile[]> {
  let after: string | null = null;
  for (;;) {
    const rows: ExportFile[] = await db
      .select({ id: storedFiles.id, purpose: storedFiles.purpose, fileName: storedFiles.fileName, storageKey: storedFiles.storageKey, createdAt: storedFiles.createdAt })
      .from(storedFiles)
      .where(and(exportedFiles(subject), after ? sql`${storedFiles.id} > ${after}::uuid` : undefined))
      .orderBy(asc(storedFiles.id))
      .limit(EXPORT_BATCH);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < EXPORT_BATCH) return;
    after = rows.at(-1)!.id;
  }
}

const byYou = (column: AnyColumn, userId: string) => sql<boolean>`coalesce(${column} = ${userId}::uuid, false)`;

// --- the customer account --------------------------------------------------------------------------

const accountColumns = {
  id: customerAccounts.id,
  name: customerAccounts.name,
  billing_email: customerAccounts.billingEmail,
  billing_address: customerAccounts.billingAddress,
  tax_id: customerAccounts.taxId,
  stripe_customer_id: customerAccounts.stripeCustomerId,
  closed_at: customerAccounts.closedAt,
  created_at: customerAccounts.createdAt,
};

const projectColumns = {
  id: projects.id,
  name: projects.name,
  description: projects.description,
  status: projects.status,
  progress_override: projects.progressOverride,
  start_date: projects.startDate,
  due_date: projects.dueDate,
  created_at: projects.createdAt,
  updated_at: projects.updatedAt,
};
const accountProjects = (accountId: string) => sql`(select ${projects.id} from ${projects} where ${projects.accountId} = ${accountId})`;

const taskColumns = { id: projectTasks.id, project_id: projectTasks.projectId, title: projectTasks.title, state: projectTasks.state, position: projectTasks.position, completed_at: projectTasks.completedAt, created_at: projectTasks.createdAt };
const milestoneColumns = { id: projectMilestones.id, project_id: projectMilestones.projectId, title: projectMilestones.title, due_date: projectMilestones.dueDate, completed_at: projectMilestones.completedAt, created_at: projectMilestones.createdAt };
const updateColumns = { id: projectUpdates.id, project_id: projectUpdates.projectId, body: projectUpdates.body, created_at: projectUpdates.createdAt };
const deliverableColumns = { id: projectDeliverables.id, project_id: projectDeliverables.projectId, file_id: projectDeliverables.fileId, title: projectDeliverables.title, created_at: projectDeliverables.createdAt };
const ratingColumns = (userId: string) => ({ project_id: projectRatings.projectId, rated_by_you: byYou(projectRatings.userId, userId), rating: projectRatings.rating, comment: projectRatings.comment, created_at: projectRatings.createdAt, updated_at: projectRatings.updatedAt });

const requestColumns = (userId: string) => ({
  id: projectRequests.id,
  title: projectRequests.title,
  goals: projectRequests.goals,
  scope: projectRequests.scope,
  budget_range: projectRequests.budgetRange,
  desired_deadline: projectRequests.desiredDeadline,
  contact_preference: projectRequests.contactPreference,
  status: projectRequests.status,
  decline_reason: projectRequests.declineReason,
  project_id: projectRequests.projectId,
  submitted_by_you: byYou(projectRequests.submittedById, userId),
  decided_at: projectRequests.decidedAt,
  created_at: projectRequests.createdAt,
});
const requestAttachmentColumns = { request_id: projectRequestAttachments.requestId, file_id: projectRequestAttachments.fileId };

const threadColumns = { id: messageThreads.id, project_id: messageThreads.projectId, subject: messageThreads.subject, status: messageThreads.status, last_message_at: messageThreads.lastMessageAt, created_at: messageThreads.createdAt };
const messageColumns = (userId: string) => ({ id: messages.id, thread_id: messages.threadId, from_staff: messages.fromStaff, written_by_you: byYou(messages.authorId, userId), body: messages.body, created_at: messages.createdAt });
const messageAttachmentColumns = { message_id: messageAttachments.messageId, file_id: messageAttachments.fileId, position: messageAttachments.position };

const subscriptionColumns = {
  id: subscriptions.id,
  plan: plans.name,
  status: subscriptions.status,
  current_period_start: subscriptions.currentPeriodStart,
  current_period_end: subscriptions.currentPeriodEnd,
  cancel_at_period_end: subscriptions.cancelAtPeriodEnd,
  cancel_reason: subscriptions.cancelReason,
  canceled_at: subscriptions.canceledAt,
  stripe_subscription_id: subscriptions.stripeSubscriptionId,
  created_at: subscriptions.createdAt,
};
const usageAlertColumns = { subscription_id: usageAlerts.subscriptionId, period_start: usageAlerts.periodStart, threshold_percent: usageAlerts.threshold, sent_at: usageAlerts.sentAt };

const invoiceColumns = {
  id: invoices.id,
  number: invoices.number,
  kind: invoices.kind,
  status: invoices.status,
  project_id: invoices.projectId,
  subscription_id: invoices.subscriptionId,
  currency: invoices.currency,
  tax_rate_basis_points: invoices.taxRate,
  subtotal: invoices.subtotal,
  tax: invoices.tax,
  total: invoices.total,
  amount_paid: invoices.amountPaid,
  issue_date: invoices.issueDate,
  due_date: invoices.dueDate,
  notes: invoices.notes,
  sent_at: invoices.sentAt,
  paid_at: invoices.paidAt,
  voided_at: invoices.voidedAt,
};
// As the customer's invoice pages: sent ones only; a draft, even one voided unsent, stays the staff's.
const visibleInvoice = (accountId: string) => and(eq(invoices.accountId, accountId), wasSent);
const invoiceItemColumns = { id: invoiceItems.id, invoice_id: invoiceItems.invoiceId, position: invoiceItems.position, description: invoiceItems.description, quantity: invoiceItems.quantity, unit_amount: invoiceItems.unitAmount, amount: invoiceItems.amount };
const paymentColumns = {
  id: payments.id,
  invoice_id: payments.invoiceId,
  amount: payments.amount,
  currency: payments.currency,
  status: payments.status,
  method: payments.method,
  provider: payments.provider,
  card_brand: payments.cardBrand,
  card_last4: payments.cardLast4,
  failure_message: payments.failureMessage,
  occurred_at: payments.occurredAt,
};

const assignmentColumns = { id: agentAssignments.id, agent_id: agentAssignments.agentId, agent: agents.name, role: agentAssignments.role, starts_on: agentAssignments.startsOn, ends_on: agentAssignments.endsOn, created_at: agentAssignments.createdAt };
const agentRequestColumns = (userId: string) => ({
  id: agentRequests.id,
  agent_id: agentRequests.agentId,
  replaces_assignment_id: agentRequests.replacesAssignmentId,
  language: agentRequests.language,
  specialty: agentRequests.specialty,
  notes: agentRequests.notes,
  status: agentRequests.status,
  decline_reason: agentRequests.declineReason,
  assignment_id: agentRequests.assignmentId,
  requested_by_you: byYou(agentRequests.requestedById, userId),
  decided_at: agentRequests.decidedAt,
  created_at: agentRequests.createdAt,
});
const callRequestColumns = (userId: string) => ({
  id: callRequests.id,
  to_number: callRequests.toNumber,
  agent_id: callRequests.agentId,
  scheduled_for: callRequests.scheduledFor,
  notes: callRequests.notes,
  status: callRequests.status,
  requested_by_you: byYou(callRequests.requestedById, userId),
  completed_at: callRequests.completedAt,
  created_at: callRequests.createdAt,
});
const callColumns = {
  id: calls.id,
  started_at: calls.startedAt,
  direction: calls.direction,
  status: calls.status,
  from_number: calls.fromNumber,
  to_number: calls.toNumber,
  agent_id: calls.agentId,
  agent: agents.name,
  duration_seconds: calls.durationSeconds,
  satisfaction: calls.satisfaction,
  cost: calls.cost,
  currency: calls.currency,
  summary: calls.summary,
  transcript: calls.transcript,
  recording_file_id: calls.recordingFileId,
  call_request_id: calls.callRequestId,
  created_at: calls.createdAt,
};
const callPreferenceColumns = {
  recording_consent: callPreferences.recordingConsent,
  auto_record: callPreferences.autoRecord,
  ai_assistance: callPreferences.aiAssistance,
  call_quality: callPreferences.callQuality,
  noise_cancellation: callPreferences.noiseCancellation,
  auto_answer: callPreferences.autoAnswer,
  updated_at: callPreferences.updatedAt,
};
const activityColumns = (userId: string) => ({ id: activityEvents.id, area: activityEvents.area, type: activityEvents.type, params: activityEvents.params, link: activityEvents.link, by_you: byYou(activityEvents.actorId, userId), occurred_at: activityEvents.occurredAt });


/** Every reader the export registry draws on, by section name. */
export const exportReaders = {
  profile: whole(profileColumns, (s, db) => db.select(profileColumns).from(users).where(eq(users.id, s.userId))),
  settings: whole(settingsColumns, (s, db) => db.select(settingsColumns).from(userSettings).where(eq(userSettings.userId, s.userId))),
  notification_preferences: whole(notificationPreferenceColumns, (s, db) =>
    db.select(notificationPreferenceColumns).from(notificationPreferences).where(eq(notificationPreferences.userId, s.userId)).orderBy(asc(notificationPreferences.category)),
  ),
  sessions: whole(sessionColumns, (s, db) => db.select(sessionColumns).from(authSessions).where(eq(authSessions.userId, s.userId)).orderBy(asc(authSessions.createdAt))),
  // What the audit log says about the user: sign-ins and failures, security and profile changes,
  // staff actions on them, and what they did themselves that concerns no one else.
  audit_log: paged(auditColumns, auditLog.createdAt, auditLog.id, (s, after, db, limit) =>
    db
      .select({ ...auditColumns, ...cursor(auditLog.createdAt, auditLog.id) })
      .from(auditLog)
      // A staff member's own staff actions are about customers, not about them: left out.
      .where(and(or(eq(auditLog.targetUserId, s.userId), and(eq(auditLog.actorId, s.userId), isNull(auditLog.targetUserId), sql`${auditLog.action} not like 'admin.%'`)), after))
      .orderBy(asc(auditLog.createdAt), asc(auditLog.id))
      .limit(limit),
  ),
  notifications: paged(notificationColumns, notifications.createdAt, notifications.id, (s, after, db, limit) =>
    db
      .select({ ...notificationColumns, ...cursor(notifications.createdAt, notifications.id) })
      .from(notifications)
      .where(and(eq(notifications.userId, s.userId), after))
      .orderBy(asc(notifications.createdAt), asc(notifications.id))
      .limit(limit),
  ),
  two_factor: whole(twoFactorColumns, async (s, db) => {
    const [row] = await db.select({ enabledAt: userTwoFactor.enabledAt, createdAt: userTwoFactor.createdAt }).from(userTwoFactor).where(eq(userTwoFactor.userId, s.userId));
    const [codes] = await db.select({ unused: count() }).from(twoFactorRecoveryCodes).where(and(eq(twoFactorRecoveryCodes.userId, s.userId), isNull(twoFactorRecoveryCodes.usedAt)));
    return [{ enabled: Boolean(row?.enabledAt), enabled_at: row?.enabledAt ?? null, enrolled_at: row?.createdAt ?? null, unused_recovery_codes: row?.enabledAt ? (codes?.unused ?? 0) : 0 }];
  }),
  calendar_feed: whole(calendarFeedColumns, (s, db) => db.select(calendarFeedColumns).from(calendarFeeds).where(eq(calendarFeeds.userId, s.userId))),
  api_tokens: whole(apiTokenColumns, (s, db) => db.select(apiTokenColumns).from(apiTokens).where(eq(apiTokens.userId, s.userId)).orderBy(asc(apiTokens.createdAt), asc(apiTokens.id))),
  webhook_endpoints: whole(webhookEndpointColumns, (s, db) =>
    s.accountId ? db.select(webhookEndpointColumns).from(webhookEndpoints).where(eq(webhookEndpoints.accountId, s.accountId)).orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id)) : null,
  ),
  account_membership: whole(membershipColumns, (s, db) => db.select(membershipColumns).from(customerAccountMembers).where(eq(customerAccountMembers.userId, s.userId))),
  thread_reads: whole(threadReadColumns, (s, db) => db.select(threadReadColumns).from(messageThreadReads).where(eq(messageThreadReads.userId, s.userId)).orderBy(asc(messageThreadReads.readAt))),
  // The outbox is addressed, not linked to a user: the messages sent to the user's address.
  emails: paged(emailColumns, emailOutbox.createdAt, emailOutbox.id, (s, after, db, limit) =>
    db
      .select({ ...emailColumns, ...cursor(emailOutbox.createdAt, emailOutbox.id) })
      .from(emailOutbox)
      .where(and(sql`lower(${emailOutbox.toAddress}) = (select ${users.email} from ${users} where ${users.id} = ${s.userId})`, after))
      .orderBy(asc(emailOutbox.createdAt), asc(emailOutbox.id))
      .limit(limit),
  ),
  checkout_sessions: whole(checkoutColumns, (s, db) =>
    db.select(checkoutColumns).from(demoCheckoutSessions).where(eq(demoCheckoutSessions.userId, s.userId)).orderBy(asc(demoCheckoutSessions.createdAt)),
  ),
  files: whole(fileColumns, (s, db) => db.select(fileColumns).from(storedFiles).where(exportedFiles(s)).orderBy(asc(storedFiles.id))),

  account: whole(accountColumns, (s, db) => {
    if (!s.accountId) return null;
    // Billing details and the payment provider's id are the owner's business, not every member's.
    const columns = s.accountRole === "owner" ? accountColumns : { id: accountColumns.id, name: accountColumns.name, billing_email: sql`null`, billing_address: sql`null`, tax_id: sql`null`, stripe_customer_id: sql`null`, closed_at: accountColumns.closed_at, created_at: accountColumns.created_at };
    return db.select(columns).from(customerAccounts).where(eq(customerAccounts.id, s.accountId));
  }),
  projects: whole(projectColumns, (s, db) => (s.accountId ? db.select(projectColumns).from(projects).where(eq(projects.accountId, s.accountId)).orderBy(asc(projects.createdAt), asc(projects.id)) : null)),
  project_tasks: whole(taskColumns, (s, db) =>
    s.accountId ? db.select(taskColumns).from(projectTasks).where(inArray(projectTasks.projectId, accountProjects(s.accountId))).orderBy(asc(projectTasks.projectId), asc(projectTasks.position)) : null,
  ),
  project_milestones: whole(milestoneColumns, (s, db) =>
    s.accountId ? db.select(milestoneColumns).from(projectMilestones).where(inArray(projectMilestones.projectId, accountProjects(s.accountId))).orderBy(asc(projectMilestones.projectId), asc(projectMilestones.dueDate)) : null,
  ),
  project_updates: whole(updateColumns, (s, db) =>
    s.accountId ? db.select(updateColumns).from(projectUpdates).where(inArray(projectUpdates.projectId, accountProjects(s.accountId))).orderBy(asc(projectUpdates.createdAt), asc(projectUpdates.id)) : null,
  ),
  project_deliverables: whole(deliverableColumns, (s, db) =>
    s.accountId ? db.select(deliverableColumns).from(projectDeliverables).where(inArray(projectDeliverables.projectId, accountProjects(s.accountId))).orderBy(asc(projectDeliverables.createdAt), asc(projectDeliverables.id)) : null,
  ),
  project_ratings: whole(ratingColumns, (s, db) =>
    s.accountId ? db.select(ratingColumns(s.userId)).from(projectRatings).where(inArray(projectRatings.projectId, accountProjects(s.accountId))) : null,
  ),
  project_requests: whole(requestColumns, (s, db) =>
    s.accountId
      ? db.select(requestColumns(s.userId)).from(projectRequests).where(and(eq(projectRequests.accountId, s.accountId), theirs(s, () => eq(projectRequests.submittedById, s.userId)))).orderBy(asc(projectRequests.createdAt), asc(projectRequests.id))
      : null,
  ),
  project_request_attachments: whole(requestAttachmentColumns, (s, db) =>
    s.accountId
      ? db
          .select(requestAttachmentColumns)
          .from(projectRequestAttachments)
          .innerJoin(projectRequests, eq(projectRequests.id, projectRequestAttachments.requestId))
          .where(and(eq(projectRequests.accountId, s.accountId), theirs(s, () => eq(projectRequests.submittedById, s.userId))))
      : null,
  ),
  message_threads: whole(threadColumns, (s, db) => (s.accountId ? db.select(threadColumns).from(messageThreads).where(and(eq(messageThreads.accountId, s.accountId), theirs(s, () => memberThread(s.userId)))).orderBy(asc(messageThreads.createdAt), asc(messageThreads.id)) : null)),
  // Every message of the account's threads, the team's replies included: they were written to the customer.
  messages: paged(messageColumns, messages.createdAt, messages.id, (s, after, db, limit) =>
    s.accountId
      ? db
          .select({ ...messageColumns(s.userId), ...cursor(messages.createdAt, messages.id) })
          .from(messages)
          .innerJoin(messageThreads, eq(messageThreads.id, messages.threadId))
          .where(and(eq(messageThreads.accountId, s.accountId), theirs(s, () => and(memberThread(s.userId), or(eq(messages.authorId, s.userId), eq(messages.fromStaff, true)))), after))
          .orderBy(asc(messages.createdAt), asc(messages.id))
          .limit(limit)
      : null,
  ),
  message_attachments: whole(messageAttachmentColumns, (s, db) =>
    s.accountId
      ? db
          .select(messageAttachmentColumns)
          .from(messageAttachments)
          .innerJoin(messages, eq(messages.id, messageAttachments.messageId))
          .innerJoin(messageThreads, eq(messageThreads.id, messages.threadId))
          .where(and(eq(messageThreads.accountId, s.accountId), theirs(s, () => and(memberThread(s.userId), or(eq(messages.authorId, s.userId), eq(messages.fromStaff, true))))))
      : null,
  ),
  subscriptions: whole(subscriptionColumns, (s, db) =>
    s.accountId ? db.select(subscriptionColumns).from(subscriptions).innerJoin(plans, eq(plans.id, subscriptions.planId)).where(eq(subscriptions.accountId, s.accountId)).orderBy(asc(subscriptions.createdAt)) : null,
  ),
  usage_alerts: whole(usageAlertColumns, (s, db) =>
    s.accountId ? db.select(usageAlertColumns).from(usageAlerts).innerJoin(subscriptions, eq(subscriptions.id, usageAlerts.subscriptionId)).where(eq(subscriptions.accountId, s.accountId)) : null,
  ),
  invoices: whole(invoiceColumns, (s, db) => (s.accountId ? db.select(invoiceColumns).from(invoices).where(visibleInvoice(s.accountId)).orderBy(asc(invoices.issueDate), asc(invoices.id)) : null)),
  invoice_items: whole(invoiceItemColumns, (s, db) =>
    s.accountId
      ? db.select(invoiceItemColumns).from(invoiceItems).innerJoin(invoices, eq(invoices.id, invoiceItems.invoiceId)).where(visibleInvoice(s.accountId)).orderBy(asc(invoiceItems.invoiceId), asc(invoiceItems.position))
      : null,
  ),
  payments: whole(paymentColumns, (s, db) =>
    s.accountId
      ? db.select(paymentColumns).from(payments).innerJoin(invoices, eq(invoices.id, payments.invoiceId)).where(and(eq(payments.accountId, s.accountId), visibleInvoice(s.accountId))).orderBy(asc(payments.occurredAt), asc(payments.id))
      : null,
  ),
  agent_assignments: whole(assignmentColumns, (s, db) =>
    s.accountId ? db.select(assignmentColumns).from(agentAssignments).innerJoin(agents, eq(agents.id, agentAssignments.agentId)).where(eq(agentAssignments.accountId, s.accountId)).orderBy(asc(agentAssignments.startsOn)) : null,
  ),
  agent_requests: whole(agentRequestColumns, (s, db) =>
    s.accountId
      ? db.select(agentRequestColumns(s.userId)).from(agentRequests).where(and(eq(agentRequests.accountId, s.accountId), theirs(s, () => eq(agentRequests.requestedById, s.userId)))).orderBy(asc(agentRequests.createdAt), asc(agentRequests.id))
      : null,
  ),
  call_requests: paged(callRequestColumns, callRequests.createdAt, callRequests.id, (s, after, db, limit) =>
    s.accountId
      ? db
          .select({ ...callRequestColumns(s.userId), ...cursor(callRequests.createdAt, callRequests.id) })
          .from(callRequests)
          .where(and(eq(callRequests.accountId, s.accountId), theirs(s, () => eq(callRequests.requestedById, s.userId)), after))
          .orderBy(asc(callRequests.createdAt), asc(callRequests.id))
          .limit(limit)
      : null,
  ),
  // In time order along calls_account_started_idx: each batch is one index range read.
  calls: paged(callColumns, calls.startedAt, calls.id, (s, after, db, limit) =>
    s.accountId
      ? db
          .select({ ...callColumns, ...cursor(calls.startedAt, calls.id) })
          .from(calls)
          .leftJoin(agents, eq(agents.id, calls.agentId))
          .where(and(eq(calls.accountId, s.accountId), after))
          .orderBy(asc(calls.startedAt), asc(calls.id))
          .limit(limit)
      : null,
  ),
  call_preferences: whole(callPreferenceColumns, (s, db) => (s.accountId ? db.select(callPreferenceColumns).from(callPreferences).where(eq(callPreferences.accountId, s.accountId)) : null)),
  // A colleague's security events are theirs alone, as on the timeline.
  activity: paged(activityColumns, activityEvents.occurredAt, activityEvents.id, (s, after, db, limit) =>
    s.accountId
      ? db
          .select({ ...activityColumns(s.userId), ...cursor(activityEvents.occurredAt, activityEvents.id) })
          .from(activityEvents)
          .where(
            and(
              eq(activityEvents.accountId, s.accountId),
              or(isNull(activityEvents.onlyForUserId), eq(activityEvents.onlyForUserId, s.userId)),
              theirs(s, () => or(eq(activityEvents.onlyForUserId, s.userId), eq(activityEvents.actorId, s.userId))),
              after,
            ),
          )
          .orderBy(asc(activityEvents.occurredAt), asc(activityEvents.id))
          .limit(limit)
      : null,
  ),
} satisfies Record<string, ExportReader>;

export type ExportSectionName = keyof typeof exportReaders;
