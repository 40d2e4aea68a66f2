import "server-only";
import { and, asc, count, desc, eq, ilike, isNull, notInArray, or, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import {
  customerAccountMembers,
  customerAccounts,
  projectDeliverables,
  projectMilestones,
  projectRatings,
  projectRequests,
  projects,
  projectTasks,
  projectUpdates,
  storedFiles,
  users,
} from "@/db/schema";
import type { AdminProjectSort, ProjectStatus, TaskState } from "@/lib/constants";
import { projectProgress } from "@/lib/projects/progress";
import { cursorTime, escapeLike, keyset, keysetPage, type PageRequest } from "./search";

export type NewProject = {
  accountId: string;
  name: string;
  description: string;
  status: ProjectStatus;
  startDate: string | null;
  dueDate: string | null;
  createdById: string | null;
};

export async function insertProject(project: NewProject, db: Database = getDb()): Promise<{ id: string }> {
  const [created] = await db.insert(projects).values(project).returning({ id: projects.id });
  return created!;
}

/** Everyone who sees the account's projects: each gets the customer-side notifications. */
export async function listAccountMemberIds(accountId: string, db: Database = getDb()): Promise<string[]> {
  const rows = await db.select({ userId: customerAccountMembers.userId }).from(customerAccountMembers).where(eq(customerAccountMembers.accountId, accountId));
  return rows.map((row) => row.userId);
}

// ---- Reads: the progress columns every list shares -------------------------------------------

// Qualified by hand: in a one-table select Drizzle writes columns unqualified, and inside these
// subqueries a bare "id" would be the inner table's.
const outerProjectId = sql`${sql.identifier("projects")}.${sql.identifier("id")}`;

const tasksTotal = sql<number>`(select count(*) from ${projectTasks} where ${projectTasks.projectId} = ${outerProjectId})`.mapWith(Number);
const tasksDone = sql<number>`(select count(*) from ${projectTasks} where ${projectTasks.projectId} = ${outerProjectId} and ${projectTasks.state} = 'done')`.mapWith(Number);

const progressColumns = { status: projects.status, progressOverride: projects.progressOverride, tasksTotal, tasksDone };

/** Adds `progress` (lib/projects/progress.ts) and drops the columns it was derived from. */
function withProgress<T extends { status: ProjectStatus; progressOverride: number | null; tasksTotal: number; tasksDone: number }>(row: T) {
  const { progressOverride, tasksTotal: total, tasksDone: done, ...rest } = row;
  return { ...rest, tasksTotal: total, tasksDone: done, progressDerived: progressOverride === null, progress: projectProgress(row) };
}

// The earliest open milestone, as two scalar subqueries (a lateral join does not compose with paging here).
const nextMilestoneTitle = sql<string | null>`(select ${projectMilestones.title} from ${projectMilestones} where ${projectMilestones.projectId} = ${outerProjectId} and ${projectMilestones.completedAt} is null order by ${projectMilestones.dueDate}, ${projectMilestones.id} limit 1)`;
const nextMilestoneDue = sql<string | null>`(select ${projectMilestones.dueDate}::text from ${projectMilestones} where ${projectMilestones.projectId} = ${outerProjectId} and ${projectMilestones.completedAt} is null order by ${projectMilestones.dueDate}, ${projectMilestones.id} limit 1)`;

const nameMatches = (term: string) => ilike(projects.name, `%${escapeLike(term)}%`);

export type ProjectListFilters = { status?: ProjectStatus; search?: string };

/** The list's rows, recently changed first; with `page`, one keyset page of them (limit + 1 rows). */
async function selectProjectsOfAccount(accountId: string, filters: ProjectListFilters, page: PageRequest | null, db: Database) {
  const term = filters.search?.trim();
  const { where, orderBy } = page ? keyset(projects.updatedAt, projects.id, page) : { where: undefined, orderBy: [desc(projects.updatedAt), desc(projects.id)] };
  const query = db
    .select({
      id: projects.id,
      name: projects.name,
      startDate: projects.startDate,
      dueDate: projects.dueDate,
      updatedAt: projects.updatedAt,
      nextMilestoneTitle,
      nextMilestoneDue,
      ...progressColumns,
      cursorTime: cursorTime(projects.updatedAt),
    })
    .from(projects)
    .where(and(eq(projects.accountId, accountId), filters.status ? eq(projects.status, filters.status) : undefined, term ? nameMatches(term) : undefined, where))
    .orderBy(...orderBy);
  const rows = await (page ? query.limit(page.limit + 1) : query);
  return rows.map(({ nextMilestoneTitle: title, nextMilestoneDue: due, ...row }) => ({
    ...withProgress(row),
    nextMilestone: title && due ? { title, dueDate: due } : null,
  }));
}

/** The account's projects for its list page, recently changed first; `search` matches the name. */
export async function listProjectsForAccount(accountId: string, filters: ProjectListFilters = {}, db: Database = getDb()) {
  return (await selectProjectsOfAccount(accountId, filters, null, db)).map(({ cursorTime: _, ...row }) => row);
}

/** The same list a page at a time (keyset over updated_at, id), for the API. */
export async function listProjectsPageForAccount(accountId: string, filters: ProjectListFilters, page: PageRequest, db: Database = getDb()) {
  return keysetPage(await selectProjectsOfAccount(accountId, filters, page, db), page);
}

export async function countProjectsForAccount(accountId: string, db: Database = getDb()): Promise<number> {
  const [row] = await db.select({ value: count() }).from(projects).where(eq(projects.accountId, accountId));
  return row?.value ?? 0;
}

const closedStatuses: ProjectStatus[] = ["completed", "cancelled"];

/** For the overview: the account's projects still under way, with their progress, soonest due first. */
export async function listActiveProjectSummaries(accountId: string, db: Database = getDb()) {
  const rows = await db
    .select({ id: projects.id, name: projects.name, dueDate: projects.dueDate, ...progressColumns })
    .from(projects)
    .where(and(eq(projects.accountId, accountId), notInArray(projects.status, closedStatuses)))
    .orderBy(sql`${projects.dueDate} asc nulls last`, asc(projects.name));
  return rows.map(withProgress);
}

/** For the overview: the account's open milestones, soonest first (projects cancelled or completed left out). */
export async function listUpcomingMilestones(accountId: string, limit = 5, db: Database = getDb()) {
  return db
    .select({ id: projectMilestones.id, title: projectMilestones.title, dueDate: projectMilestones.dueDate, projectId: projects.id, projectName: projects.name })
    .from(projectMilestones)
    .innerJoin(projects, eq(projects.id, projectMilestones.projectId))
    .where(and(eq(projects.accountId, accountId), isNull(projectMilestones.completedAt), notInArray(projects.status, closedStatuses)))
    .orderBy(asc(projectMilestones.dueDate), asc(projectMilestones.id))
    .limit(limit);
}

const detailColumns = {
  id: projects.id,
  accountId: projects.accountId,
  name: projects.name,
  description: projects.description,
  startDate: projects.startDate,
  dueDate: projects.dueDate,
  createdAt: projects.createdAt,
  updatedAt: projects.updatedAt,
  ...progressColumns,
};

/** Everything a project page shows below its header, for a project whose access was already checked. */
async function projectParts(projectId: string, db: Database) {
  const [tasks, milestones, updates, deliverables, [rating], [request]] = await Promise.all([
    db
      .select({ id: projectTasks.id, title: projectTasks.title, state: projectTasks.state, position: projectTasks.position, completedAt: projectTasks.completedAt })
      .from(projectTasks)
      .where(eq(projectTasks.projectId, projectId))
      .orderBy(asc(projectTasks.position), asc(projectTasks.id)),
    db
      .select({ id: projectMilestones.id, title: projectMilestones.title, dueDate: projectMilestones.dueDate, completedAt: projectMilestones.completedAt })
      .from(projectMilestones)
      .where(eq(projectMilestones.projectId, projectId))
      .orderBy(asc(projectMilestones.dueDate), asc(projectMilestones.id)),
    db
      .select({ id: projectUpdates.id, body: projectUpdates.body, authorName: users.name, createdAt: projectUpdates.createdAt })
      .from(projectUpdates)
      .leftJoin(users, eq(users.id, projectUpdates.authorId))
      .where(eq(projectUpdates.projectId, projectId))
      .orderBy(desc(projectUpdates.createdAt), desc(projectUpdates.id)),
    db
      .select({
        id: projectDeliverables.id,
        title: projectDeliverables.title,
        fileId: projectDeliverables.fileId,
        fileName: storedFiles.fileName,
        contentType: storedFiles.contentType,
        sizeBytes: storedFiles.sizeBytes,
        createdAt: projectDeliverables.createdAt,
      })
      .from(projectDeliverables)
      .innerJoin(storedFiles, eq(storedFiles.id, projectDeliverables.fileId))
      .where(eq(projectDeliverables.projectId, projectId))
      .orderBy(desc(projectDeliverables.createdAt), desc(projectDeliverables.id)),
    db
      .select({ rating: projectRatings.rating, comment: projectRatings.comment, authorName: users.name, updatedAt: projectRatings.updatedAt })
      .from(projectRatings)
      .leftJoin(users, eq(users.id, projectRatings.userId))
      .where(eq(projectRatings.projectId, projectId)),
    db.select({ id: projectRequests.id, title: projectRequests.title }).from(projectRequests).where(eq(projectRequests.projectId, projectId)),
  ]);
  return { tasks, milestones, updates, deliverables, rating: rating ?? null, request: request ?? null };
}

/** One of the account's projects with all its parts; another account's id finds nothing. */
export async function getProjectForAccount(accountId: string, projectId: string, db: Database = getDb()) {
  const [project] = await db
    .select(detailColumns)
    .from(projects)
    .where(and(eq(projects.id, projectId), eq(projects.accountId, accountId)));
  if (!project) return null;
  return { ...withProgress(project), ...(await projectParts(projectId, db)) };
}

/** Staff's editor: any project with all its parts and its customer. */
export async function adminGetProject(projectId: string, db: Database = getDb()) {
  const [project] = await db
    .select({ ...detailColumns, accountName: customerAccounts.name })
    .from(projects)
    .innerJoin(customerAccounts, eq(customerAccounts.id, projects.accountId))
    .where(eq(projects.id, projectId));
  if (!project) return null;
  return { ...withProgress(project), ...(await projectParts(projectId, db)) };
}

/** For the staff user page: the account's projects, recently changed first. */
export async function adminListProjectsOfAccount(accountId: string, db: Database = getDb()) {
  const rows = await db
    .select({ id: projects.id, name: projects.name, dueDate: projects.dueDate, updatedAt: projects.updatedAt, ...progressColumns })
    .from(projects)
    .where(eq(projects.accountId, accountId))
    .orderBy(desc(projects.updatedAt), desc(projects.id));
  return rows.map(withProgress);
}

const adminSortColumns = {
  name: projects.name,
  customer: customerAccounts.name,
  status: projects.status,
  dueDate: projects.dueDate,
  updatedAt: projects.updatedAt,
} as const satisfies Record<AdminProjectSort, unknown>;

export type AdminProjectsParams = {
  page: number;
  pageSize: number;
  sort: AdminProjectSort;
  direction: "asc" | "desc";
  query?: string;
  status?: ProjectStatus;
  accountId?: string;
};

/** One page of every customer's projects and the number of matches (a window count, as the users table). */
export async function adminListProjects(params: AdminProjectsParams, db: Database = getDb()) {
  const term = params.query?.trim();
  const where = and(
    term ? nameMatches(term) : undefined,
    params.status ? eq(projects.status, params.status) : undefined,
    params.accountId ? eq(projects.accountId, params.accountId) : undefined,
  );
  const column = adminSortColumns[params.sort];
  // Projects without a due date go last whichever way the column sorts.
  const order = params.direction === "asc" ? sql`${column} asc nulls last` : sql`${column} desc nulls last`;
  const page = await db
    .select({
      id: projects.id,
      name: projects.name,
      accountId: projects.accountId,
      customer: customerAccounts.name,
      dueDate: projects.dueDate,
      updatedAt: projects.updatedAt,
      ...progressColumns,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(projects)
    .innerJoin(customerAccounts, eq(customerAccounts.id, projects.accountId))
    .where(where)
    .orderBy(order, asc(projects.name), asc(projects.id))
    .limit(params.pageSize)
    .offset((params.page - 1) * params.pageSize);
  const rows = page.map(({ total, ...row }) => withProgress(row));
  if (page[0]) return { rows, total: page[0].total };
  const [total] = params.page > 1 ? await db.select({ value: count() }).from(projects).where(where) : [{ value: 0 }];
  return { rows, total: total?.value ?? 0 };
}

/** The customers the projects table can filter by: those with at least one project. */
export async function adminListAccountsWithProjects(db: Database = getDb()) {
  return db
    .selectDistinct({ id: customerAccounts.id, name: customerAccounts.name })
    .from(customerAccounts)
    .innerJoin(projects, eq(projects.accountId, customerAccounts.id))
    .orderBy(asc(customerAccounts.name), asc(customerAccounts.id));
}

/** Customer accounts to pick from when creating a project: by account name or a member's name or email. */
export async function adminSearchCustomerAccounts(query: string, limit = 50, db: Database = getDb()) {
  const term = query.trim();
  const owners = db
    .select({ accountId: customerAccountMembers.accountId, email: users.email, name: users.name })
    .from(customerAccountMembers)
    .innerJoin(users, eq(users.id, customerAccountMembers.userId))
    .where(eq(customerAccountMembers.role, "owner"))
    .as("owners");
  const pattern = `%${escapeLike(term)}%`;
  const memberMatches = sql`exists (select 1 from ${customerAccountMembers} inner join ${users} on ${users.id} = ${customerAccountMembers.userId}
    where ${customerAccountMembers.accountId} = ${customerAccounts.id} and (${users.name} ilike ${pattern} or ${users.email} ilike ${pattern}))`;
  return db
    .select({ id: customerAccounts.id, name: customerAccounts.name, ownerEmail: owners.email })
    .from(customerAccounts)
    .leftJoin(owners, eq(owners.accountId, customerAccounts.id))
    .where(term ? or(ilike(customerAccounts.name, pattern), memberMatches) : undefined)
    .orderBy(asc(customerAccounts.name), asc(customerAccounts.id))
    .limit(limit);
}

// ---- Writes (called by lib/projects/service.ts inside its transaction) -------------------------

export type LockedProject = { id: string; accountId: string; name: string; description: string; status: ProjectStatus; progressOverride: number | null; startDate: string | null; dueDate: string | null };

/**
 * The project row, locked until the transaction ends: every change to a project or its parts takes
 * this lock first, so two staff editing the task order at once queue up rather than interleave.
 */
export async function lockProject(projectId: string, db: Database): Promise<LockedProject | null> {
  const [project] = await db
    .select({
      id: projects.id,
      accountId: projects.accountId,
      name: projects.name,
      description: projects.description,
      status: projects.status,
      progressOverride: projects.progressOverride,
      startDate: projects.startDate,
      dueDate: projects.dueDate,
    })
    .from(projects)
    .where(eq(projects.id, projectId))
    .for("update");
  return project ?? null;
}

/** Changes the project's own columns; every change, also to its parts, moves it up the staff table. */
export async function updateProjectRow(projectId: string, changes: Partial<Omit<LockedProject, "id" | "accountId">>, db: Database): Promise<void> {
  await db
    .update(projects)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(projects.id, projectId));
}

/** Which project a part belongs to, to lock and check it before the part is changed. */
export async function getTaskProjectId(taskId: string, db: Database): Promise<string | null> {
  const [row] = await db.select({ projectId: projectTasks.projectId }).from(projectTasks).where(eq(projectTasks.id, taskId));
  return row?.projectId ?? null;
}

export async function getMilestoneProjectId(milestoneId: string, db: Database): Promise<string | null> {
  const [row] = await db.select({ projectId: projectMilestones.projectId }).from(projectMilestones).where(eq(projectMilestones.id, milestoneId));
  return row?.projectId ?? null;
}

export async function getDeliverableProjectId(deliverableId: string, db: Database): Promise<string | null> {
  const [row] = await db.select({ projectId: projectDeliverables.projectId }).from(projectDeliverables).where(eq(projectDeliverables.id, deliverableId));
  return row?.projectId ?? null;
}

/** The project's tasks in their order, with the columns a change compares. */
export async function listTasksInOrder(projectId: string, db: Database) {
  return db
    .select({ id: projectTasks.id, title: projectTasks.title, state: projectTasks.state, position: projectTasks.position })
    .from(projectTasks)
    .where(eq(projectTasks.projectId, projectId))
    .orderBy(asc(projectTasks.position), asc(projectTasks.id));
}

export async function insertTask(task: { projectId: string; title: string; position: number }, db: Database): Promise<{ id: string }> {
  const [created] = await db.insert(projectTasks).values(task).returning({ id: projectTasks.id });
  return created!;
}

export async function updateTaskRow(taskId: string, changes: { title: string; state: TaskState; completedAt?: Date | null }, db: Database): Promise<void> {
  await db
    .update(projectTasks)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(projectTasks.id, taskId));
}

export async function deleteTaskRow(taskId: string, db: Database): Promise<void> {
  await db.delete(projectTasks).where(eq(projectTasks.id, taskId));
}

/** Writes positions 0…n-1 in the given order, touching only the rows whose position changes. */
export async function setTaskPositions(tasks: { id: string; position: number }[], order: string[], db: Database): Promise<void> {
  const current = new Map(tasks.map((task) => [task.id, task.position]));
  for (const [position, id] of order.entries()) {
    if (current.get(id) !== position) await db.update(projectTasks).set({ position }).where(eq(projectTasks.id, id));
  }
}

export async function getMilestone(milestoneId: string, db: Database) {
  const [row] = await db
    .select({ id: projectMilestones.id, title: projectMilestones.title, dueDate: projectMilestones.dueDate, completedAt: projectMilestones.completedAt })
    .from(projectMilestones)
    .where(eq(projectMilestones.id, milestoneId));
  return row ?? null;
}

export async function insertMilestone(milestone: { projectId: string; title: string; dueDate: string }, db: Database): Promise<{ id: string }> {
  const [created] = await db.insert(projectMilestones).values(milestone).returning({ id: projectMilestones.id });
  return created!;
}

export async function updateMilestoneRow(milestoneId: string, changes: { title?: string; dueDate?: string; completedAt?: Date | null }, db: Database): Promise<void> {
  await db.update(projectMilestones).set(changes).where(eq(projectMilestones.id, milestoneId));
}

export async function deleteMilestoneRow(milestoneId: string, db: Database): Promise<void> {
  await db.delete(projectMilestones).where(eq(projectMilestones.id, milestoneId));
}

export async function insertProjectUpdate(update: { projectId: string; authorId: string; body: string }, db: Database): Promise<{ id: string }> {
  const [created] = await db.insert(projectUpdates).values(update).returning({ id: projectUpdates.id });
  return created!;
}

export async function insertDeliverable(deliverable: { projectId: string; fileId: string; title: string; uploadedById: string }, db: Database): Promise<{ id: string }> {
  const [created] = await db.insert(projectDeliverables).values(deliverable).returning({ id: projectDeliverables.id });
  return created!;
}

/** Removes the deliverable with its stored file's row; returns the file's storage key, for its bytes to go after commit. */
export async function deleteDeliverable(deliverableId: string, db: Database): Promise<{ title: string; fileId: string; storageKey: string } | null> {
  const [deliverable] = await db.select({ title: projectDeliverables.title, fileId: projectDeliverables.fileId }).from(projectDeliverables).where(eq(projectDeliverables.id, deliverableId));
  if (!deliverable) return null;
  // The deliverable row goes with its file (on delete cascade).
  const [file] = await db.delete(storedFiles).where(eq(storedFiles.id, deliverable.fileId)).returning({ storageKey: storedFiles.storageKey });
  return { ...deliverable, storageKey: file!.storageKey };
}

/** One rating per project: a second one from any member of the account replaces it. */
export async function upsertProjectRating(rating: { projectId: string; userId: string; rating: number; comment: string }, db: Database): Promise<void> {
  const now = new Date();
  await db
    .insert(projectRatings)
    .values({ ...rating, updatedAt: now })
    .onConflictDoUpdate({ target: projectRatings.projectId, set: { userId: rating.userId, rating: rating.rating, comment: rating.comment, updatedAt: now } });
}

/** The project of the member's own account, with the account's name, for rating it; another account's finds nothing. */
export async function getProjectOfAccountForUpdate(accountId: string, projectId: string, db: Database) {
  const [row] = await db
    .select({ id: projects.id, name: projects.name, status: projects.status, accountName: customerAccounts.name })
    .from(projects)
    .innerJoin(customerAccounts, eq(customerAccounts.id, projects.accountId))
    .where(and(eq(projects.id, projectId), eq(projects.accountId, accountId)))
    .for("update", { of: projects });
  return row ?? null;
}
