import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { auditLog, type AuditAction } from "@/db/schema";
import { setupTestDatabase, uniqueEmail } from "@/db/testing";
import { adminListAuditEntries, type AuditFilters } from "./audit";
import type { Cursor } from "./search";
import { createUser } from "./users";

const db = setupTestDatabase();

/** A staff member with a name no other test uses, so filtering by it isolates this test's entries. */
async function newActor() {
  const marker = `Aud${randomUUID().slice(0, 8)}`;
  const user = await createUser({ email: uniqueEmail(marker.toLowerCase()), name: `${marker} Staff`, passwordHash: "x", role: "admin", locale: "en" });
  return { ...user, marker };
}

async function log(actorId: string, entries: Array<{ at: string; action?: AuditAction }>) {
  await db().insert(auditLog).values(entries.map((entry) => ({ actorId, action: entry.action ?? "admin.user_enabled", createdAt: new Date(entry.at) })));
}

const list = (filters: Partial<AuditFilters>, page: { after?: Cursor | null; before?: Cursor | null; limit?: number } = {}) =>
  adminListAuditEntries({ timeZone: "UTC", ...filters }, { limit: 50, ...page });

describe("the staff audit log", () => {
  it("filters by the actor's name or email, in any case, and shows who acted on whom", async () => {
    const actor = await newActor();
    const other = await newActor();
    const target = await createUser({ email: uniqueEmail("target"), name: "Tara Target", passwordHash: "x", locale: "en" });
    await db().insert(auditLog).values({ actorId: actor.id, targetUserId: target.id, action: "admin.user_disabled", ip: "192.0.2.1", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0", metadata: { note: "x" } });
    await log(other.id, [{ at: new Date().toISOString() }]);

    const byName = await list({ actor: actor.marker.toUpperCase() });
    expect(byName.rows).toEqual([
      expect.objectContaining({ actorId: actor.id, actorName: actor.name, actorEmail: actor.email, targetUserId: target.id, targetName: "Tara Target", ip: "192.0.2.1", action: "admin.user_disabled", metadata: { note: "x" } }),
    ]);
    expect(byName.rows[0]!.userAgent).toContain("Firefox");
    expect((await list({ actor: actor.email.slice(0, 14) })).rows.map((row) => row.actorId)).toEqual([actor.id]);
    // A LIKE wildcard in the search is a literal character.
    expect((await list({ actor: `${actor.marker}%` })).rows).toEqual([]);
    // The user acted on is found too: a failed sign-in against an account has no actor.
    await db().insert(auditLog).values({ targetUserId: target.id, action: "auth.sign_in_failed", metadata: { reason: "invalid_credentials" } });
    expect((await list({ actor: target.email })).rows.map((row) => row.action).sort()).toEqual(["admin.user_disabled", "auth.sign_in_failed"]);
  });

  it("filters by action", async () => {
    const actor = await newActor();
    await log(actor.id, [{ at: "2024-05-01T10:00:00Z", action: "admin.role_changed" }, { at: "2024-05-01T11:00:00Z", action: "admin.email_retried" }]);
    const rows = (await list({ actor: actor.marker, action: "admin.email_retried" })).rows;
    expect(rows.map((row) => row.action)).toEqual(["admin.email_retried"]);
  });

  it("reads the date range as whole days in the viewer's time zone", async () => {
    const actor = await newActor();
    await log(actor.id, [
      { at: "2024-03-09T22:30:00Z" }, // 9 March 23:30 in Berlin (UTC+1)
      { at: "2024-03-09T23:30:00Z" }, // 10 March 00:30 in Berlin
      { at: "2024-03-11T03:30:00Z" }, // 10 March 23:30 in New York, a day of 23 hours (DST began)
      { at: "2024-03-11T04:30:00Z" }, // 11 March 00:30 in New York
    ]);
    const times = async (filters: Partial<AuditFilters>) => (await list({ actor: actor.marker, ...filters })).rows.map((row) => row.createdAt.toISOString()).sort();
    expect(await times({ from: "2024-03-10", to: "2024-03-10", timeZone: "Europe/Berlin" })).toEqual(["2024-03-09T23:30:00.000Z"]);
    expect(await times({ to: "2024-03-09", timeZone: "Europe/Berlin" })).toEqual(["2024-03-09T22:30:00.000Z"]);
    expect(await times({ from: "2024-03-09", to: "2024-03-09", timeZone: "UTC" })).toEqual(["2024-03-09T22:30:00.000Z", "2024-03-09T23:30:00.000Z"]);
    // That day ends at 04:00 UTC, not 05:00: the boundary follows the clock change.
    expect(await times({ from: "2024-03-10", to: "2024-03-10", timeZone: "America/New_York" })).toEqual(["2024-03-11T03:30:00.000Z"]);
    expect(await times({ from: "2024-03-11", timeZone: "America/New_York" })).toEqual(["2024-03-11T04:30:00.000Z"]);
  });

  it("pages older and back newer by cursor without repeating or skipping entries, even when times tie", async () => {
    const actor = await newActor();
    // Two pairs written at the same instant, as one transaction's rows are.
    await log(actor.id, [
      { at: "2024-01-01T00:00:01Z" },
      { at: "2024-01-01T00:00:02Z" },
      { at: "2024-01-01T00:00:02Z" },
      { at: "2024-01-01T00:00:03Z" },
      { at: "2024-01-01T00:00:04Z" },
      { at: "2024-01-01T00:00:04Z" },
      { at: "2024-01-01T00:00:05Z" },
    ]);
    const all = (await list({ actor: actor.marker })).rows.map((row) => row.id);
    expect(all).toHaveLength(7);

    const pages: string[][] = [];
    let page = await list({ actor: actor.marker }, { limit: 3 });
    expect(page.newer).toBeNull();
    pages.push(page.rows.map((row) => row.id));
    while (page.older) {
      page = await list({ actor: actor.marker }, { after: page.older, limit: 3 });
      pages.push(page.rows.map((row) => row.id));
    }
    expect(pages.map((ids) => ids.length)).toEqual([3, 3, 1]);
    expect(pages.flat()).toEqual(all);

    const back: string[][] = [];
    while (page.newer) {
      page = await list({ actor: actor.marker }, { before: page.newer, limit: 3 });
      back.unshift(page.rows.map((row) => row.id));
    }
    expect(back).toEqual(pages.slice(0, 2));
    expect(page.older).not.toBeNull();
  });
});
