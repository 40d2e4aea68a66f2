import "server-only";
import { and, asc, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Database } from "@/db";
import { customerAccounts, projectRequestAttachments, projectRequests, projects, storedFiles, users } from "@/db/schema";
import type { BudgetRange, ContactPreference, ProjectRequestStatus } from "@/lib/constants";

export type NewProjectRequest = {
  accountId: string;
  submittedById: string;
  title: string;
  goals: string;
  scope: string;
  budgetRange: BudgetRange;
  desiredDeadline: string | null;
  contactPreference: ContactPreference;
};

export async function insertProjectRequest(request: NewProjectRequest, db: Database = getDb()): Promise<{ id: string }> {
  const [created] = await db.insert(projectRequests).values(request).returning({ id: projectRequests.id });
  return created!;
}

export async function insertRequestAttachments(requestId: string, fileIds: string[], db: Database = getDb()): Promise<void> {
  if (fileIds.length === 0) return;
  await db.insert(projectRequestAttachments).values(fileIds.map((fileId) => ({ requestId, fileId })));
}

const listColumns = {
  id: projectRequests.id,
  title: projectRequests.title,
  status: projectRequests.status,
  budgetRange: projectRequests.budgetRange,
  desiredDeadline: projectRequests.desiredDeadline,
  declineReason: projectRequests.declineReason,
  projectId: projectRequests.projectId,
  projectName: projects.name,
  createdAt: projectRequests.createdAt,
  decidedAt: projectRequests.decidedAt,
};

/** The account's requests, newest first (an account sends a handful, so no paging). */
export async function listRequestsForAccount(accountId: string, db: Database = getDb()) {
  return db
    .select(listColumns)
    .from(projectRequests)
    .leftJoin(projects, eq(projects.id, projectRequests.projectId))
    .where(eq(projectRequests.accountId, accountId))
    .orderBy(desc(projectRequests.createdAt), desc(projectRequests.id));
}

/** For the staff user page: the requests of the user's account. */
export async function adminListRequestsOfAccount(accountId: string, db: Database = getDb()) {
  return listRequestsForAccount(accountId, db);
}

const submitters = alias(users, "submitters");
const reviewers = alias(users, "reviewers");

const detailColumns = {
  ...listColumns,
  accountId: projectRequests.accountId,
  goals: projectRequests.goals,
  scope: projectRequests.scope,
  contactPreference: projectRequests.contactPreference,
  submittedByName: submitters.name,
  reviewedByName: reviewers.name,
};

async function attachmentsOf(requestId: string, db: Database) {
  return db
    .select({ id: storedFiles.id, fileName: storedFiles.fileName, contentType: storedFiles.contentType, sizeBytes: storedFiles.sizeBytes })
    .from(projectRequestAttachments)
    .innerJoin(storedFiles, eq(storedFiles.id, projectRequestAttachments.fileId))
    .where(eq(projectRequestAttachments.requestId, requestId))
    .orderBy(asc(storedFiles.fileName), asc(storedFiles.id));
}

export type RequestAttachment = Awaited<ReturnType<typeof attachmentsOf>>[number];

async function getRequest(where: SQL | undefined, db: Database) {
  const [request] = await db
    .select({ ...detailColumns, customerName: customerAccounts.name, submittedByEmail: submitters.email })
    .from(projectRequests)
    .innerJoin(customerAccounts, eq(customerAccounts.id, projectRequests.accountId))
    .leftJoin(projects, eq(projects.id, projectRequests.projectId))
    .leftJoin(submitters, eq(submitters.id, projectRequests.submittedById))
    .leftJoin(reviewers, eq(reviewers.id, projectRequests.reviewedById))
    .where(where);
  if (!request) return null;
  return { ...request, attachments: await attachmentsOf(request.id, db) };
}

/** One of the account's requests with its attachments; another account's id is null. */
export async function getRequestForAccount(accountId: string, requestId: string, db: Database = getDb()) {
  const request = await getRequest(and(eq(projectRequests.accountId, accountId), eq(projectRequests.id, requestId)), db);
  if (!request) return null;
  // The customer sees who on their side sent it, never which staff member reviewed it or a colleague's address.
  const { reviewedByName: _reviewer, submittedByEmail: _email, ...visible } = request;
  return visible;
}

export async function adminGetRequest(requestId: string, db: Database = getDb()) {
  return getRequest(eq(projectRequests.id, requestId), db);
}

export const waitingStatuses = ["submitted", "in_review"] as const satisfies ProjectRequestStatus[];
const isWaiting = inArray(projectRequests.status, [...waitingStatuses]);

/**
 * One page of every account's requests: the waiting ones first, oldest first (a queue), then the
 * decided ones, most recently decided first.
 */
export async function adminListRequests(params: { status?: ProjectRequestStatus | "waiting"; page: number; pageSize: number }, db: Database = getDb()) {
  const where = params.status === "waiting" ? isWaiting : params.status ? eq(projectRequests.status, params.status) : undefined;
  const page = await db
    .select({ ...listColumns, customerName: customerAccounts.name, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(projectRequests)
    .innerJoin(customerAccounts, eq(customerAccounts.id, projectRequests.accountId))
    .leftJoin(projects, eq(projects.id, projectRequests.projectId))
    .where(where)
    .orderBy(
      sql`case when ${isWaiting} then 0 else 1 end`,
      sql`case when ${isWaiting} then ${projectRequests.createdAt} end asc`,
      desc(projectRequests.decidedAt),
      desc(projectRequests.id),
    )
    .limit(params.pageSize)
    .offset((params.page - 1) * params.pageSize);
  const rows = page.map(({ total, ...row }) => row);
  if (page[0]) return { rows, total: page[0].total };
  const [total] = params.page > 1 ? await db.select({ value: count() }).from(projectRequests).where(where) : [{ value: 0 }];
  return { rows, total: total?.value ?? 0 };
}

/**
 * Locks the request row until the transaction ends, so two staff deciding at once are serialised:
 * the second one sees the first one's decision.
 */
export async function lockRequestForDecision(requestId: string, db: Database) {
  const [request] = await db
    .select({
      id: projectRequests.id,
      accountId: projectRequests.accountId,
      submittedById: projectRequests.submittedById,
      title: projectRequests.title,
      status: projectRequests.status,
    })
    .from(projectRequests)
    .where(eq(projectRequests.id, requestId))
    .for("update");
  return request ?? null;
}

export async function setRequestDecision(
  requestId: string,
  decision: { status: ProjectRequestStatus; reviewedById: string; declineReason?: string; projectId?: string; decided: boolean },
  db: Database,
): Promise<void> {
  const now = new Date();
  await db
    .update(projectRequests)
    .set({
      status: decision.status,
      reviewedById: decision.reviewedById,
      declineReason: decision.declineReason ?? null,
      projectId: decision.projectId ?? null,
      decidedAt: decision.decided ? now : null,
      updatedAt: now,
    })
    .where(eq(projectRequests.id, requestId));
}
