import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getRequestForAccount, listRequestsForAccount } from "@/db/queries/project-requests";
import { createAuthSession, getActiveSessionUser } from "@/db/queries/sessions";
import { createUser } from "@/db/queries/users";
import { auditLog, notifications, projectRequests, projects, storedFiles } from "@/db/schema";
import { setupTestDatabase, signedInUser, uniqueEmail } from "@/db/testing";
import { AppError } from "@/lib/errors";
import { setStorage } from "@/lib/storage";
import { localDiskStorage } from "@/lib/storage/local";
import { receiveUpload } from "@/lib/uploads/service";
import { todayIn } from "@/lib/projects/dates";
import { convertRequest, declineRequest, startRequestReview, submitProjectRequest } from "./service";

const db = setupTestDatabase();
let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "clientdesk-requests-"));
  setStorage(localDiskStorage(root));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const info = { ip: null, userAgent: "vitest" };
const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
type User = Awaited<ReturnType<typeof signedInUser>>;

const form = (overrides: Partial<Parameters<typeof submitProjectRequest>[1]> = {}) => ({
  title: "New online shop",
  goals: "Sell our coffee online.",
  scope: "Shop, payments, shipping labels.",
  budgetRange: "15k_50k" as const,
  desiredDeadline: null,
  contactPreference: "video_call" as const,
  attachmentIds: [],
  ...overrides,
});

async function uploaded(actor: User, fileName = "brief.pdf"): Promise<string> {
  const result = await receiveUpload(actor, { purpose: "request_attachment", fileName, body: pdf, declaredBytes: pdf.byteLength });
  if (result.status !== "ok") throw new Error(result.status);
  return result.file.id;
}

async function submitted(customer: User, overrides: Partial<Parameters<typeof submitProjectRequest>[1]> = {}): Promise<string> {
  const result = await submitProjectRequest(customer, form(overrides), info);
  if (result.status !== "ok") throw new Error(result.status);
  return result.id;
}

async function notificationsOf(userId: string) {
  return db().select({ type: notifications.type, params: notifications.params, link: notifications.link }).from(notifications).where(eq(notifications.userId, userId)).orderBy(notifications.createdAt);
}

async function auditFor(requestId: string) {
  const rows = await db().select({ action: auditLog.action, actorId: auditLog.actorId, metadata: auditLog.metadata }).from(auditLog).orderBy(auditLog.createdAt);
  return rows.filter((row) => row.metadata.requestId === requestId);
}

async function requestRow(id: string) {
  const [row] = await db().select().from(projectRequests).where(eq(projectRequests.id, id));
  return row!;
}

async function expectRefusal(work: Promise<unknown>, code: AppError["code"]) {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

describe("submitting a project request", () => {
  it("stores it with its attachments for the account, audits it and tells every active staff user", async () => {
    const staff = await signedInUser("admin", "staff");
    const customer = await signedInUser("customer", "asker");
    const files = [await uploaded(customer, "brief.pdf"), await uploaded(customer, "sketch.pdf")];
    const id = await submitted(customer, { attachmentIds: files, desiredDeadline: "2099-12-31" });

    const request = await getRequestForAccount(customer.accountId!, id);
    expect(request).toMatchObject({ title: "New online shop", status: "submitted", budgetRange: "15k_50k", desiredDeadline: "2099-12-31", contactPreference: "video_call", submittedByName: customer.name });
    expect(request?.attachments.map((file) => file.fileName)).toEqual(["brief.pdf", "sketch.pdf"]);
    const stored = await db().select({ purpose: storedFiles.purpose, accountId: storedFiles.accountId }).from(storedFiles).where(inArray(storedFiles.id, files));
    expect(stored).toEqual([
      { purpose: "request_attachment", accountId: customer.accountId },
      { purpose: "request_attachment", accountId: customer.accountId },
    ]);
    expect(await auditFor(id)).toEqual([{ action: "user.project_request_submitted", actorId: customer.id, metadata: expect.objectContaining({ accountId: customer.accountId, attachments: 2 }) }]);
    expect(await notificationsOf(staff.id)).toEqual([
      { type: "staff.projectRequestSubmitted", params: { customer: customer.name, title: "New online shop" }, link: `/admin/requests/${id}` },
    ]);
  });

  it("refuses a deadline before today in the customer's time zone and writes nothing", async () => {
    const customer = await signedInUser("customer");
    const yesterday = new Date(Date.now() - 36 * 60 * 60 * 1000).toISOString().slice(0, 10);
    expect(await submitProjectRequest(customer, form({ desiredDeadline: yesterday }), info)).toEqual({ status: "deadline_past" });
    expect(await submitProjectRequest(customer, form({ desiredDeadline: todayIn(customer.timeZone) }), info)).toMatchObject({ status: "ok" });
    expect(await listRequestsForAccount(customer.accountId!)).toHaveLength(1);
  });

  it("saves nothing when an attachment is not the sender's own upload", async () => {
    const customer = await signedInUser("customer", "sender");
    const stranger = await signedInUser("customer", "stranger");
    const theirs = await uploaded(stranger);
    await expectRefusal(submitProjectRequest(customer, form({ attachmentIds: [await uploaded(customer), theirs] }), info), "invalid_attachments");
    expect(await listRequestsForAccount(customer.accountId!)).toEqual([]);
    const [file] = await db().select({ purpose: storedFiles.purpose }).from(storedFiles).where(eq(storedFiles.id, theirs));
    expect(file?.purpose, "the other customer's upload is untouched").toBe("upload");
  });

  it("is for customers only", async () => {
    await expectRefusal(submitProjectRequest(await signedInUser("admin"), form(), info), "forbidden");
  });
});

describe("what customers see", () => {
  it("a customer sees only their own account's requests", async () => {
    const customer = await signedInUser("customer", "owner");
    const other = await signedInUser("customer", "other");
    const id = await submitted(customer);
    expect(await getRequestForAccount(other.accountId!, id)).toBeNull();
    expect(await listRequestsForAccount(other.accountId!)).toEqual([]);
    expect((await listRequestsForAccount(customer.accountId!)).map((request) => request.id)).toEqual([id]);
  });
});

describe("staff deciding a request", () => {
  it("refuses customers and staff without two-factor sign-in", async () => {
    const customer = await signedInUser("customer");
    const id = await submitted(customer);
    await expectRefusal(startRequestReview(customer, { requestId: id }, info), "forbidden");
    await expectRefusal(declineRequest(customer, { requestId: id, reason: "No" }, info), "forbidden");
    const admin = await createUser({ email: uniqueEmail("no2fa"), name: "No 2FA", passwordHash: "x", role: "admin", locale: "en" });
    const without = (await getActiveSessionUser((await createAuthSession({ userId: admin.id, ip: null, userAgent: null }))!))!;
    await expectRefusal(convertRequest(without, { requestId: id, name: "Shop", description: "", startDate: null, dueDate: null }, info), "two_factor_required");
    expect((await requestRow(id)).status).toBe("submitted");
    expect(await db().select().from(projects).where(eq(projects.accountId, customer.accountId!))).toEqual([]);
  });

  it("an unknown request is not found", async () => {
    await expectRefusal(startRequestReview(await signedInUser("admin"), { requestId: "00000000-0000-4000-8000-000000000000" }, info), "not_found");
  });

  it("review, then decline: the customer hears of both, and a declined request cannot be decided again", async () => {
    const staff = await signedInUser("admin");
    const customer = await signedInUser("customer");
    const id = await submitted(customer);
    expect(await startRequestReview(staff, { requestId: id }, info)).toEqual({ status: "ok" });
    expect(await startRequestReview(staff, { requestId: id }, info)).toEqual({ status: "already_in_review" });
    expect(await declineRequest(staff, { requestId: id, reason: "Out of our scope." }, info)).toEqual({ status: "ok" });
    expect(await requestRow(id)).toMatchObject({ status: "declined", declineReason: "Out of our scope.", reviewedById: staff.id, projectId: null, decidedAt: expect.any(Date) });

    expect(await declineRequest(staff, { requestId: id, reason: "Again" }, info)).toEqual({ status: "already_decided" });
    expect(await convertRequest(staff, { requestId: id, name: "Shop", description: "", startDate: null, dueDate: null }, info)).toEqual({ status: "already_decided" });
    expect(await startRequestReview(staff, { requestId: id }, info)).toEqual({ status: "already_decided" });
    expect((await requestRow(id)).declineReason).toBe("Out of our scope.");
    expect(await db().select().from(projects).where(eq(projects.accountId, customer.accountId!))).toEqual([]);

    expect((await auditFor(id)).map((entry) => entry.action)).toEqual(["user.project_request_submitted", "admin.project_request_reviewed", "admin.project_request_declined"]);
    expect(await notificationsOf(customer.id)).toEqual([
      { type: "projectRequest.inReview", params: { title: "New online shop" }, link: `/dashboard/projects/requests/${id}` },
      { type: "projectRequest.declined", params: { title: "New online shop", reason: "Out of our scope." }, link: `/dashboard/projects/requests/${id}` },
    ]);
  });

  it("converting creates the project in the customer's account, links both ways, audits and tells the customer", async () => {
    const staff = await signedInUser("admin");
    const customer = await signedInUser("customer");
    const id = await submitted(customer);
    const result = await convertRequest(staff, { requestId: id, name: "Coffee shop", description: "Goals and scope", startDate: "2099-01-01", dueDate: "2099-03-01" }, info);
    if (result.status !== "ok") throw new Error(result.status);

    const [project] = await db().select().from(projects).where(eq(projects.id, result.projectId));
    expect(project).toMatchObject({ accountId: customer.accountId, name: "Coffee shop", description: "Goals and scope", status: "planned", startDate: "2099-01-01", dueDate: "2099-03-01", createdById: staff.id });
    expect(await requestRow(id)).toMatchObject({ status: "converted", projectId: result.projectId, reviewedById: staff.id, decidedAt: expect.any(Date) });
    expect((await listRequestsForAccount(customer.accountId!))[0]).toMatchObject({ projectId: result.projectId, projectName: "Coffee shop" });
    expect((await auditFor(id)).map((entry) => entry.action)).toEqual(["user.project_request_submitted", "admin.project_request_converted"]);
    const created = await db().select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.action, "admin.project_created"), eq(auditLog.actorId, staff.id)));
    expect(created).toHaveLength(1);
    // One notice for one event: "your request is now a project", not also "a new project".
    expect(await notificationsOf(customer.id)).toEqual([
      { type: "projectRequest.converted", params: { title: "New online shop", project: "Coffee shop" }, link: `/dashboard/projects/${result.projectId}` },
    ]);
    expect(await declineRequest(staff, { requestId: id, reason: "Too late" }, info)).toEqual({ status: "already_decided" });
  });

  it("two staff converting at once produce one project", async () => {
    const [first, second] = [await signedInUser("admin"), await signedInUser("admin")];
    const customer = await signedInUser("customer");
    const id = await submitted(customer);
    const input = { requestId: id, name: "Race", description: "", startDate: null, dueDate: null };
    const results = await Promise.all([convertRequest(first, input, info), convertRequest(second, input, info)]);
    expect(results.map((result) => result.status).sort()).toEqual(["already_decided", "ok"]);
    expect(await db().select().from(projects).where(eq(projects.accountId, customer.accountId!))).toHaveLength(1);
    expect((await auditFor(id)).filter((entry) => entry.action === "admin.project_request_converted")).toHaveLength(1);
  });

  it("refuses a due date before the start date and creates nothing", async () => {
    const staff = await signedInUser("admin");
    const customer = await signedInUser("customer");
    const id = await submitted(customer);
    expect(await convertRequest(staff, { requestId: id, name: "Backwards", description: "", startDate: "2099-05-01", dueDate: "2099-04-01" }, info)).toEqual({ status: "dates_out_of_order" });
    expect((await requestRow(id)).status).toBe("submitted");
  });
});
