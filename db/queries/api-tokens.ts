import "server-only";
import { and, desc, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import { apiTokens, customerAccountMembers, users, userSettings, userTwoFactor } from "@/db/schema";
import type { ApiScope } from "@/lib/constants";
import { sessionUserColumns, toSessionUser, type SessionUser } from "./sessions";

/** What the owner and staff see of a token: never its hash. */
const tokenColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  scopes: apiTokens.scopes,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
  createdAt: apiTokens.createdAt,
};

export type ApiTokenRow = { id: string; name: string; prefix: string; scopes: ApiScope[]; expiresAt: Date | null; lastUsedAt: Date | null; revokedAt: Date | null; createdAt: Date };

/** Not revoked and not expired. */
function liveToken() {
  return and(isNull(apiTokens.revokedAt), or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)));
}

/** A user's tokens, newest first, revoked and expired ones included (the list says so). A handful: no paging. */
export async function listApiTokens(userId: string, db: Database = getDb()): Promise<ApiTokenRow[]> {
  return db.select(tokenColumns).from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

export async function countLiveApiTokens(userId: string, db: Database = getDb()): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(apiTokens).where(and(eq(apiTokens.userId, userId), liveToken()));
  return row?.count ?? 0;
}

export async function insertApiToken(
  input: { userId: string; name: string; prefix: string; tokenHash: string; scopes: ApiScope[]; expiresAt: Date | null },
  db: Database = getDb(),
): Promise<ApiTokenRow> {
  const [token] = await db.insert(apiTokens).values(input).returning(tokenColumns);
  return token!;
}

/** Revokes a live token of `userId`; null when there is none such (another user's, unknown, already revoked). */
export async function revokeApiTokenRow(tokenId: string, userId: string, revokedById: string, db: Database = getDb()): Promise<ApiTokenRow | null> {
  const [token] = await db
    .update(apiTokens)
    .set({ revokedAt: sql`now()`, revokedById })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning(tokenColumns);
  return token ?? null;
}

/** The user a token request acts for: like a session's user, without a session. */
export type ApiTokenUser = Omit<SessionUser, "sessionId"> & { sessionId: undefined };

/** The live token with this hash and its active user, or null. */
export async function getLiveApiTokenByHash(
  tokenHash: string,
  db: Database = getDb(),
): Promise<{ token: { id: string; scopes: ApiScope[]; expiresAt: Date | null; lastUsedAt: Date | null }; user: ApiTokenUser } | null> {
  const [row] = await db
    .select({ tokenId: apiTokens.id, scopes: apiTokens.scopes, expiresAt: apiTokens.expiresAt, lastUsedAt: apiTokens.lastUsedAt, ...sessionUserColumns })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .leftJoin(userSettings, eq(userSettings.userId, users.id))
    .leftJoin(customerAccountMembers, eq(customerAccountMembers.userId, users.id))
    .leftJoin(userTwoFactor, eq(userTwoFactor.userId, users.id))
    .where(and(eq(apiTokens.tokenHash, tokenHash), liveToken(), eq(users.status, "active")));
  if (!row) return null;
  return { token: { id: row.tokenId, scopes: row.scopes, expiresAt: row.expiresAt, lastUsedAt: row.lastUsedAt }, user: toSessionUser(row, undefined) };
}

/** Records a use, unless one was recorded within `withinSeconds`. */
export async function touchApiToken(tokenId: string, withinSeconds: number, db: Database = getDb()): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(apiTokens.id, tokenId), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, sql`now() - make_interval(secs => ${withinSeconds})`))));
}
