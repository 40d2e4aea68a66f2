import "server-only";
import { createAuditEntry } from "@/db/queries/audit";
import { getCustomerAccount } from "@/db/queries/accounts";
import {
  deleteDeliverable,
  deleteMilestoneRow,
  deleteTaskRow,
  getDeliverableProjectId,
  getMilestone,
  getMilestoneProjectId,
  getProjectOfAccountForUpdate,
  getTaskProjectId,
  insertDeliverable,
  insertMilestone,
  insertProject,
  insertProjectUpdate,
  insertTask,
  listAccountMemberIds,
  listTasksInOrder,
  lockProject,
  setTaskPositions,
  updateMilestoneRow,
  updateProjectRow,
  updateTaskRow,
  upsertProjectRating,
  type LockedProject,
} from "@/db/queries/projects";
import { inTransaction, type Transaction } from "@/db/queries/transaction";
import { listActiveStaffIds } from "@/db/queries/users";
import type { AuditAction } from "@/db/schema";
import { recordActivity } from "@/lib/activity/service";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { milestoneEventData, projectStatusEventData } from "@/lib/webhooks/events";
import type { ActivityType } from "@/lib/activity/types";
import type { Actor } from "@/lib/actor";
import type { ProjectStatus, TaskState } from "@/lib/constants";
import { AppError } from "@/lib/errors";
import { notify } from "@/lib/notifications/service";
import type { NotificationType } from "@/lib/notifications/types";
import type { RequestInfo } from "@/lib/request-info";
import { deleteStoredBytes } from "@/lib/storage";
import { claimUploads } from "@/lib/uploads/service";
import { assertStaff } from "@/lib/users/service";

export type ProjectInput = {
  accountId: string;
  name: string;
  description: string;
  status: ProjectStatus;
  startDate: string | null;
  dueDate: string | null;
};

/** What a staff change did: "unchanged" when the submitted values were already the project's. */
export type ProjectChange = { status: "ok" | "unchanged" };

const projectPage = (projectId: string) => `/dashboard/projects/${projectId}`;

/**
 * Staff set up a project for a customer account; its members are told, unless the caller tells them
 * itself (a converted request says "your request is now a project" instead).
 */
export async function createProject(admin: Actor, input: ProjectInput, info: RequestInfo, db?: Transaction, options: { notifyMembers: boolean } = { notifyMembers: true }): Promise<{ id: string }> {
  assertStaff(admin);
  return inTransaction(async (tx) => {
    if (!(await getCustomerAccount(input.accountId, tx))) throw new AppError("not_found", "That customer does not exist.");
    const project = await insertProject({ ...input, createdById: admin.id }, tx);
    await createAuditEntry(
      { action: "admin.project_created", actorId: admin.id, ip: info.ip, userAgent: info.userAgent, metadata: { projectId: project.id, accountId: input.accountId, name: input.name } },
      tx,
    );
    if (options.notifyMembers) {
      for (const userId of await listAccountMemberIds(input.accountId, tx)) {
        await notify(userId, { type: "project.created", params: { project: input.name }, link: projectPage(project.id) }, tx);
      }
    }
    return project;
  }, db);
}

type StaffContext = { tx: Transaction; project: LockedProject };
type StaffWork<T> = (context: StaffContext) => Promise<{ result: T; audit: { action: AuditAction; metadata?: Record<string, string | number | boolean | null> } | null }>;

/**
 * The frame of every staff change to a project or its parts: staff only, one transaction, the
 * project locked (or not_found), its place in the staff table refreshed, and one audit row.
 * `target` is the project's id, or finds it from the part's id inside the transaction.
 */
async function changeProject<T>(admin: Actor, target: string | ((tx: Transaction) => Promise<string | null>), info: RequestInfo, db: Transaction | undefined, work: StaffWork<T>): Promise<T> {
  assertStaff(admin);
  return inTransaction(async (tx) => {
    const projectId = typeof target === "string" ? target : await target(tx);
    const project = projectId ? await lockProject(projectId, tx) : null;
    if (!project) throw new AppError("not_found", "That project does not exist.");
    const { result, audit } = await work({ tx, project });
    if (audit) {
      await updateProjectRow(project.id, {}, tx);
      await createAuditEntry(
        { action: audit.action, actorId: admin.id, ip: info.ip, userAgent: info.userAgent, metadata: { projectId: project.id, accountId: project.accountId, ...audit.metadata } },
        tx,
      );
    }
    return result;
  }, db);
}

const timelineTypes = {
  "project.statusChanged": "project.statusChanged",
  "project.milestoneCompleted": "project.milestoneReached",
  "project.updatePosted": "project.updatePosted",
  "project.deliverableAdded": "project.deliverableAdded",
} as const satisfies Partial<Record<NotificationType, ActivityType>>;

/** Tells every member and puts the news on the account's timeline. */
async function notifyMembers(project: LockedProject, type: keyof typeof timelineTypes, params: Record<string, string>, tx: Transaction): Promise<void> {
  await recordActivity({ accountId: project.accountId, type: timelineTypes[type], params: { project: project.name, ...params }, link: projectPage(project.id) }, tx);
  for (const userId of await listAccountMemberIds(project.accountId, tx)) {
    await notify(userId, { type, params: { project: project.name, ...params }, link: projectPage(project.id) }, tx);
  }
}

const unchanged = { result: { status: "unchanged" as const }, audit: null };

export async function updateProject(
  admin: Actor,
  input: { projectId: string; name: string; description: string; startDate: string | null; dueDate: string | null },
  info: RequestInfo,
  db?: Transaction,
): Promise<ProjectChange> {
  return changeProject<ProjectChange>(admin, input.projectId, info, db, async ({ tx, project }) => {
    const values = { name: input.name, description: input.description, startDate: input.startDate, dueDate: input.dueDate };
    const fields = (Object.keys(values) as (keyof typeof values)[]).filter((key) => values[key] !== project[key]);
    if (fields.length === 0) return unchanged;
    await updateProjectRow(project.id, values, tx);
    return { result: { status: "ok" }, audit: { action: "admin.project_updated", metadata: { fields: fields.join(",") } } };
  });
}

/** A new status tells every member of the account, in-app and by email as each one's preferences allow. */
export async function changeProjectStatus(admin: Actor, input: { projectId: string; status: ProjectStatus }, info: RequestInfo, db?: Transaction): Promise<ProjectChange> {
  return changeProject<ProjectChange>(admin, input.projectId, info, db, async ({ tx, project }) => {
    if (project.status === input.status) return unchanged;
    await updateProjectRow(project.id, { status: input.status }, tx);
    await notifyMembers(project, "project.statusChanged", { status: input.status }, tx);
    await emitWebhookEvent({ accountId: project.accountId, type: "project.status_changed", data: projectStatusEventData(project, project.status, input.status) }, tx);
    return { result: { status: "ok" }, audit: { action: "admin.project_status_changed", metadata: { from: project.status, to: input.status } } };
  });
}

/** `progress` null goes back to deriving it from the tasks. */
export async function setProjectProgress(admin: Actor, input: { projectId: string; progress: number | null }, info: RequestInfo, db?: Transaction): Promise<ProjectChange> {
  return changeProject<ProjectChange>(admin, input.projectId, info, db, async ({ tx, project }) => {
    if (project.progressOverride === input.progress) return unchanged;
    await updateProjectRow(project.id, { progressOverride: input.progress }, tx);
    return { result: { status: "ok" }, audit: { action: "admin.project_updated", metadata: { fields: "progress", progress: input.progress } } };
  });
}

/** New tasks go to the end of the list. */
export async function createTask(admin: Actor, input: { projectId: string; title: string }, info: RequestInfo, db?: Transaction): Promise<{ id: string }> {
  return changeProject(admin, input.projectId, info, db, async ({ tx, project }) => {
    const tasks = await listTasksInOrder(project.id, tx);
    const task = await insertTask({ projectId: project.id, title: input.title, position: tasks.length }, tx);
    return { result: task, audit: { action: "admin.project_task_created", metadata: { taskId: task.id } } };
  });
}

async function findTask(projectId: string, taskId: string, tx: Transaction) {
  const tasks = await listTasksInOrder(projectId, tx);
  const index = tasks.findIndex((task) => task.id === taskId);
  if (index < 0) throw new AppError("not_found", "That task does not exist.");
  return { tasks, index, task: tasks[index]! };
}

/** Saves a task's title and state; it counts as completed from the moment it is set to done. */
export async function updateTask(admin: Actor, input: { taskId: string; title: string; state: TaskState }, info: RequestInfo, db?: Transaction): Promise<ProjectChange> {
  return changeProject<ProjectChange>(admin, (tx) => getTaskProjectId(input.taskId, tx), info, db, async ({ tx, project }) => {
    const { task } = await findTask(project.id, input.taskId, tx);
    if (task.title === input.title && task.state === input.state) return unchanged;
    const completedAt = input.state !== "done" ? { completedAt: null } : task.state === "done" ? {} : { completedAt: new Date() };
    await updateTaskRow(task.id, { title: input.title, state: input.state, ...completedAt }, tx);
    return { result: { status: "ok" }, audit: { action: "admin.project_task_updated", metadata: { taskId: task.id, state: input.state } } };
  });
}

/** Swaps the task with its neighbour; positions stay 0…n-1. At either end it stays where it is. */
export async function moveTask(admin: Actor, input: { taskId: string; direction: "up" | "down" }, info: RequestInfo, db?: Transaction): Promise<ProjectChange> {
  return changeProject<ProjectChange>(admin, (tx) => getTaskProjectId(input.taskId, tx), info, db, async ({ tx, project }) => {
    const { tasks, index } = await findTask(project.id, input.taskId, tx);
    const other = input.direction === "up" ? index - 1 : index + 1;
    if (other < 0 || other >= tasks.length) return unchanged;
    const order = tasks.map((task) => task.id);
    [order[index], order[other]] = [order[other]!, order[index]!];
    await setTaskPositions(tasks, order, tx);
    return { result: { status: "ok" }, audit: { action: "admin.project_task_moved", metadata: { taskId: input.taskId, position: other } } };
  });
}

export async function deleteTask(admin: Actor, input: { taskId: string }, info: RequestInfo, db?: Transaction): Promise<void> {
  await changeProject(admin, (tx) => getTaskProjectId(input.taskId, tx), info, db, async ({ tx, project }) => {
    const { tasks, task } = await findTask(project.id, input.taskId, tx);
    await deleteTaskRow(task.id, tx);
    const rest = tasks.filter((row) => row.id !== task.id);
    await setTaskPositions(rest, rest.map((row) => row.id), tx);
    return { result: undefined, audit: { action: "admin.project_task_deleted", metadata: { taskId: task.id, title: task.title } } };
  });
}

export async function createMilestone(admin: Actor, input: { projectId: string; title: string; dueDate: string }, info: RequestInfo, db?: Transaction): Promise<{ id: string }> {
  return changeProject(admin, input.projectId, info, db, async ({ tx, project }) => {
    const milestone = await insertMilestone({ projectId: project.id, title: input.title, dueDate: input.dueDate }, tx);
    return { result: milestone, audit: { action: "admin.project_milestone_created", metadata: { milestoneId: milestone.id } } };
  });
}

async function findMilestone(milestoneId: string, tx: Transaction) {
  const milestone = await getMilestone(milestoneId, tx);
  if (!milestone) throw new AppError("not_found", "That milestone does not exist.");
  return milestone;
}

export async function updateMilestone(admin: Actor, input: { milestoneId: string; title: string; dueDate: string }, info: RequestInfo, db?: Transaction): Promise<ProjectChange> {
  return changeProject<ProjectChange>(admin, (tx) => getMilestoneProjectId(input.milestoneId, tx), info, db, async ({ tx }) => {
    const milestone = await findMilestone(input.milestoneId, tx);
    if (milestone.title === input.title && milestone.dueDate === input.dueDate) return unchanged;
    await updateMilestoneRow(milestone.id, { title: input.title, dueDate: input.dueDate }, tx);
    return { result: { status: "ok" }, audit: { action: "admin.project_milestone_updated", metadata: { milestoneId: milestone.id } } };
  });
}

/** Marking a milestone done tells the account's members; reopening it is quiet. */
export async function setMilestoneDone(admin: Actor, input: { milestoneId: string; done: boolean }, info: RequestInfo, db?: Transaction): Promise<ProjectChange> {
  return changeProject<ProjectChange>(admin, (tx) => getMilestoneProjectId(input.milestoneId, tx), info, db, async ({ tx, project }) => {
    const milestone = await findMilestone(input.milestoneId, tx);
    if ((milestone.completedAt !== null) === input.done) return unchanged;
    const completedAt = input.done ? new Date() : null;
    await updateMilestoneRow(milestone.id, { completedAt }, tx);
    if (completedAt) {
      await notifyMembers(project, "project.milestoneCompleted", { milestone: milestone.title }, tx);
      await emitWebhookEvent({ accountId: project.accountId, type: "milestone.reached", data: milestoneEventData(project, milestone, completedAt) }, tx);
    }
    return { result: { status: "ok" }, audit: { action: "admin.project_milestone_updated", metadata: { milestoneId: milestone.id, completed: input.done } } };
  });
}

export async function deleteMilestone(admin: Actor, input: { milestoneId: string }, info: RequestInfo, db?: Transaction): Promise<void> {
  await changeProject(admin, (tx) => getMilestoneProjectId(input.milestoneId, tx), info, db, async ({ tx }) => {
    const milestone = await findMilestone(input.milestoneId, tx);
    await deleteMilestoneRow(milestone.id, tx);
    return { result: undefined, audit: { action: "admin.project_milestone_deleted", metadata: { milestoneId: milestone.id, title: milestone.title } } };
  });
}

/** An update goes on the project's timeline and tells the account's members. */
export async function postProjectUpdate(admin: Actor, input: { projectId: string; body: string }, info: RequestInfo, db?: Transaction): Promise<{ id: string }> {
  return changeProject(admin, input.projectId, info, db, async ({ tx, project }) => {
    const update = await insertProjectUpdate({ projectId: project.id, authorId: admin.id, body: input.body }, tx);
    await notifyMembers(project, "project.updatePosted", {}, tx);
    return { result: update, audit: { action: "admin.project_update_posted", metadata: { updateId: update.id } } };
  });
}

/**
 * A document for the customer: the staff member's own pending upload becomes a deliverable file
 * of the project's account (so its members may download it), and the members are told.
 */
export async function addDeliverable(admin: Actor, input: { projectId: string; title: string; fileId: string }, info: RequestInfo, db?: Transaction): Promise<{ id: string }> {
  return changeProject(admin, input.projectId, info, db, async ({ tx, project }) => {
    const [file] = await claimUploads(admin, [input.fileId], { purpose: "deliverable", accountId: project.accountId }, tx);
    const deliverable = await insertDeliverable({ projectId: project.id, fileId: file!.id, title: input.title, uploadedById: admin.id }, tx);
    await notifyMembers(project, "project.deliverableAdded", { title: input.title }, tx);
    return { result: deliverable, audit: { action: "admin.project_deliverable_added", metadata: { deliverableId: deliverable.id, fileId: file!.id } } };
  });
}

/** Removes the deliverable and its file; the bytes go once the rows are gone. */
export async function removeDeliverable(admin: Actor, input: { deliverableId: string }, info: RequestInfo, db?: Transaction): Promise<void> {
  const storageKey = await changeProject(admin, (tx) => getDeliverableProjectId(input.deliverableId, tx), info, db, async ({ tx }) => {
    const removed = await deleteDeliverable(input.deliverableId, tx);
    if (!removed) throw new AppError("not_found", "That document does not exist.");
    return { result: removed.storageKey, audit: { action: "admin.project_deliverable_removed", metadata: { deliverableId: input.deliverableId, fileId: removed.fileId, title: removed.title } } };
  });
  await deleteStoredBytes(storageKey);
}

/**
 * A member of the project's account rates it once it is completed: one rating per project, which
 * any member may change later. Staff are told. Another account's project is not_found.
 */
export async function rateProject(actor: Actor, input: { projectId: string; rating: number; comment: string }, info: RequestInfo, db?: Transaction): Promise<void> {
  if (!actor.accountId) throw new AppError("not_found", "That project does not exist.");
  const accountId = actor.accountId;
  if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) throw new AppError("bad_request", "A rating is 1 to 5 stars.");
  await inTransaction(async (tx) => {
    const project = await getProjectOfAccountForUpdate(accountId, input.projectId, tx);
    if (!project) throw new AppError("not_found", "That project does not exist.");
    if (project.status !== "completed") throw new AppError("bad_request", "Only a completed project can be rated.");
    await upsertProjectRating({ projectId: project.id, userId: actor.id, rating: input.rating, comment: input.comment }, tx);
    await createAuditEntry(
      { action: "user.project_rated", actorId: actor.id, targetUserId: actor.id, ip: info.ip, userAgent: info.userAgent, metadata: { projectId: project.id, accountId, rating: input.rating } },
      tx,
    );
    for (const staffId of await listActiveStaffIds(tx)) {
      await notify(
        staffId,
        { type: "staff.projectRated", params: { customer: project.accountName, project: project.name, rating: input.rating }, link: `/admin/projects/${project.id}` },
        tx,
      );
    }
  }, db);
}
