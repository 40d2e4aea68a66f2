import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { authSessions, authTokens, emailOutbox, rateLimits } from "@/db/schema";
import { inRolledBackTransaction, setupTestDatabase, uniqueEmail } from "@/db/testing";
import { enqueue } from "@/lib/jobs";
import { runQueuedJobs } from "@/lib/jobs/testing";
import { deleteExpiredRecords } from "./cleanup";
import { createUser } from "./users";

const db = setupTestDatabase();
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(Date.now() - ms);
const fromNow = (ms: number) => new Date(Date.now() + ms);

async function session(tx: Database, userId: string, times: { createdAt?: Date; lastSeenAt?: Date; revokedAt?: Date | null }) {
  const [row] = await tx
    .insert(authSessions)
    .values({ userId, ip: null, userAgent: null, createdAt: times.createdAt ?? new Date(), lastSeenAt: times.lastSeenAt ?? new Date(), revokedAt: times.revokedAt ?? null })
    .returning({ id: authSessions.id });
  return row!.id;
}

async function token(tx: Database, userId: string, times: { expiresAt: Date; usedAt?: Date | null }) {
  const [row] = await tx
    .insert(authTokens)
    .values({ userId, kind: "password_reset", tokenHash: randomUUID(), expiresAt: times.expiresAt, usedAt: times.usedAt ?? null })
    .returning({ id: authTokens.id });
  return row!.id;
}

async function rateLimitWindow(tx: Database, startedAt: Date) {
  const key = `cleanup-test:${randomUUID()}`;
  await tx.insert(rateLimits).values({ key, count: 1, windowStartedAt: startedAt });
  return key;
}

async function outboxEntry(tx: Database, createdAt: Date) {
  const [row] = await tx
    .insert(emailOutbox)
    .values({ toAddress: uniqueEmail("outbox"), template: "verifyEmail", subject: "s", textBody: "t", htmlBody: "h", status: "sent", createdAt })
    .returning({ id: emailOutbox.id });
  return row!.id;
}

async function remainingIds(tx: Database, ids: { sessions: string[]; tokens: string[]; rateLimits: string[]; outbox: string[] }) {
  const sessions = await tx.select({ id: authSessions.id }).from(authSessions).where(inArray(authSessions.id, ids.sessions));
  const tokens = await tx.select({ id: authTokens.id }).from(authTokens).where(inArray(authTokens.id, ids.tokens));
  const windows = await tx.select({ id: rateLimits.key }).from(rateLimits).where(inArray(rateLimits.key, ids.rateLimits));
  const outbox = await tx.select({ id: emailOutbox.id }).from(emailOutbox).where(inArray(emailOutbox.id, ids.outbox));
  const sorted = (rows: Array<{ id: string }>) => rows.map((row) => row.id).sort();
  return { sessions: sorted(sessions), tokens: sorted(tokens), rateLimits: sorted(windows), outbox: sorted(outbox) };
}

// Runs in a transaction that is rolled back: the clean-up deletes every expired row in the database,
// and on a shared PostgreSQL some of those belong to other test files.
describe("the daily clean-up", () => {
  it("deletes ended sessions, spent tokens, old rate-limit windows and old outbox rows, and nothing else", async () => {
    await inRolledBackTransaction(async (tx) => {
      const user = await createUser({ email: uniqueEmail("cleanup"), name: "Clean Up", passwordHash: "x", locale: "en" }, tx);
      const gone = {
        sessions: [
          await session(tx, user.id, { createdAt: ago(40 * DAY), lastSeenAt: ago(35 * DAY), revokedAt: ago(31 * DAY) }),
          // Idle past the 14-day timeout and then 30 days more.
          await session(tx, user.id, { createdAt: ago(50 * DAY), lastSeenAt: ago(45 * DAY) }),
          // Older than the 90-day lifetime and then 30 days more, though used recently.
          await session(tx, user.id, { createdAt: ago(121 * DAY), lastSeenAt: ago(1 * DAY) }),
        ],
        tokens: [
          await token(tx, user.id, { expiresAt: fromNow(HOUR), usedAt: ago(HOUR) }),
          await token(tx, user.id, { expiresAt: ago(HOUR) }),
        ],
        rateLimits: [await rateLimitWindow(tx, ago(25 * HOUR))],
        outbox: [await outboxEntry(tx, ago(91 * DAY))],
      };
      const kept = {
        sessions: [
          await session(tx, user.id, { createdAt: ago(3 * DAY), lastSeenAt: ago(DAY), revokedAt: ago(DAY) }),
          await session(tx, user.id, {}),
          // Ended by the idle timeout, but within the 30 days it is kept for.
          await session(tx, user.id, { createdAt: ago(40 * DAY), lastSeenAt: ago(20 * DAY) }),
          await session(tx, user.id, { createdAt: ago(100 * DAY), lastSeenAt: ago(DAY) }),
        ],
        tokens: [await token(tx, user.id, { expiresAt: fromNow(HOUR) })],
        rateLimits: [await rateLimitWindow(tx, new Date()), await rateLimitWindow(tx, ago(23 * HOUR))],
        outbox: [await outboxEntry(tx, ago(89 * DAY))],
      };

      const deleted = await deleteExpiredRecords(tx);

      const all = {
        sessions: [...gone.sessions, ...kept.sessions],
        tokens: [...gone.tokens, ...kept.tokens],
        rateLimits: [...gone.rateLimits, ...kept.rateLimits],
        outbox: [...gone.outbox, ...kept.outbox],
      };
      expect(await remainingIds(tx, all)).toEqual({
        sessions: [...kept.sessions].sort(),
        tokens: [...kept.tokens].sort(),
        rateLimits: [...kept.rateLimits].sort(),
        outbox: [...kept.outbox].sort(),
      });
      // Other rows may expire too (other test files share PostgreSQL), so the counts are at least ours.
      expect(deleted.sessions).toBeGreaterThanOrEqual(gone.sessions.length);
      expect(deleted.tokens).toBeGreaterThanOrEqual(gone.tokens.length);
      expect(deleted.rateLimits).toBeGreaterThanOrEqual(gone.rateLimits.length);
      expect(deleted.outbox).toBeGreaterThanOrEqual(gone.outbox.length);
    });
  });

  it("runs as the maintenance.cleanup job", async () => {
    const user = await createUser({ email: uniqueEmail("cleanup-job"), name: "Clean Up Job", passwordHash: "x", locale: "en" });
    await session(db(), user.id, { createdAt: ago(40 * DAY), lastSeenAt: ago(35 * DAY), revokedAt: ago(31 * DAY) });
    const live = await session(db(), user.id, {});
    await enqueue("maintenance.cleanup", {});
    expect(await runQueuedJobs()).toEqual([{ name: "maintenance.cleanup", state: "completed" }]);
    const left = await db().select({ id: authSessions.id }).from(authSessions).where(eq(authSessions.userId, user.id));
    expect(left.map((row) => row.id)).toEqual([live]);
  });
});
