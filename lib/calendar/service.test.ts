import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { adminSetUserStatus } from "@/db/queries/admin-users";
import { auditLog, calendarFeeds, projectMilestones, userSettings } from "@/db/schema";
import { setupTestDatabase, signedInUser } from "@/db/testing";
import { appUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { createProject } from "@/lib/projects/service";
import { hashToken } from "@/lib/tokens";
import { GET } from "@/app/api/calendar/[token]/route";
import { calendarForToken, createCalendarFeed, revokeCalendarFeed } from "./service";

const db = setupTestDatabase();
const info = { ip: null, userAgent: "vitest" };
type User = Awaited<ReturnType<typeof signedInUser>>;

const tokenOf = (url: string) => url.match(/\/api\/calendar\/([A-Za-z0-9_-]+)\.ics$/)![1]!;

/** A project of the customer's account with two milestones (one done) and a due date. */
async function projectWithMilestones(customer: User, name = "Website") {
  const staff = await signedInUser("admin");
  const project = await createProject(staff, { accountId: customer.accountId!, name, description: "", status: "in_progress", startDate: null, dueDate: "2099-06-30" }, info);
  await db()
    .insert(projectMilestones)
    .values([
      { projectId: project.id, title: "Design approved", dueDate: "2099-03-15", completedAt: new Date() },
      { projectId: project.id, title: "Launch", dueDate: "2099-06-01" },
    ]);
  return project;
}

function events(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    return { uid: event.uid, summary: event.summary, description: event.description, start: event.startDate.toString(), allDay: event.startDate.isDate, url: component.getFirstPropertyValue("url") };
  });
}

async function auditOf(userId: string) {
  const rows = await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.actorId, userId)).orderBy(auditLog.createdAt);
  return rows.map((row) => row.action);
}

describe("the calendar feed", () => {
  it("serves the account's milestones and due dates as all-day events with stable UIDs, and keeps only the token's hash", async () => {
    const customer = await signedInUser("customer", "planner");
    const project = await projectWithMilestones(customer);
    const { url } = await createCalendarFeed(customer, info);
    const token = tokenOf(url);
    expect(token).toHaveLength(43);
    const [row] = await db().select().from(calendarFeeds).where(eq(calendarFeeds.userId, customer.id));
    expect(row?.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);

    const text = (await calendarForToken(token))!;
    const found = events(text);
    expect(found.map(({ summary, start, allDay, description }) => ({ summary, start, allDay, description }))).toEqual([
      { summary: "Website — Design approved", start: "2099-03-15", allDay: true, description: "Milestone – done." },
      { summary: "Website — Launch", start: "2099-06-01", allDay: true, description: "Milestone – open." },
      { summary: "Website — due date", start: "2099-06-30", allDay: true, description: null },
    ]);
    expect(found.every((event) => event.url === `${appUrl()}/dashboard/projects/${project.id}`)).toBe(true);
    expect(found[2]?.uid).toBe(`project-due-${project.id}@clientdesk`);
    expect(events((await calendarForToken(token))!).map((event) => event.uid), "UIDs stay the same on the next fetch").toEqual(found.map((event) => event.uid));
    const [used] = await db().select({ lastUsedAt: calendarFeeds.lastUsedAt }).from(calendarFeeds).where(eq(calendarFeeds.userId, customer.id));
    expect(used?.lastUsedAt).toBeInstanceOf(Date);
  });

  it("shows only the feed owner's account", async () => {
    const customer = await signedInUser("customer");
    const other = await signedInUser("customer");
    await projectWithMilestones(other, "Someone else's");
    const { url } = await createCalendarFeed(customer, info);
    expect(events((await calendarForToken(tokenOf(url)))!)).toEqual([]);
  });

  it("regenerating replaces the address: the old one stops working, the new one works", async () => {
    const customer = await signedInUser("customer");
    const first = tokenOf((await createCalendarFeed(customer, info)).url);
    const second = await createCalendarFeed(customer, info);
    expect(second.replaced).toBe(true);
    expect(await calendarForToken(first)).toBeNull();
    expect(await calendarForToken(tokenOf(second.url))).toContain("BEGIN:VCALENDAR");
    expect(await db().select().from(calendarFeeds).where(eq(calendarFeeds.userId, customer.id))).toHaveLength(1);
    expect(await auditOf(customer.id)).toEqual(["user.calendar_feed_created", "user.calendar_feed_created"]);
  });

  it("revoking ends the feed at once and is audited; the route then answers 404", async () => {
    const customer = await signedInUser("customer");
    const token = tokenOf((await createCalendarFeed(customer, info)).url);
    const fetchFeed = (path: string) => GET(new Request(`http://localhost/api/calendar/${path}`), { params: Promise.resolve({ token: path }) });

    const ok = await fetchFeed(`${token}.ics`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(ok.headers.get("cache-control")).toBe("private, no-store");

    expect(await revokeCalendarFeed(customer, info)).toEqual({ status: "ok" });
    expect(await revokeCalendarFeed(customer, info)).toEqual({ status: "none" });
    const gone = await fetchFeed(`${token}.ics`);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toEqual({ error: { code: "not_found", message: "That calendar feed does not exist." } });
    expect((await fetchFeed("not-a-token.ics")).status).toBe(404);
    expect(await auditOf(customer.id)).toEqual(["user.calendar_feed_created", "user.calendar_feed_revoked"]);
  });

  it("stops when its owner is disabled", async () => {
    const customer = await signedInUser("customer");
    const token = tokenOf((await createCalendarFeed(customer, info)).url);
    const staff = await signedInUser("admin");
    await adminSetUserStatus({ adminId: staff.id, userId: customer.id, status: "disabled", ip: null });
    expect(await calendarForToken(token)).toBeNull();
  });

  it("is in the owner's language", async () => {
    const customer = await signedInUser("customer");
    await db().update(userSettings).set({ locale: "de" }).where(eq(userSettings.userId, customer.id));
    await projectWithMilestones(customer, "Shop");
    const text = (await calendarForToken(tokenOf((await createCalendarFeed(customer, info)).url)))!;
    expect(events(text).map((event) => event.summary)).toContain("Shop — Fälligkeit");
    expect(text).toContain("X-WR-CALNAME:Clientdesk-Projekte");
  });

  it("is for customer accounts only", async () => {
    const error = await createCalendarFeed(await signedInUser("admin"), info).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("forbidden");
  });
});
