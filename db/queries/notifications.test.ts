import { describe, expect, it } from "vitest";
import { inTransaction } from "@/db/queries/transaction";
import { setupTestDatabase, uniqueEmail } from "@/db/testing";
import { createNotification, listNotifications, markNotificationRead, type NotificationCursor, type NotificationOrder } from "./notifications";
import { createUser } from "./users";

setupTestDatabase();

async function everyPage(userId: string, order: NotificationOrder, limit: number) {
  const pages: { id: string; unread: boolean }[][] = [];
  let cursor: NotificationCursor | null = null;
  do {
    const page: Awaited<ReturnType<typeof listNotifications>> = await listNotifications(userId, { order, cursor, limit });
    pages.push(page.rows.map((row) => ({ id: row.id, unread: !row.readAt })));
    cursor = page.next;
  } while (cursor && pages.length < 20);
  return pages;
}

describe("the notification list's pages", () => {
  it("show every notification exactly once, also when many share one timestamp, newest first or unread first", async () => {
    const user = await createUser({ email: uniqueEmail("pages"), name: "Paige Pages", passwordHash: "x", locale: "en" });
    // One transaction: every row gets the same now(), so only the id tells them apart.
    const ids = await inTransaction(async (tx) => {
      const created: string[] = [];
      for (let index = 0; index < 23; index++) {
        created.push(await createNotification({ userId: user.id, category: "account", type: "security.newSignIn", params: { device: `#${index}`, ip: "—" }, link: null }, tx));
      }
      return created;
    });
    const read = new Set(ids.filter((_, index) => index % 3 === 0));
    for (const id of read) await markNotificationRead(user.id, id);

    const newest = await everyPage(user.id, "newest", 10);
    expect(newest.map((page) => page.length)).toEqual([10, 10, 3]);
    expect(newest.flat().map((row) => row.id).sort()).toEqual([...ids].sort());

    const unreadFirst = (await everyPage(user.id, "unread", 4)).flat();
    expect(unreadFirst.map((row) => row.id).sort()).toEqual([...ids].sort());
    const firstRead = unreadFirst.findIndex((row) => !row.unread);
    expect(firstRead).toBe(ids.length - read.size);
    expect(unreadFirst.slice(firstRead).every((row) => !row.unread)).toBe(true);
  });

  it("gives an empty last page for a cursor past the oldest notification", async () => {
    const user = await createUser({ email: uniqueEmail("end"), name: "Ed End", passwordHash: "x", locale: "en" });
    await createNotification({ userId: user.id, category: "account", type: "security.newSignIn", params: {}, link: null });
    const page = await listNotifications(user.id, { order: "newest", cursor: { unread: true, createdAt: "2000-01-01T00:00:00.000000Z", id: "00000000-0000-4000-8000-000000000000" }, limit: 10 });
    expect(page).toEqual({ rows: [], next: null });
  });
});
