import "server-only";
import { and, asc, count, desc, eq, ilike, max, or, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import { authSessions, users, type UserRole, type UserStatus } from "@/db/schema";
import type { AdminUserSort } from "@/lib/constants";
import { createCustomerAccount, getAccountMembership } from "./accounts";
import { createAuditEntry } from "./audit";
import { escapeLike } from "./search";
import { liveSession, revokeUserSessions } from "./sessions";
import { publicUserColumns } from "./users";

/** The Status column shows active, unverified or disabled: it sorts in that order, not by the stored flag. */
const shownStatus = sql`case when ${users.status} = 'disabled' then 2 when ${users.emailVerifiedAt} is null then 1 else 0 end`;

const sortColumns = {
  name: users.name,
  email: users.email,
  role: users.role,
  status: shownStatus,
  createdAt: users.createdAt,
} as const satisfies Record<AdminUserSort, unknown>;

/** One page of users and the number of matches, in one statement (a window count over the matches). */
export async function adminListUsers(
  params: { page: number; pageSize: number; sort: AdminUserSort; direction: "asc" | "desc"; query?: string },
  db: Database = getDb(),
) {
  const term = params.query?.trim();
  const where = term
    ? or(ilike(users.name, `%${escapeLike(term)}%`), ilike(users.email, `%${escapeLike(term)}%`))
    : undefined;
  const order = params.direction === "asc" ? asc(sortColumns[params.sort]) : desc(sortColumns[params.sort]);
  const page = await db
    .select({ ...publicUserColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(users)
    .where(where)
    // Rows that tie on the chosen column stay in name order, so paging is stable and readable.
    .orderBy(order, asc(users.name), asc(users.id))
    .limit(params.pageSize)
    .offset((params.page - 1) * params.pageSize);
  const rows = page.map(({ total, ...user }) => user);
  if (page[0]) return { rows, total: page[0].total };
  // A page past the end has no row to carry the count.
  const [total] = params.page > 1 ? await db.select({ value: count() }).from(users).where(where) : [{ value: 0 }];
  return { rows, total: total?.value ?? 0 };
}

/** One user with their live sessions and when any of their sessions was last used. */
export async function adminGetUser(userId: string, db: Database = getDb()) {
  const sessionStats = db
    .select({
      userId: authSessions.userId,
      activeSessions: sql<number>`(count(*) filter (where ${liveSession()}))::int`.as("active_sessions"),
      lastSeenAt: max(authSessions.lastSeenAt).as("last_seen_at"),
    })
    .from(authSessions)
    .where(eq(authSessions.userId, userId))
    .groupBy(authSessions.userId)
    .as("session_stats");
  const [user] = await db
    .select({
      ...publicUserColumns,
      activeSessions: sql<number>`coalesce(${sessionStats.activeSessions}, 0)`.mapWith(Number),
      lastSeenAt: sessionStats.lastSeenAt,
      avatarFileId: users.avatarFileId,
    })
    .from(users)
    .leftJoin(sessionStats, eq(sessionStats.userId, users.id))
    .where(eq(users.id, userId));
  return user ?? null;
}

/** Disabling ends every session of the user at their next request. */
export async function adminSetUserStatus(
  input: { adminId: string; userId: string; status: UserStatus; ip: string | null },
  db: Database = getDb(),
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const changed = await tx
      .update(users)
      .set({ status: input.status, updatedAt: new Date() })
      .where(and(eq(users.id, input.userId), sql`${users.status} <> ${input.status}`))
      .returning({ id: users.id });
    if (changed.length === 0) return false;
    if (input.status === "disabled") await revokeUserSessions(input.userId, {}, tx);
    await createAuditEntry(
      {
        action: input.status === "disabled" ? "admin.user_disabled" : "admin.user_enabled",
        actorId: input.adminId,
        targetUserId: input.userId,
        ip: input.ip,
      },
      tx,
    );
    return true;
  });
}

export async function adminSetUserRole(
  input: { adminId: string; userId: string; role: UserRole; ip: string | null },
  db: Database = getDb(),
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ role: users.role, name: users.name }).from(users).where(eq(users.id, input.userId)).for("update");
    if (!before || before.role === input.role) return false;
    await tx.update(users).set({ role: input.role, updatedAt: new Date() }).where(eq(users.id, input.userId));
    // A former staff member who becomes a customer needs an account to file their purchases under.
    if (input.role === "customer" && !(await getAccountMembership(input.userId, tx))) {
      await createCustomerAccount({ name: before.name, ownerId: input.userId }, tx);
    }
    await createAuditEntry(
      {
        action: "admin.role_changed",
        actorId: input.adminId,
        targetUserId: input.userId,
        ip: input.ip,
        metadata: { from: before.role, to: input.role },
      },
      tx,
    );
    return true;
  });
}
