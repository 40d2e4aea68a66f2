import "server-only";
import { and, asc, eq, isNotNull, ne } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import { calendarFeeds, customerAccountMembers, projectMilestones, projects, users, userSettings, type Locale } from "@/db/schema";

/** Whether the user has a feed, and when it was made and last fetched; never the token's hash. */
export async function getCalendarFeed(userId: string, db: Database = getDb()) {
  const [feed] = await db.select({ createdAt: calendarFeeds.createdAt, lastUsedAt: calendarFeeds.lastUsedAt }).from(calendarFeeds).where(eq(calendarFeeds.userId, userId));
  return feed ?? null;
}

/** The user's one feed now answers to this hash only: an earlier token stops working at once. */
export async function replaceCalendarFeed(userId: string, tokenHash: string, db: Database = getDb()): Promise<{ replaced: boolean }> {
  const [previous] = await db.select({ userId: calendarFeeds.userId }).from(calendarFeeds).where(eq(calendarFeeds.userId, userId)).for("update");
  const now = new Date();
  await db
    .insert(calendarFeeds)
    .values({ userId, tokenHash, createdAt: now })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash, createdAt: now, lastUsedAt: null } });
  return { replaced: Boolean(previous) };
}

export async function deleteCalendarFeed(userId: string, db: Database = getDb()): Promise<boolean> {
  const deleted = await db.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId)).returning({ userId: calendarFeeds.userId });
  return deleted.length > 0;
}

/**
 * The active customer whose feed has this token hash, recording the fetch; null for an unknown
 * hash or a user who was disabled (their feed must stop too).
 */
export async function openCalendarFeed(tokenHash: string, db: Database = getDb()): Promise<{ userId: string; accountId: string; locale: Locale } | null> {
  const [feed] = await db
    .update(calendarFeeds)
    .set({ lastUsedAt: new Date() })
    .from(users)
    .where(and(eq(calendarFeeds.tokenHash, tokenHash), eq(users.id, calendarFeeds.userId), eq(users.status, "active"), eq(users.role, "customer")))
    .returning({ userId: calendarFeeds.userId });
  if (!feed) return null;
  const [membership] = await db
    .select({ accountId: customerAccountMembers.accountId, locale: userSettings.locale })
    .from(customerAccountMembers)
    .leftJoin(userSettings, eq(userSettings.userId, customerAccountMembers.userId))
    .where(eq(customerAccountMembers.userId, feed.userId));
  return membership ? { userId: feed.userId, accountId: membership.accountId, locale: membership.locale ?? "en" } : null;
}

/** What the feed shows: the milestones and due dates of the account's projects that are not cancelled. */
export async function listCalendarEntries(accountId: string, db: Database = getDb()) {
  const live = and(eq(projects.accountId, accountId), ne(projects.status, "cancelled"));
  const [milestones, dueDates] = await Promise.all([
    db
      .select({
        id: projectMilestones.id,
        title: projectMilestones.title,
        dueDate: projectMilestones.dueDate,
        completedAt: projectMilestones.completedAt,
        projectId: projects.id,
        projectName: projects.name,
      })
      .from(projectMilestones)
      .innerJoin(projects, eq(projects.id, projectMilestones.projectId))
      .where(live)
      .orderBy(asc(projectMilestones.dueDate), asc(projectMilestones.id)),
    db
      .select({ projectId: projects.id, projectName: projects.name, dueDate: projects.dueDate, status: projects.status })
      .from(projects)
      .where(and(live, isNotNull(projects.dueDate)))
      .orderBy(asc(projects.dueDate), asc(projects.id)),
  ]);
  return { milestones, dueDates: dueDates.map((row) => ({ ...row, dueDate: row.dueDate! })) };
}
