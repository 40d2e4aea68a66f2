import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getProjectRoute } from "@/app/api/v1/projects/[id]/route";
import { GET as downloadRoute } from "@/app/api/v1/projects/[id]/deliverables/[deliverableId]/file/route";
import { PUT as rateRoute } from "@/app/api/v1/projects/[id]/rating/route";
import { GET as listRoute } from "@/app/api/v1/projects/route";
import { getProjectForAccount, listProjectsForAccount } from "@/db/queries/projects";
import type { SessionUser } from "@/db/queries/sessions";
import { projectRatings } from "@/db/schema";
import { setupTestDatabase, signedInUser, uniqueIp } from "@/db/testing";
import { callApi, testApiToken } from "@/db/testing/api";
import type { ProjectStatus } from "@/lib/constants";
import { addDeliverable, createMilestone, createProject, createTask, postProjectUpdate, updateTask } from "@/lib/projects/service";
import { setStorage } from "@/lib/storage";
import { localDiskStorage } from "@/lib/storage/local";
import { receiveUpload } from "@/lib/uploads/service";
import { projectsEndpoints } from "./endpoints/projects";

const db = setupTestDatabase();
let storageRoot: string;
beforeAll(async () => {
  storageRoot = await mkdtemp(path.join(os.tmpdir(), "clientdesk-api-projects-"));
  setStorage(localDiskStorage(storageRoot));
});
afterAll(async () => {
  await rm(storageRoot, { recursive: true, force: true });
});

const info = () => ({ ip: uniqueIp(), userAgent: "vitest" });
const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

async function projectFor(customer: SessionUser, staff: SessionUser, status: ProjectStatus = "in_progress", name = "Website relaunch") {
  return (await createProject(staff, { accountId: customer.accountId!, name, description: "New site", status, startDate: "2026-01-05", dueDate: "2026-06-30" }, info())).id;
}

/** A project with a part of every kind, as staff fill it in. */
async function furnishedProject(customer: SessionUser, staff: SessionUser) {
  const projectId = await projectFor(customer, staff);
  const done = await createTask(staff, { projectId, title: "Wireframes" }, info());
  await updateTask(staff, { taskId: done.id, title: "Wireframes", state: "done" }, info());
  await createTask(staff, { projectId, title: "Design" }, info());
  await createMilestone(staff, { projectId, title: "Beta", dueDate: "2020-01-01" }, info());
  await postProjectUpdate(staff, { projectId, body: "Kick-off went well." }, info());
  const upload = await receiveUpload(staff, { purpose: "deliverable", fileName: "plan.pdf", body: pdf, declaredBytes: pdf.byteLength });
  if (upload.status !== "ok") throw new Error(upload.status);
  const deliverable = await addDeliverable(staff, { projectId, title: "Project plan", fileId: upload.file.id }, info());
  return { projectId, deliverableId: deliverable.id };
}

describe("GET /projects/{id}", () => {
  it("answers the project page's data: tasks, milestones, updates and deliverables with a download that serves the file", async () => {
    const [customer, staff] = await Promise.all([signedInUser("customer", "api-projects"), signedInUser("admin", "api-projects-staff")]);
    const { projectId, deliverableId } = await furnishedProject(customer, staff);
    const token = await testApiToken(customer, ["projects:read"]);

    const { status, json } = await callApi(getProjectRoute, projectsEndpoints.get, { token, params: { id: projectId } });
    expect(status).toBe(200);
    const page = (await getProjectForAccount(customer.accountId!, projectId))!;
    expect(json).toMatchObject({ id: projectId, name: "Website relaunch", status: "in_progress", progress: page.progress, tasksDone: 1, tasksTotal: 2 });
    expect(json.tasks.map((task: { title: string; state: string }) => [task.title, task.state])).toEqual(page.tasks.map((task) => [task.title, task.state]));
    expect(json.milestones).toEqual([expect.objectContaining({ title: "Beta", dueDate: "2020-01-01", completedAt: null, overdue: true })]);
    expect(json.updates).toEqual([expect.objectContaining({ body: "Kick-off went well.", authorName: staff.name })]);
    expect(json.deliverables).toEqual([
      expect.objectContaining({ id: deliverableId, title: "Project plan", fileName: "plan.pdf", contentType: "application/pdf", sizeBytes: pdf.byteLength }),
    ]);
    expect(json).not.toHaveProperty("accountId");

    const url = json.deliverables[0].downloadUrl as string;
    expect(url).toBe(`/api/v1/projects/${projectId}/deliverables/${deliverableId}/file`);
    const download = await callApi(downloadRoute, projectsEndpoints.deliverable, { token, params: { id: projectId, deliverableId } });
    expect(download.status).toBe(200);
    expect(download.response.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await download.response.arrayBuffer())).toEqual(pdf);
  });

  it("answers another customer's project, its deliverable and a malformed id with the same 404 and no data", async () => {
    const [customer, other, staff] = await Promise.all([signedInUser("customer", "api-owner"), signedInUser("customer", "api-stranger"), signedInUser("admin", "api-staff")]);
    const { projectId, deliverableId } = await furnishedProject(customer, staff);
    const token = await testApiToken(other);
    for (const id of [projectId, "not-a-uuid", "00000000-0000-4000-8000-000000000000"]) {
      const { status, json } = await callApi(getProjectRoute, projectsEndpoints.get, { token, params: { id } });
      expect(status).toBe(404);
      expect(json.error.code).toBe("not_found");
      expect(JSON.stringify(json)).not.toContain("Website relaunch");
    }
    const download = await callApi(downloadRoute, projectsEndpoints.deliverable, { token, params: { id: projectId, deliverableId } });
    expect(download.status).toBe(404);
    expect(download.response.headers.get("content-type")).toMatch(/^application\/json/);
  });

  it("refuses a token without projects:read", async () => {
    const customer = await signedInUser("customer", "api-no-scope");
    const token = await testApiToken(customer, ["messages:read", "invoices:write"]);
    const { status, json } = await callApi(listRoute, projectsEndpoints.list, { token });
    expect(status).toBe(403);
    expect(json.error.code).toBe("insufficient_scope");
  });
});

describe("GET /projects", () => {
  it("pages through exactly what the projects page lists, with its status and search filters", async () => {
    const [customer, other, staff] = await Promise.all([signedInUser("customer", "api-list"), signedInUser("customer", "api-list-other"), signedInUser("admin", "api-list-staff")]);
    const statuses: ProjectStatus[] = ["in_progress", "completed", "in_progress", "planned", "in_progress"];
    for (const [index, status] of statuses.entries()) await projectFor(customer, staff, status, `Project ${index} ${index % 2 ? "shop" : "site"}`);
    await projectFor(other, staff, "in_progress", "Someone else's site");
    const token = await testApiToken(customer, ["projects:read"]);

    const all = async (query: Record<string, string>) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const { status, json } = await callApi(listRoute, projectsEndpoints.list, { token, query: { ...query, limit: "2", ...(cursor ? { cursor } : {}) } });
        expect(status).toBe(200);
        expect(json.data.length).toBeLessThanOrEqual(2);
        ids.push(...json.data.map((project: { id: string }) => project.id));
        cursor = json.nextCursor;
      } while (cursor);
      return ids;
    };
    const pageIds = async (filters: { status?: ProjectStatus; search?: string }) => (await listProjectsForAccount(customer.accountId!, filters)).map((project) => project.id);

    expect(await all({})).toEqual(await pageIds({}));
    expect(await all({})).toHaveLength(5);
    expect(await all({ status: "in_progress" })).toEqual(await pageIds({ status: "in_progress" }));
    expect(await all({ query: "shop" })).toEqual(await pageIds({ search: "shop" }));
    expect(await all({ status: "in_progress", query: "site" })).toEqual(await pageIds({ status: "in_progress", search: "site" }));

    const first = await callApi(listRoute, projectsEndpoints.list, { token, query: { limit: "1" } });
    expect(first.json.data[0]).toMatchObject({ name: "Project 4 site", status: "in_progress", nextMilestone: null, progress: 0 });
  });

  it("refuses an unknown status, a limit out of range and a cursor it did not give out with 400 and fields", async () => {
    const customer = await signedInUser("customer", "api-list-bad");
    const token = await testApiToken(customer, ["projects:read"]);
    const bad = await callApi(listRoute, projectsEndpoints.list, { token, query: { status: "archived", limit: "1000" } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields).sort()).toEqual(["limit", "status"]);
    const cursor = await callApi(listRoute, projectsEndpoints.list, { token, query: { cursor: "garbage" } });
    expect(cursor.status).toBe(400);
    expect(cursor.json.error.fields).toHaveProperty("cursor");
  });
});

describe("PUT /projects/{id}/rating", () => {
  it("rates a completed project through the page's service, and refuses a read token, bad stars, an open project and another customer's", async () => {
    const [customer, other, staff] = await Promise.all([signedInUser("customer", "api-rate"), signedInUser("customer", "api-rate-other"), signedInUser("admin", "api-rate-staff")]);
    const completed = await projectFor(customer, staff, "completed");
    const open = await projectFor(customer, staff, "in_progress");
    const writer = await testApiToken(customer, ["projects:write"]);

    const readOnly = await callApi(rateRoute, projectsEndpoints.rate, { token: await testApiToken(customer, ["projects:read"]), params: { id: completed }, body: { rating: 5 } });
    expect(readOnly.status).toBe(403);
    expect(readOnly.json.error.code).toBe("insufficient_scope");

    const stars = await callApi(rateRoute, projectsEndpoints.rate, { token: writer, params: { id: completed }, body: { rating: 9, comment: "" } });
    expect(stars.status).toBe(400);
    expect(stars.json.error.fields).toEqual({ rating: "Choose 1 to 5 stars." });

    const rated = await callApi(rateRoute, projectsEndpoints.rate, { token: writer, params: { id: completed }, body: { rating: 4, comment: "Good work" } });
    expect(rated.status).toBe(200);
    expect(rated.json).toMatchObject({ rating: 4, comment: "Good work", authorName: customer.name });

    const notDone = await callApi(rateRoute, projectsEndpoints.rate, { token: writer, params: { id: open }, body: { rating: 4 } });
    expect(notDone.status).toBe(400);

    const stranger = await callApi(rateRoute, projectsEndpoints.rate, { token: await testApiToken(other), params: { id: completed }, body: { rating: 1 } });
    expect(stranger.status).toBe(404);
    const [rating] = await db().select().from(projectRatings).where(eq(projectRatings.projectId, completed));
    expect(rating).toMatchObject({ rating: 4, userId: customer.id });
  });
});
