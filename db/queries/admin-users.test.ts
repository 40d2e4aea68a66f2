import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, users } from "@/db/schema";
import { setupTestDatabase } from "@/db/testing";
import { adminGetUser, adminListUsers, adminSetUserRole, adminSetUserStatus } from "./admin-users";
import { createAuthSession, revokeSession } from "./sessions";
import { createUser } from "./users";
import type { AdminUserSort } from "@/lib/constants";

const db = setupTestDatabase();
// A marker in every name of this file's users lets the search isolate them from other tests' rows.
const marker = `zz${randomUUID().slice(0, 6)}`;
const names = ["Anna", "Bruno", "Chloe", "Dmitri", "Emeka"];
let adminId: string;

function adminListUsersSearch(
  query: string,
  options: { page?: number; pageSize?: number; sort?: AdminUserSort; direction?: "asc" | "desc" } = {},
) {
  return { page: 1, pageSize: 20, sort: "name" as const, direction: "asc" as const, query, ...options };
}

beforeAll(async () => {
  for (const name of names) {
    await createUser({ name: `${name} ${marker}`, email: `${name.toLowerCase()}.${marker}@test.clientdesk.test`, passwordHash: "x", locale: "en" });
  }
  adminId = (await createUser({ name: `Admin ${marker}x`, email: `admin.${marker}@test.clientdesk.test`, passwordHash: "x", role: "admin", locale: "en" })).id;
});

describe("admin user list", () => {
  it("pages through the matches with a total count", async () => {
    const first = await adminListUsers(adminListUsersSearch(marker, { pageSize: 2, sort: "name", direction: "asc" }));
    const third = await adminListUsers(adminListUsersSearch(marker, { pageSize: 2, sort: "name", direction: "asc", page: 3 }));
    expect(first.total).toBe(6);
    expect(first.rows.map((row) => row.name.split(" ")[0])).toEqual(["Admin", "Anna"]);
    expect(third.rows.map((row) => row.name.split(" ")[0])).toEqual(["Dmitri", "Emeka"]);
    const beyond = await adminListUsers(adminListUsersSearch(marker, { pageSize: 2, page: 9 }));
    expect(beyond).toEqual({ rows: [], total: 6 });
    expect(first.rows[0]).not.toHaveProperty("total");
  });

  it("sorts by the requested column and direction", async () => {
    const byEmailDesc = await adminListUsers(adminListUsersSearch(marker, { sort: "email", direction: "desc" }));
    const emails = byEmailDesc.rows.map((row) => row.email);
    expect(emails).toEqual([...emails].sort().reverse());
  });

  it("sorts by the status the table shows: active, unverified, disabled, each group by name", async () => {
    const anna = (await adminListUsers(adminListUsersSearch(`anna.${marker}`))).rows[0]!;
    const chloe = (await adminListUsers(adminListUsersSearch(`chloe.${marker}`))).rows[0]!;
    await db().update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, anna.id));
    await adminSetUserStatus({ adminId, userId: chloe.id, status: "disabled", ip: null });
    const { rows } = await adminListUsers(adminListUsersSearch(marker, { sort: "status", direction: "asc" }));
    const shown = rows.map((row) => [row.name.split(" ")[0], row.status === "disabled" ? "disabled" : row.emailVerifiedAt ? "active" : "unverified"]);
    expect(shown).toEqual([
      ["Anna", "active"],
      ["Admin", "unverified"],
      ["Bruno", "unverified"],
      ["Dmitri", "unverified"],
      ["Emeka", "unverified"],
      ["Chloe", "disabled"],
    ]);
    await adminSetUserStatus({ adminId, userId: chloe.id, status: "active", ip: null });
  });

  it("searches names and emails without treating % and _ as wildcards", async () => {
    expect((await adminListUsers(adminListUsersSearch(`chloe.${marker}`))).rows).toHaveLength(1);
    expect((await adminListUsers(adminListUsersSearch(`${marker}%`))).total).toBe(0);
  });

  it("counts a user's live sessions and shows when they were last active", async () => {
    const { rows } = await adminListUsers(adminListUsersSearch(`emeka.${marker}`));
    const user = rows[0]!;
    expect(await adminGetUser(user.id)).toMatchObject({ activeSessions: 0, lastSeenAt: null });
    const laptop = await createAuthSession({ userId: user.id, ip: null, userAgent: null });
    await createAuthSession({ userId: user.id, ip: null, userAgent: null });
    const other = await createAuthSession({ userId: adminId, ip: null, userAgent: null });
    const detail = await adminGetUser(user.id);
    expect(detail?.activeSessions).toBe(2);
    expect(detail?.lastSeenAt?.getTime()).toBeGreaterThan(Date.now() - 60_000);
    await revokeSession(user.id, laptop!);
    expect((await adminGetUser(user.id))?.activeSessions).toBe(1);
    expect((await adminGetUser(adminId))?.activeSessions).toBe(1);
    await revokeSession(adminId, other!);
  });

  it("never returns password hashes", async () => {
    const { rows } = await adminListUsers(adminListUsersSearch(marker));
    for (const row of rows) expect(row).not.toHaveProperty("passwordHash");
    const detail = await adminGetUser(rows[0]!.id);
    expect(detail).not.toHaveProperty("passwordHash");
  });
});

describe("admin user changes", () => {
  it("changes a role and writes who did it to the audit log", async () => {
    const { rows } = await adminListUsers(adminListUsersSearch(`bruno.${marker}`));
    const target = rows[0]!;
    expect(await adminSetUserRole({ adminId, userId: target.id, role: "admin", ip: "2001:db8::7" })).toBe(true);
    expect((await adminGetUser(target.id))?.role).toBe("admin");
    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.targetUserId, target.id), eq(auditLog.action, "admin.role_changed")));
    expect(entry).toMatchObject({ actorId: adminId, ip: "2001:db8::7", metadata: { from: "customer", to: "admin" } });
  });

  it("disables and enables a user, auditing each change once", async () => {
    const { rows } = await adminListUsers(adminListUsersSearch(`dmitri.${marker}`));
    const target = rows[0]!;
    expect(await adminSetUserStatus({ adminId, userId: target.id, status: "disabled", ip: null })).toBe(true);
    expect(await adminSetUserStatus({ adminId, userId: target.id, status: "disabled", ip: null })).toBe(false);
    expect(await adminSetUserStatus({ adminId, userId: target.id, status: "active", ip: null })).toBe(true);
    const entries = await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetUserId, target.id));
    expect(entries.map((entry) => entry.action).sort()).toEqual(["admin.user_disabled", "admin.user_enabled"]);
  });

  it("changes nothing for an unknown user id", async () => {
    expect(await adminSetUserRole({ adminId, userId: randomUUID(), role: "admin", ip: null })).toBe(false);
    expect(await adminSetUserStatus({ adminId, userId: randomUUID(), status: "disabled", ip: null })).toBe(false);
  });
});
