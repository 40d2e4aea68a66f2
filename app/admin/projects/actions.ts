"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { adminAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import {
  addDeliverable,
  changeProjectStatus,
  createMilestone,
  createProject,
  createTask,
  deleteMilestone,
  deleteTask,
  moveTask,
  postProjectUpdate,
  removeDeliverable,
  setMilestoneDone,
  setProjectProgress,
  updateMilestone,
  updateProject,
  updateTask,
  type ProjectChange,
} from "@/lib/projects/service";
import {
  addDeliverableSchema,
  createMilestoneSchema,
  createProjectSchema,
  createTaskSchema,
  deleteMilestoneSchema,
  deleteTaskSchema,
  milestoneDoneSchema,
  moveTaskSchema,
  postUpdateSchema,
  projectProgressSchema,
  projectStatusSchema,
  removeDeliverableSchema,
  updateMilestoneSchema,
  updateProjectSchema,
  updateTaskSchema,
} from "@/lib/validations/projects";

/** Both sides show the project: the staff pages and the customer's. */
function refresh(projectId?: string) {
  revalidatePath("/admin/projects", "layout");
  revalidatePath(projectId ? `/dashboard/projects/${projectId}` : "/dashboard/projects", projectId ? "page" : "layout");
}

async function outcome(change: ProjectChange, saved: string, projectId?: string): Promise<ActionState> {
  const t = await getTranslations("adminProjects.messages");
  if (change.status === "unchanged") return { ok: true, message: t("unchanged") };
  refresh(projectId);
  return { ok: true, message: t(saved) };
}

export const createProjectAction = adminAction(createProjectSchema, async (data, admin, { info }) => {
  const project = await createProject(admin, data, info);
  refresh();
  redirect(`/admin/projects/${project.id}?created=1`);
});

export const updateProjectAction = adminAction(updateProjectSchema, async (data, admin, { info }) => outcome(await updateProject(admin, data, info), "detailsSaved", data.projectId));

export const changeProjectStatusAction = adminAction(projectStatusSchema, async (data, admin, { info }) => outcome(await changeProjectStatus(admin, data, info), "statusChanged", data.projectId));

export const setProjectProgressAction = adminAction(projectProgressSchema, async (data, admin, { info }) => {
  const progress = data.mode === "set" ? data.progress : null;
  const result = await outcome(await setProjectProgress(admin, { projectId: data.projectId, progress }, info), progress === null ? "progressDerived" : "progressSet", data.projectId);
  // After "derive from tasks" the field empties: the value it held no longer applies.
  return data.mode === "derive" ? { ...result, values: {} } : result;
});

export const createTaskAction = adminAction(createTaskSchema, async (data, admin, { info }) => {
  await createTask(admin, data, info);
  refresh(data.projectId);
  const t = await getTranslations("adminProjects.messages");
  return { ok: true, message: t("taskAdded"), values: {} };
});

export const updateTaskAction = adminAction(updateTaskSchema, async (data, admin, { info }) => outcome(await updateTask(admin, data, info), "taskSaved"));

export const moveTaskAction = adminAction(moveTaskSchema, async (data, admin, { info }) => outcome(await moveTask(admin, data, info), data.direction === "up" ? "taskMovedUp" : "taskMovedDown"));

export const deleteTaskAction = adminAction(deleteTaskSchema, async (data, admin, { info }) => {
  await deleteTask(admin, data, info);
  refresh();
  return { ok: true, message: (await getTranslations("adminProjects.messages"))("taskDeleted") };
});

export const createMilestoneAction = adminAction(createMilestoneSchema, async (data, admin, { info }) => {
  await createMilestone(admin, data, info);
  refresh(data.projectId);
  return { ok: true, message: (await getTranslations("adminProjects.messages"))("milestoneAdded"), values: {} };
});

export const updateMilestoneAction = adminAction(updateMilestoneSchema, async (data, admin, { info }) => outcome(await updateMilestone(admin, data, info), "milestoneSaved"));

export const setMilestoneDoneAction = adminAction(milestoneDoneSchema, async (data, admin, { info }) =>
  outcome(await setMilestoneDone(admin, data, info), data.done ? "milestoneCompleted" : "milestoneReopened"),
);

export const deleteMilestoneAction = adminAction(deleteMilestoneSchema, async (data, admin, { info }) => {
  await deleteMilestone(admin, data, info);
  refresh();
  return { ok: true, message: (await getTranslations("adminProjects.messages"))("milestoneDeleted") };
});

export const postProjectUpdateAction = adminAction(postUpdateSchema, async (data, admin, { info }) => {
  await postProjectUpdate(admin, data, info);
  refresh(data.projectId);
  return { ok: true, message: (await getTranslations("adminProjects.messages"))("updatePosted"), values: {} };
});

export const addDeliverableAction = adminAction(addDeliverableSchema, async (data, admin, { info }) => {
  await addDeliverable(admin, { projectId: data.projectId, title: data.title, fileId: data.attachmentIds[0]! }, info);
  refresh(data.projectId);
  return { ok: true, message: (await getTranslations("adminProjects.messages"))("deliverableAdded"), values: {} };
});

export const removeDeliverableAction = adminAction(removeDeliverableSchema, async (data, admin, { info }) => {
  await removeDeliverable(admin, data, info);
  refresh();
  return { ok: true, message: (await getTranslations("adminProjects.messages"))("deliverableRemoved") };
});
