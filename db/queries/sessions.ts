import "server-only";
import { and, desc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import { authSessions, customerAccountMembers, users, userSettings, userTwoFactor, type AccountMemberRole } from "@/db/schema";
import { SESSION_IDLE_TIMEOUT_SECONDS, SESSION_MAX_AGE_SECONDS, type DashboardDensity, type DateFormat, type Locale, type Theme, type TimeFormat } from "@/lib/constants";

/** How stale `last_seen_at` may get before a request writes it again. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

/**
 * Records a sign-in. With `passwordHash`, only while the account's password still has that hash,
 * in the same statement, so a sign-in racing a password reset cannot outlive the reset.
 * Returns null when it was not created.
 */
export async function createAuthSession(
  input: { userId: string; ip: string | null; userAgent: string | null; passwordHash?: string },
  db: Database = getDb(),
): Promise<string | null> {
  return db.transaction(async (tx) => {
    if (input.passwordHash) {
      // FOR SHARE waits for a reset in progress, and keeps one from starting until this commits.
      const [user] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, input.userId)).for("share");
      if (user?.passwordHash !== input.passwordHash) return null;
    }
    const [session] = await tx
      .insert(authSessions)
      .values({ userId: input.userId, ip: input.ip, userAgent: input.userAgent?.slice(0, 512) ?? null })
      .returning({ id: authSessions.id });
    return session!.id;
  });
}

/** Not revoked, used within the idle timeout, and younger than the absolute lifetime. */
export function liveSession() {
  return and(
    isNull(authSessions.revokedAt),
    gt(authSessions.lastSeenAt, sql`now() - make_interval(secs => ${SESSION_IDLE_TIMEOUT_SECONDS})`),
    gt(authSessions.createdAt, sql`now() - make_interval(secs => ${SESSION_MAX_AGE_SECONDS})`),
  );
}

export type SessionUser = {
  sessionId: string;
  id: string;
  email: string;
  name: string;
  role: "customer" | "admin";
  /** The customer account the user belongs to (null for staff); what they buy is filed under it. */
  accountId: string | null;
  accountRole: AccountMemberRole | null;
  /** Whether two-factor sign-in is on: staff may not use the staff area without it. */
  twoFactorEnabled: boolean;
  theme: Theme;
  locale: Locale;
  timeZone: string;
  dateFormat: DateFormat;
  timeFormat: TimeFormat;
  dashboardDensity: DashboardDensity;
  preferencesSavedAt: Date | null;
  securityReviewedAt: Date | null;
  /** The stored file of the user's avatar, shown through /api/files/[id]; null for initials. */
  avatarFileId: string | null;
};

/** The user columns a signed-in request needs; the session's and a token's caller read the same. */
export const sessionUserColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  accountId: customerAccountMembers.accountId,
  accountRole: customerAccountMembers.role,
  twoFactorEnabled: sql<boolean>`${userTwoFactor.enabledAt} is not null`,
  theme: sql<SessionUser["theme"]>`coalesce(${userSettings.theme}, 'auto')`,
  locale: sql<SessionUser["locale"]>`coalesce(${userSettings.locale}, 'en')`,
  timeZone: sql<string>`coalesce(${userSettings.timeZone}, 'UTC')`,
  dateFormat: sql<DateFormat>`coalesce(${userSettings.dateFormat}, 'locale')`,
  timeFormat: sql<TimeFormat>`coalesce(${userSettings.timeFormat}, 'locale')`,
  dashboardDensity: sql<DashboardDensity>`coalesce(${userSettings.dashboardDensity}, 'default')`,
  preferencesSavedAt: userSettings.preferencesSavedAt,
  securityReviewedAt: userSettings.securityReviewedAt,
  avatarFileId: users.avatarFileId,
};

type SessionUserRow = { [K in keyof typeof sessionUserColumns]: K extends keyof SessionUser ? SessionUser[K] : never };

/** A signed-in user from `sessionUserColumns`: staff act for no account. */
export function toSessionUser<S extends string | undefined>(row: SessionUserRow, sessionId: S): Omit<SessionUser, "sessionId"> & { sessionId: S } {
  return {
    sessionId,
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    // A customer made staff keeps the membership (nothing is lost if it is undone), but staff act for no account.
    accountId: row.role === "customer" ? row.accountId : null,
    accountRole: row.role === "customer" ? row.accountRole : null,
    twoFactorEnabled: row.twoFactorEnabled,
    theme: row.theme,
    locale: row.locale,
    timeZone: row.timeZone,
    dateFormat: row.dateFormat,
    timeFormat: row.timeFormat,
    dashboardDensity: row.dashboardDensity,
    preferencesSavedAt: row.preferencesSavedAt,
    securityReviewedAt: row.securityReviewedAt,
    avatarFileId: row.avatarFileId,
  };
}

/**
 * The per-request check behind every signed-in page: the session must exist, be live (see
 * `liveSession`) and belong to an active user. Returns null otherwise.
 */
export async function getActiveSessionUser(sessionId: string, db: Database = getDb()): Promise<SessionUser | null> {
  const [row] = await db
    .select({ sessionId: authSessions.id, lastSeenAt: authSessions.lastSeenAt, ...sessionUserColumns })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .leftJoin(userSettings, eq(userSettings.userId, users.id))
    .leftJoin(customerAccountMembers, eq(customerAccountMembers.userId, users.id))
    .leftJoin(userTwoFactor, eq(userTwoFactor.userId, users.id))
    .where(and(eq(authSessions.id, sessionId), liveSession(), eq(users.status, "active")));
  if (!row) return null;
  if (Date.now() - row.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await db.update(authSessions).set({ lastSeenAt: new Date() }).where(eq(authSessions.id, sessionId));
  }
  return toSessionUser(row, row.sessionId);
}

/** Whether the session is still live, without counting this as activity (for long-lived streams). */
export async function isSessionLive(sessionId: string, db: Database = getDb()): Promise<boolean> {
  const [row] = await db
    .select({ id: authSessions.id })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(and(eq(authSessions.id, sessionId), liveSession(), eq(users.status, "active")));
  return Boolean(row);
}

export async function listActiveSessions(userId: string, db: Database = getDb()) {
  return db
    .select({
      id: authSessions.id,
      createdAt: authSessions.createdAt,
      lastSeenAt: authSessions.lastSeenAt,
      ip: authSessions.ip,
      userAgent: authSessions.userAgent,
    })
    .from(authSessions)
    .where(and(eq(authSessions.userId, userId), liveSession()))
    .orderBy(desc(authSessions.lastSeenAt));
}

/** Revokes one of the user's own sessions; a session id of someone else's changes nothing. */
export async function revokeSession(userId: string, sessionId: string, db: Database = getDb()): Promise<boolean> {
  const revoked = await db
    .update(authSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(authSessions.id, sessionId), eq(authSessions.userId, userId), isNull(authSessions.revokedAt)))
    .returning({ id: authSessions.id });
  return revoked.length > 0;
}

/** Sign-out: the session in the cookie being cleared ends too, so a copy of that cookie is worthless. */
export async function revokeSessionById(sessionId: string, db: Database = getDb()): Promise<void> {
  await db.update(authSessions).set({ revokedAt: new Date() }).where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt)));
}

/** Revokes every session of the user, or every one but `keepSessionId`. */
export async function revokeUserSessions(
  userId: string,
  options: { keepSessionId?: string } = {},
  db: Database = getDb(),
): Promise<number> {
  const revoked = await db
    .update(authSessions)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(authSessions.userId, userId),
        isNull(authSessions.revokedAt),
        options.keepSessionId ? ne(authSessions.id, options.keepSessionId) : undefined,
      ),
    )
    .returning({ id: authSessions.id });
  return revoked.length;
}
