import { describe, expect, it } from "vitest";
import { POST as readOne } from "@/app/api/v1/notifications/[id]/read/route";
import { POST as readAll } from "@/app/api/v1/notifications/read-all/route";
import { GET as listRoute } from "@/app/api/v1/notifications/route";
import { countUnreadNotifications, createNotification, getNotification, listNotifications, markNotificationRead, type NotificationOrder } from "@/db/queries/notifications";
import type { SessionUser } from "@/db/queries/sessions";
import { setupTestDatabase, signedInUser } from "@/db/testing";
import { callApi, testApiToken } from "@/db/testing/api";
import { notificationEndpoints } from "./notifications";

setupTestDatabase();

/** `count` notifications, oldest first; every third one read. */
async function withNotifications(user: SessionUser, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(await createNotification({ userId: user.id, category: "projects", type: "project.updatePosted", params: { project: `Project ${i}` }, link: "/dashboard/projects" }));
    if (i % 3 === 0) await markNotificationRead(user.id, ids[i]!);
  }
  return ids;
}

/** Every id of the list, page by page, as the notifications page walks it. */
async function pageIds(user: SessionUser, order: NotificationOrder, limit: number): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor = null;
  do {
    const page = await listNotifications(user.id, { order, cursor, limit });
    pages.push(page.rows.map((row) => row.id));
    cursor = page.next;
  } while (cursor);
  return pages;
}

describe("the notifications API", () => {
  it("pages through the list exactly as the notifications page does, in both orders", async () => {
    const customer = await signedInUser("customer", "api-notes");
    const other = await signedInUser("customer", "api-notes-other");
    await withNotifications(customer, 7);
    const theirs = await withNotifications(other, 2);
    const token = await testApiToken(customer, ["notifications:read"]);
    for (const order of ["newest", "unread"] as const) {
      const pages: string[][] = [];
      let cursor: string | undefined;
      do {
        const { status, json } = await callApi(listRoute, notificationEndpoints.list, { token, query: { order, limit: "3", ...(cursor ? { cursor } : {}) } });
        expect(status).toBe(200);
        expect(json.unreadCount).toBe(await countUnreadNotifications(customer.id));
        pages.push(json.data.map((item: { id: string }) => item.id));
        cursor = json.nextCursor ?? undefined;
      } while (cursor);
      expect(pages).toEqual(await pageIds(customer, order, 3));
      expect(pages.flat()).toHaveLength(7);
      expect(pages.flat()).not.toContain(theirs[0]);
    }
    const { json } = await callApi(listRoute, notificationEndpoints.list, { token, query: { limit: "1" } });
    expect(json.data[0]).toMatchObject({ type: "project.updatePosted", category: "projects", params: { project: "Project 6" }, read: true, readAt: expect.any(String), link: "/dashboard/projects" });
    expect(json.data[0].title).toEqual(expect.any(String));
    expect(json.data[0].title).not.toContain("types.");
  });

  it("refuses a bad limit or a cursor it did not give out, with fields", async () => {
    const customer = await signedInUser("customer", "api-notes-bad");
    const token = await testApiToken(customer, ["notifications:read"]);
    const limit = await callApi(listRoute, notificationEndpoints.list, { token, query: { limit: "1000", order: "oldest" } });
    expect(limit.status).toBe(400);
    expect(Object.keys(limit.json.error.fields).sort()).toEqual(["limit", "order"]);
    const cursor = await callApi(listRoute, notificationEndpoints.list, { token, query: { cursor: "not-a-cursor" } });
    expect(cursor.status).toBe(400);
    expect(cursor.json.error.fields).toHaveProperty("cursor");
  });

  it("marks one read, and another user's or a malformed id is a 404 that changes nothing", async () => {
    const [customer, other] = await Promise.all([signedInUser("customer", "api-read"), signedInUser("customer", "api-read-other")]);
    const [mine] = await withNotifications(customer, 2).then((ids) => ids.slice(1));
    const [theirs] = await withNotifications(other, 2).then((ids) => ids.slice(1));
    const token = await testApiToken(customer, ["notifications:write"]);

    const { status, json } = await callApi(readOne, notificationEndpoints.read, { token, params: { id: mine! } });
    expect(status).toBe(200);
    expect(json).toMatchObject({ id: mine, read: true });
    expect((await getNotification(customer.id, mine!))!.readAt).not.toBeNull();
    expect((await callApi(readOne, notificationEndpoints.read, { token, params: { id: mine! } })).status).toBe(200);

    for (const id of [theirs!, "not-a-uuid", "00000000-0000-4000-8000-000000000000"]) {
      const refused = await callApi(readOne, notificationEndpoints.read, { token, params: { id } });
      expect(refused.status).toBe(404);
      expect(refused.json.error.code).toBe("not_found");
      expect(JSON.stringify(refused.json)).not.toContain("Project");
    }
    expect((await getNotification(other.id, theirs!))!.readAt).toBeNull();
  });

  it("marks all of the user's own read, and a read token can do neither", async () => {
    const [customer, other] = await Promise.all([signedInUser("customer", "api-read-all"), signedInUser("customer", "api-read-all-other")]);
    await withNotifications(customer, 5);
    await withNotifications(other, 4);
    const reader = await testApiToken(customer, ["notifications:read"]);
    const refused = await callApi(readAll, notificationEndpoints.readAll, { token: reader });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe("insufficient_scope");
    const ids = (await listNotifications(customer.id, { order: "newest", limit: 10 })).rows.map((row) => row.id);
    expect((await callApi(readOne, notificationEndpoints.read, { token: reader, params: { id: ids[0]! } })).status).toBe(403);
    expect((await callApi(listRoute, notificationEndpoints.list, { token: await testApiToken(customer, ["settings:read"]) })).status).toBe(403);

    const token = await testApiToken(customer, ["notifications:write"]);
    const unread = await countUnreadNotifications(customer.id);
    const { status, json } = await callApi(readAll, notificationEndpoints.readAll, { token });
    expect(status).toBe(200);
    expect(json).toEqual({ marked: unread });
    expect(await countUnreadNotifications(customer.id)).toBe(0);
    expect(await countUnreadNotifications(other.id)).toBe(2);
  });
});
