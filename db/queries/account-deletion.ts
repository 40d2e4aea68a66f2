import "server-only";
import { and, count, eq, inArray, isNotNull, isNull, like, ne, or, sql, sum } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import {
  activityEvents,
  agentAssignments,
  agentRequests,
  auditLog,
  callHourlyStats,
  callPreferences,
  callRequests,
  callTotals,
  calls,
  customerAccountMembers,
  customerAccounts,
  demoCheckoutSessions,
  emailOutbox,
  invoices,
  messageThreads,
  payments,
  plans,
  projectRequests,
  projects,
  rateLimits,
  storedFiles,
  subscriptions,
  userSettings,
  users,
  webhookEndpoints,
} from "@/db/schema";
import { liveSubscriptionStatuses, type AccountMemberRole } from "@/lib/constants";

/*
 * The reads and writes behind deleting one's own account (lib/account). Every function takes the
 * user (or the account that user owns) it acts for; the service decides which of them run.
 */

export type DeletionSubject = {
  userId: string;
  email: string;
  role: "customer" | "admin";
  account: { id: string; name: string; role: AccountMemberRole } | null;
};

/** The user and their part in an account, with the user row locked against a concurrent change. */
export async function lockDeletionSubject(userId: string, db: Database): Promise<DeletionSubject | null> {
  const [user] = await db.select({ id: users.id, email: users.email, role: users.role }).from(users).where(eq(users.id, userId)).for("update");
  if (!user) return null;
  const [membership] = await db
    .select({ id: customerAccounts.id, name: customerAccounts.name, role: customerAccountMembers.role })
    .from(customerAccountMembers)
    .innerJoin(customerAccounts, eq(customerAccounts.id, customerAccountMembers.accountId))
    .where(eq(customerAccountMembers.userId, userId));
  return { userId: user.id, email: user.email, role: user.role, account: membership ?? null };
}

/** The files that go with the user: for an owner everything of the account too; for a member only their photo and unsent uploads. */
function filesOf(userId: string, ownedAccountId: string | null) {
  const own = and(eq(storedFiles.ownerUserId, userId), inArray(storedFiles.purpose, ["avatar", "upload"]));
  return ownedAccountId ? or(own, eq(storedFiles.accountId, ownedAccountId)) : own;
}

export type DeletionPreview = {
  account: { name: string; role: AccountMemberRole; otherMembers: number } | null;
  openInvoices: { count: number; due: Array<{ currency: string; amount: number }> };
  keptInvoices: number;
  subscription: { planName: string } | null;
  files: { count: number; bytes: number };
};

/** What deleting the account would do, as the confirmation card shows it. */
export async function getDeletionPreview(userId: string, db: Database = getDb()): Promise<DeletionPreview | null> {
  const [membership] = await db
    .select({ id: customerAccounts.id, name: customerAccounts.name, role: customerAccountMembers.role })
    .from(customerAccountMembers)
    .innerJoin(customerAccounts, eq(customerAccounts.id, customerAccountMembers.accountId))
    .where(eq(customerAccountMembers.userId, userId));
  const ownedAccountId = membership?.role === "owner" ? membership.id : null;
  const [files] = await db.select({ count: count(), bytes: sum(storedFiles.sizeBytes).mapWith(Number) }).from(storedFiles).where(filesOf(userId, ownedAccountId));
  if (!membership) return { account: null, openInvoices: { count: 0, due: [] }, keptInvoices: 0, subscription: null, files: { count: files?.count ?? 0, bytes: files?.bytes ?? 0 } };

  const [others, due, kept, subscription] = await Promise.all([
    db.select({ count: count() }).from(customerAccountMembers).where(and(eq(customerAccountMembers.accountId, membership.id), ne(customerAccountMembers.userId, userId))),
    db
      .select({ currency: invoices.currency, count: count(), amount: sql<number>`sum(${invoices.total} - ${invoices.amountPaid})`.mapWith(Number) })
      .from(invoices)
      .where(and(eq(invoices.accountId, membership.id), eq(invoices.status, "open")))
      .groupBy(invoices.currency)
      .orderBy(invoices.currency),
    db.select({ count: count() }).from(invoices).where(and(eq(invoices.accountId, membership.id), ne(invoices.status, "draft"))),
    db
      .select({ planName: plans.name })
      .from(subscriptions)
      .innerJoin(plans, eq(plans.id, subscriptions.planId))
      .where(and(eq(subscriptions.accountId, membership.id), inArray(subscriptions.status, [...liveSubscriptionStatuses])))
      .limit(1),
  ]);
  return {
    account: { name: membership.name, role: membership.role, otherMembers: others[0]?.count ?? 0 },
    openInvoices: { count: due.reduce((total, row) => total + row.count, 0), due: due.map(({ currency, amount }) => ({ currency, amount })) },
    keptInvoices: kept[0]?.count ?? 0,
    subscription: subscription[0] ?? null,
    files: { count: files?.count ?? 0, bytes: files?.bytes ?? 0 },
  };
}

/** The other members of an account, with their language, for telling them it closed. */
export async function listOtherMembers(accountId: string, userId: string, db: Database) {
  return db
    .select({ id: users.id, email: users.email, name: users.name, locale: sql<"en" | "de">`coalesce(${userSettings.locale}, 'en')` })
    .from(customerAccountMembers)
    .innerJoin(users, eq(users.id, customerAccountMembers.userId))
    .leftJoin(userSettings, eq(userSettings.userId, users.id))
    .where(and(eq(customerAccountMembers.accountId, accountId), ne(customerAccountMembers.userId, userId)));
}

/** Removes the rows of the user's files and answers their storage keys, for the job that deletes the bytes. */
export async function deleteFileRows(userId: string, ownedAccountId: string | null, db: Database): Promise<string[]> {
  const deleted = await db.delete(storedFiles).where(filesOf(userId, ownedAccountId)).returning({ key: storedFiles.storageKey });
  return deleted.map((row) => row.key);
}

/**
 * Closes an account whose owner leaves: everything it held goes, except its invoices (not drafts),
 * their items and payments, which tax law makes us keep, and the subscription rows they refer to.
 * What stays of the account is what the invoices print: its name, billing address and tax id.
 */
export async function closeOwnedAccount(accountId: string, db: Database): Promise<void> {
  await db.delete(customerAccountMembers).where(eq(customerAccountMembers.accountId, accountId));
  // Its webhook endpoints (and their delivery log) go first: nothing more is sent for a closed account.
  await db.delete(webhookEndpoints).where(eq(webhookEndpoints.accountId, accountId));
  // Calls first: they refer to call requests; the statistics go with them.
  await db.delete(calls).where(eq(calls.accountId, accountId));
  await db.delete(callHourlyStats).where(eq(callHourlyStats.accountId, accountId));
  await db.delete(callTotals).where(eq(callTotals.accountId, accountId));
  await db.delete(callRequests).where(eq(callRequests.accountId, accountId));
  await db.delete(callPreferences).where(eq(callPreferences.accountId, accountId));
  await db.delete(agentRequests).where(eq(agentRequests.accountId, accountId));
  await db.delete(agentAssignments).where(eq(agentAssignments.accountId, accountId));
  await db.delete(messageThreads).where(eq(messageThreads.accountId, accountId));
  await db.delete(projectRequests).where(eq(projectRequests.accountId, accountId));
  await db.delete(projects).where(eq(projects.accountId, accountId));
  await db.delete(activityEvents).where(eq(activityEvents.accountId, accountId));
  await db.delete(demoCheckoutSessions).where(eq(demoCheckoutSessions.accountId, accountId));
  // A draft was never issued: it is not a tax document.
  await db.delete(invoices).where(and(eq(invoices.accountId, accountId), eq(invoices.status, "draft")));
  await db.update(payments).set({ cardBrand: null, cardLast4: null, note: null, failureMessage: null }).where(eq(payments.accountId, accountId));
  await db
    .update(customerAccounts)
    .set({ closedAt: new Date(), billingEmail: null, stripeCustomerId: null, updatedAt: new Date() })
    .where(and(eq(customerAccounts.id, accountId), isNull(customerAccounts.closedAt)));
}

/**
 * The user's own traces outside the rows that go with their user row: their security log, mail
 * to their address, rate-limit counters named by their address or id. Then the user row itself,
 * whose deletion ends their sessions and removes everything personal that references it (the
 * schema cascades), and leaves what they wrote for others without an author (set null).
 */
export async function deleteUserRecords(subject: { userId: string; email: string }, db: Database): Promise<void> {
  // What staff did to the user stays in the staff trail (who did what, when), no longer naming them.
  await db
    .update(auditLog)
    .set({ targetUserId: null, metadata: {} })
    .where(and(eq(auditLog.targetUserId, subject.userId), isNotNull(auditLog.actorId), ne(auditLog.actorId, subject.userId)));
  await db.delete(auditLog).where(eq(auditLog.targetUserId, subject.userId));
  await db.update(auditLog).set({ actorId: null, ip: null, userAgent: null }).where(eq(auditLog.actorId, subject.userId));
  await db.delete(emailOutbox).where(eq(emailOutbox.toAddress, subject.email));
  await db.delete(rateLimits).where(or(like(rateLimits.key, `%:${escapeLike(subject.email)}`), like(rateLimits.key, `%:${subject.userId}`)));
  await db.delete(users).where(eq(users.id, subject.userId));
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}
