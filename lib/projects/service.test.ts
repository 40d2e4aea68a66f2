import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  adminListProjects,
  getProjectForAccount,
  listActiveProjectSummaries,
  listProjectsForAccount,
  listUpcomingMilestones,
} from "@/db/queries/projects";
import { createAuthSession, getActiveSessionUser, type SessionUser } from "@/db/queries/sessions";
import { createUser } from "@/db/queries/users";
import { auditLog, emailOutbox, notifications, projectRatings, storedFiles } from "@/db/schema";
import { setupTestDatabase, signedInUser, uniqueEmail, uniqueIp } from "@/db/testing";
import type { ProjectStatus } from "@/lib/constants";
import { getFileForDownload } from "@/lib/files/service";
import { setStorage } from "@/lib/storage";
import { localDiskStorage } from "@/lib/storage/local";
import { receiveUpload } from "@/lib/uploads/service";
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
  rateProject,
  removeDeliverable,
  setMilestoneDone,
  setProjectProgress,
  updateMilestone,
  updateProject,
  updateTask,
} from "./service";

const db = setupTestDatabase();
let storageRoot: string;
beforeAll(async () => {
  storageRoot = await mkdtemp(path.join(os.tmpdir(), "clientdesk-projects-"));
  setStorage(localDiskStorage(storageRoot));
});
afterAll(async () => {
  await rm(storageRoot, { recursive: true, force: true });
});
const info = () => ({ ip: uniqueIp(), userAgent: "vitest" });

/** An admin who has not turned two-factor on: staff services must refuse them. */
async function staffWithoutTwoFactor(): Promise<SessionUser> {
  const user = await createUser({ email: uniqueEmail("no2fa"), name: "Nina No2fa", passwordHash: "x", role: "admin", locale: "en" });
  return (await getActiveSessionUser((await createAuthSession({ userId: user.id, ip: null, userAgent: null }))!))!;
}

async function projectFor(customer: SessionUser, staff: SessionUser, status: ProjectStatus = "in_progress", name = "Website relaunch") {
  return createProject(staff, { accountId: customer.accountId!, name, description: "New site", status, startDate: "2026-01-05", dueDate: "2026-06-30" }, info());
}

async function auditOf(projectId: string) {
  return db()
    .select({ action: auditLog.action, actorId: auditLog.actorId, metadata: auditLog.metadata })
    .from(auditLog)
    .where(sql`${auditLog.metadata}->>'projectId' = ${projectId}`)
    .orderBy(asc(auditLog.createdAt), asc(auditLog.id));
}

async function notificationsOf(userId: string) {
  return db().select({ type: notifications.type, params: notifications.params, link: notifications.link }).from(notifications).where(eq(notifications.userId, userId)).orderBy(asc(notifications.createdAt));
}

async function tasksOf(customer: SessionUser, projectId: string) {
  return (await getProjectForAccount(customer.accountId!, projectId))!.tasks.map((task) => ({ title: task.title, position: task.position }));
}

describe("staff project services", () => {
  it("refuse customers and staff without two-factor, and write nothing", async () => {
    const [staff, customer, no2fa] = await Promise.all([signedInUser("admin"), signedInUser("customer"), staffWithoutTwoFactor()]);
    const project = await projectFor(customer, staff);
    const task = await createTask(staff, { projectId: project.id, title: "Wireframes" }, info());
    const milestone = await createMilestone(staff, { projectId: project.id, title: "Launch", dueDate: "2026-06-01" }, info());
    const before = await auditOf(project.id);
    const attempts = (actor: SessionUser) => [
      () => createProject(actor, { accountId: customer.accountId!, name: "Sneaky", description: "", status: "planned", startDate: null, dueDate: null }, info()),
      () => updateProject(actor, { projectId: project.id, name: "Renamed", description: "", startDate: null, dueDate: null }, info()),
      () => changeProjectStatus(actor, { projectId: project.id, status: "cancelled" }, info()),
      () => setProjectProgress(actor, { projectId: project.id, progress: 90 }, info()),
      () => createTask(actor, { projectId: project.id, title: "Extra" }, info()),
      () => updateTask(actor, { taskId: task.id, title: "Changed", state: "done" }, info()),
      () => moveTask(actor, { taskId: task.id, direction: "down" }, info()),
      () => deleteTask(actor, { taskId: task.id }, info()),
      () => createMilestone(actor, { projectId: project.id, title: "Extra", dueDate: "2026-07-01" }, info()),
      () => updateMilestone(actor, { milestoneId: milestone.id, title: "Changed", dueDate: "2026-07-01" }, info()),
      () => setMilestoneDone(actor, { milestoneId: milestone.id, done: true }, info()),
      () => deleteMilestone(actor, { milestoneId: milestone.id }, info()),
      () => postProjectUpdate(actor, { projectId: project.id, body: "Hello" }, info()),
      () => removeDeliverable(actor, { deliverableId: task.id }, info()),
      () => addDeliverable(actor, { projectId: project.id, title: "Doc", fileId: task.id }, info()),
    ];
    for (const [actor, code] of [
      [customer, "forbidden"],
      [no2fa, "two_factor_required"],
    ] as const) {
      for (const attempt of attempts(actor)) await expect(attempt()).rejects.toMatchObject({ code });
    }
    expect(await auditOf(project.id)).toEqual(before);
    const seen = await getProjectForAccount(customer.accountId!, project.id);
    expect(seen).toMatchObject({ name: "Website relaunch", status: "in_progress", progress: 0, updates: [] });
    expect(seen?.tasks.map((row) => row.title)).toEqual(["Wireframes"]);
    expect(seen?.milestones.map((row) => row.completedAt)).toEqual([null]);
  });

  it("answer not_found for ids that do not exist, and write nothing", async () => {
    const staff = await signedInUser("admin");
    const missing = "00000000-0000-4000-8000-000000000000";
    await expect(updateTask(staff, { taskId: missing, title: "x", state: "todo" }, info())).rejects.toMatchObject({ code: "not_found" });
    await expect(changeProjectStatus(staff, { projectId: missing, status: "completed" }, info())).rejects.toMatchObject({ code: "not_found" });
    await expect(setMilestoneDone(staff, { milestoneId: missing, done: true }, info())).rejects.toMatchObject({ code: "not_found" });
    await expect(removeDeliverable(staff, { deliverableId: missing }, info())).rejects.toMatchObject({ code: "not_found" });
    await expect(createProject(staff, { accountId: missing, name: "x", description: "", status: "planned", startDate: null, dueDate: null }, info())).rejects.toMatchObject({ code: "not_found" });
  });

  it("create a project for the customer's account, tell its members, and audit each edit with the fields it changed", async () => {
    const [staff, customer] = await Promise.all([signedInUser("admin"), signedInUser("customer")]);
    const project = await projectFor(customer, staff);
    expect(await notificationsOf(customer.id)).toEqual([{ type: "project.created", params: { project: "Website relaunch" }, link: `/dashboard/projects/${project.id}` }]);

    expect(await updateProject(staff, { projectId: project.id, name: "Website relaunch", description: "New site", startDate: "2026-01-05", dueDate: "2026-06-30" }, info())).toEqual({
      status: "unchanged",
    });
    expect(await updateProject(staff, { projectId: project.id, name: "Shop relaunch", description: "New site", startDate: null, dueDate: "2026-07-31" }, info())).toEqual({ status: "ok" });
    expect(await getProjectForAccount(customer.accountId!, project.id)).toMatchObject({ name: "Shop relaunch", startDate: null, dueDate: "2026-07-31" });
    expect(await auditOf(project.id)).toEqual([
      { action: "admin.project_created", actorId: staff.id, metadata: { projectId: project.id, accountId: customer.accountId, name: "Website relaunch" } },
      { action: "admin.project_updated", actorId: staff.id, metadata: { projectId: project.id, accountId: customer.accountId, fields: "name,startDate,dueDate" } },
    ]);
  });

  it("change the status, telling every member in the app and by email, with an audit row", async () => {
    const [staff, customer] = await Promise.all([signedInUser("admin"), signedInUser("customer")]);
    const project = await projectFor(customer, staff, "planned");
    expect(await changeProjectStatus(staff, { projectId: project.id, status: "in_progress" }, info())).toEqual({ status: "ok" });
    expect(await changeProjectStatus(staff, { projectId: project.id, status: "in_progress" }, info())).toEqual({ status: "unchanged" });

    expect((await notificationsOf(customer.id)).at(-1)).toEqual({
      type: "project.statusChanged",
      params: { project: "Website relaunch", status: "in_progress" },
      link: `/dashboard/projects/${project.id}`,
    });
    const mails = await db()
      .select({ subject: emailOutbox.subject })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, customer.email), eq(emailOutbox.template, "notification")))
      .orderBy(asc(emailOutbox.createdAt));
    expect(mails.map((mail) => mail.subject)).toEqual(["New project: Website relaunch", "“Website relaunch” is now in progress"]);
    expect((await auditOf(project.id)).filter((row) => row.action === "admin.project_status_changed").map((row) => row.metadata)).toEqual([
      { projectId: project.id, accountId: customer.accountId, from: "planned", to: "in_progress" },
    ]);
  });

  it("keep task positions dense through adding, moving and deleting, and derive progress from done tasks unless overridden", async () => {
    const [staff, customer] = await Promise.all([signedInUser("admin"), signedInUser("customer")]);
    const project = await projectFor(customer, staff);
    const [a, b, c] = [
      await createTask(staff, { projectId: project.id, title: "A" }, info()),
      await createTask(staff, { projectId: project.id, title: "B" }, info()),
      await createTask(staff, { projectId: project.id, title: "C" }, info()),
    ];
    expect(await moveTask(staff, { taskId: c.id, direction: "up" }, info())).toEqual({ status: "ok" });
    expect(await tasksOf(customer, project.id)).toEqual([
      { title: "A", position: 0 },
      { title: "C", position: 1 },
      { title: "B", position: 2 },
    ]);
    expect(await moveTask(staff, { taskId: a.id, direction: "up" }, info()), "the first task cannot move up").toEqual({ status: "unchanged" });
    expect(await moveTask(staff, { taskId: b.id, direction: "down" }, info()), "the last task cannot move down").toEqual({ status: "unchanged" });
    await deleteTask(staff, { taskId: a.id }, info());
    expect(await tasksOf(customer, project.id)).toEqual([
      { title: "C", position: 0 },
      { title: "B", position: 1 },
    ]);

    await updateTask(staff, { taskId: b.id, title: "B", state: "done" }, info());
    const done = await getProjectForAccount(customer.accountId!, project.id);
    expect(done).toMatchObject({ progress: 50, progressDerived: true, tasksDone: 1, tasksTotal: 2 });
    expect(done?.tasks.find((task) => task.id === b.id)?.completedAt).toBeInstanceOf(Date);
    await updateTask(staff, { taskId: b.id, title: "B again", state: "in_progress" }, info());
    expect((await getProjectForAccount(customer.accountId!, project.id))?.tasks.find((task) => task.id === b.id)).toMatchObject({ title: "B again", completedAt: null });

    await setProjectProgress(staff, { projectId: project.id, progress: 75 }, info());
    expect(await getProjectForAccount(customer.accountId!, project.id)).toMatchObject({ progress: 75, progressDerived: false });
    expect((await listProjectsForAccount(customer.accountId!))[0]).toMatchObject({ id: project.id, progress: 75 });
    await setProjectProgress(staff, { projectId: project.id, progress: null }, info());
    expect(await getProjectForAccount(customer.accountId!, project.id)).toMatchObject({ progress: 0, progressDerived: true });

    expect((await auditOf(project.id)).map((row) => row.action)).toEqual([
      "admin.project_created",
      "admin.project_task_created",
      "admin.project_task_created",
      "admin.project_task_created",
      "admin.project_task_moved",
      "admin.project_task_deleted",
      "admin.project_task_updated",
      "admin.project_task_updated",
      "admin.project_updated",
      "admin.project_updated",
    ]);
  });

  it("tell the members when a milestone is done (not when it is reopened) and when an update is posted", async () => {
    const [staff, customer] = await Promise.all([signedInUser("admin"), signedInUser("customer")]);
    const project = await projectFor(customer, staff);
    const milestone = await createMilestone(staff, { projectId: project.id, title: "Design approved", dueDate: "2026-02-01" }, info());
    await updateMilestone(staff, { milestoneId: milestone.id, title: "Design signed off", dueDate: "2026-02-15" }, info());
    expect(await setMilestoneDone(staff, { milestoneId: milestone.id, done: true }, info())).toEqual({ status: "ok" });
    expect(await setMilestoneDone(staff, { milestoneId: milestone.id, done: true }, info())).toEqual({ status: "unchanged" });
    await setMilestoneDone(staff, { milestoneId: milestone.id, done: false }, info());
    await postProjectUpdate(staff, { projectId: project.id, body: "First designs are in." }, info());
    await postProjectUpdate(staff, { projectId: project.id, body: "Second round." }, info());

    expect((await notificationsOf(customer.id)).map((row) => row.type)).toEqual(["project.created", "project.milestoneCompleted", "project.updatePosted", "project.updatePosted"]);
    expect((await notificationsOf(customer.id))[1]).toMatchObject({ params: { project: "Website relaunch", milestone: "Design signed off" }, link: `/dashboard/projects/${project.id}` });
    const seen = await getProjectForAccount(customer.accountId!, project.id);
    expect(seen?.milestones).toMatchObject([{ title: "Design signed off", dueDate: "2026-02-15", completedAt: null }]);
    expect(seen?.updates.map((update) => [update.body, update.authorName])).toEqual([
      ["Second round.", staff.name],
      ["First designs are in.", staff.name],
    ]);
    await deleteMilestone(staff, { milestoneId: milestone.id }, info());
    expect((await getProjectForAccount(customer.accountId!, project.id))?.milestones).toEqual([]);
    expect((await auditOf(project.id)).map((row) => row.action).slice(1)).toEqual([
      "admin.project_milestone_created",
      "admin.project_milestone_updated",
      "admin.project_milestone_updated",
      "admin.project_milestone_updated",
      "admin.project_update_posted",
      "admin.project_update_posted",
      "admin.project_milestone_deleted",
    ]);
  });
});

describe("deliverables", () => {
  const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
  async function uploaded(actor: SessionUser, purpose: "deliverable" | "message_attachment" = "deliverable") {
    const result = await receiveUpload(actor, { purpose, fileName: "handover.pdf", body: pdf, declaredBytes: pdf.byteLength });
    if (result.status !== "ok") throw new Error(result.status);
    return result.file.id;
  }

  it("become the account's files: its members download them and are told; removing one deletes its file", async () => {
    const [staff, customer, other] = await Promise.all([signedInUser("admin"), signedInUser("customer"), signedInUser("customer", "other")]);
    const project = await projectFor(customer, staff);
    const fileId = await uploaded(staff);
    const deliverable = await addDeliverable(staff, { projectId: project.id, title: "Handover notes", fileId }, info());

    expect((await getProjectForAccount(customer.accountId!, project.id))?.deliverables).toMatchObject([
      { id: deliverable.id, title: "Handover notes", fileId, fileName: "handover.pdf", contentType: "application/pdf", sizeBytes: pdf.byteLength },
    ]);
    expect((await getFileForDownload(customer, fileId)).file).toMatchObject({ purpose: "deliverable", accountId: customer.accountId });
    await expect(getFileForDownload(other, fileId)).rejects.toMatchObject({ code: "not_found" });
    expect((await notificationsOf(customer.id)).at(-1)).toEqual({ type: "project.deliverableAdded", params: { project: "Website relaunch", title: "Handover notes" }, link: `/dashboard/projects/${project.id}` });

    await removeDeliverable(staff, { deliverableId: deliverable.id }, info());
    expect((await getProjectForAccount(customer.accountId!, project.id))?.deliverables).toEqual([]);
    expect(await db().select().from(storedFiles).where(eq(storedFiles.id, fileId))).toEqual([]);
    expect((await auditOf(project.id)).map((row) => row.action).slice(1)).toEqual(["admin.project_deliverable_added", "admin.project_deliverable_removed"]);
  });

  it("refuse a file that is not the staff member's own pending upload, and write nothing", async () => {
    const [staff, colleague, customer] = await Promise.all([signedInUser("admin"), signedInUser("admin", "colleague"), signedInUser("customer")]);
    const project = await projectFor(customer, staff);
    const theirs = await uploaded(colleague);
    await expect(addDeliverable(staff, { projectId: project.id, title: "Not mine", fileId: theirs }, info())).rejects.toMatchObject({ code: "invalid_attachments" });
    const mine = await uploaded(staff);
    await addDeliverable(staff, { projectId: project.id, title: "Once", fileId: mine }, info());
    await expect(addDeliverable(staff, { projectId: project.id, title: "Twice", fileId: mine }, info()), "a claimed upload cannot be claimed again").rejects.toMatchObject({ code: "invalid_attachments" });
    expect((await getProjectForAccount(customer.accountId!, project.id))?.deliverables.map((row) => row.title)).toEqual(["Once"]);
    expect((await auditOf(project.id)).map((row) => row.action)).toEqual(["admin.project_created", "admin.project_deliverable_added"]);
  });
});

describe("rating a project", () => {
  it("is for completed projects only, 1 to 5 stars, one rating per project that members may change; staff are told", async () => {
    const [staff, customer] = await Promise.all([signedInUser("admin"), signedInUser("customer")]);
    const project = await projectFor(customer, staff, "in_progress", "Brand book");
    await expect(rateProject(customer, { projectId: project.id, rating: 5, comment: "" }, info())).rejects.toMatchObject({ code: "bad_request" });
    await changeProjectStatus(staff, { projectId: project.id, status: "completed" }, info());
    for (const rating of [0, 6, 2.5]) await expect(rateProject(customer, { projectId: project.id, rating, comment: "" }, info())).rejects.toMatchObject({ code: "bad_request" });
    expect(await db().select().from(projectRatings).where(eq(projectRatings.projectId, project.id))).toEqual([]);

    await rateProject(customer, { projectId: project.id, rating: 4, comment: "Good work" }, info());
    await rateProject(customer, { projectId: project.id, rating: 5, comment: "Even better after the fixes" }, info());
    expect(await db().select({ rating: projectRatings.rating, comment: projectRatings.comment, userId: projectRatings.userId }).from(projectRatings).where(eq(projectRatings.projectId, project.id))).toEqual([
      { rating: 5, comment: "Even better after the fixes", userId: customer.id },
    ]);
    expect((await getProjectForAccount(customer.accountId!, project.id))?.rating).toMatchObject({ rating: 5, authorName: customer.name });
    expect((await notificationsOf(staff.id)).filter((row) => row.type === "staff.projectRated").at(-1)).toEqual({
      type: "staff.projectRated",
      params: { customer: customer.name, project: "Brand book", rating: 5 },
      link: `/admin/projects/${project.id}`,
    });
    expect((await auditOf(project.id)).filter((row) => row.action === "user.project_rated").map((row) => [row.actorId, row.metadata.rating])).toEqual([
      [customer.id, 4],
      [customer.id, 5],
    ]);
  });

  it("refuses another account's project as not_found and writes nothing", async () => {
    const [staff, owner, other] = await Promise.all([signedInUser("admin"), signedInUser("customer", "owner"), signedInUser("customer", "other")]);
    const project = await projectFor(owner, staff, "completed", "Owner's secret project");
    await expect(rateProject(other, { projectId: project.id, rating: 1, comment: "Sabotage" }, info())).rejects.toMatchObject({ code: "not_found" });
    await expect(rateProject(staff, { projectId: project.id, rating: 1, comment: "Staff" }, info()), "staff have no account to rate from").rejects.toMatchObject({ code: "not_found" });
    expect(await db().select().from(projectRatings).where(eq(projectRatings.projectId, project.id))).toEqual([]);
    expect((await auditOf(project.id)).map((row) => row.action)).toEqual(["admin.project_created"]);
  });
});

describe("project queries", () => {
  it("show a customer only their own account's projects and milestones", async () => {
    const [staff, owner, other] = await Promise.all([signedInUser("admin"), signedInUser("customer", "owner"), signedInUser("customer", "other")]);
    const project = await projectFor(owner, staff);
    await createMilestone(staff, { projectId: project.id, title: "Kick-off", dueDate: "2026-01-10" }, info());
    expect(await getProjectForAccount(other.accountId!, project.id)).toBeNull();
    expect(await listProjectsForAccount(other.accountId!)).toEqual([]);
    expect(await listActiveProjectSummaries(other.accountId!)).toEqual([]);
    expect(await listUpcomingMilestones(other.accountId!)).toEqual([]);
    expect((await listProjectsForAccount(owner.accountId!)).map((row) => row.id)).toEqual([project.id]);
  });

  it("filter the customer's list by status and name, with the next open milestone", async () => {
    const [staff, customer] = await Promise.all([signedInUser("admin"), signedInUser("customer")]);
    const shop = await projectFor(customer, staff, "in_progress", "Shop 100% redesign");
    await projectFor(customer, staff, "completed", "Logo");
    await projectFor(customer, staff, "cancelled", "Old app");
    const first = await createMilestone(staff, { projectId: shop.id, title: "Beta", dueDate: "2026-03-01" }, info());
    await createMilestone(staff, { projectId: shop.id, title: "Launch", dueDate: "2026-04-01" }, info());
    await setMilestoneDone(staff, { milestoneId: first.id, done: true }, info());

    expect((await listProjectsForAccount(customer.accountId!, { status: "completed" })).map((row) => row.name)).toEqual(["Logo"]);
    expect((await listProjectsForAccount(customer.accountId!, { search: "100%" })).map((row) => row.name), "% matches itself").toEqual(["Shop 100% redesign"]);
    expect((await listProjectsForAccount(customer.accountId!, { search: "shop" }))[0]?.nextMilestone).toEqual({ title: "Launch", dueDate: "2026-04-01" });
    expect((await listActiveProjectSummaries(customer.accountId!)).map((row) => row.name)).toEqual(["Shop 100% redesign"]);
    expect((await listUpcomingMilestones(customer.accountId!, 5)).map((row) => [row.title, row.projectName])).toEqual([["Launch", "Shop 100% redesign"]]);
  });

  it("page, filter and sort every customer's projects for staff", async () => {
    const [staff, customer] = await Promise.all([signedInUser("admin"), signedInUser("customer")]);
    const marker = `Zeta${Date.now()}`;
    for (const [name, status] of [
      [`${marker} B`, "planned"],
      [`${marker} A`, "in_progress"],
      [`${marker} C`, "in_progress"],
    ] as const) {
      await projectFor(customer, staff, status, name);
    }
    const base = { page: 1, pageSize: 2, sort: "name", direction: "asc", query: marker } as const;
    expect(await adminListProjects(base)).toMatchObject({ total: 3, rows: [{ name: `${marker} A`, customer: customer.name }, { name: `${marker} B` }] });
    expect((await adminListProjects({ ...base, page: 2 })).rows.map((row) => row.name)).toEqual([`${marker} C`]);
    expect((await adminListProjects({ ...base, status: "in_progress", direction: "desc" })).rows.map((row) => row.name)).toEqual([`${marker} C`, `${marker} A`]);
    expect((await adminListProjects({ ...base, accountId: staff.id })).total).toBe(0);
  });
});
