import "server-only";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import { apiIdempotencyKeys } from "@/db/schema";
import { API_IDEMPOTENCY_TTL_HOURS } from "@/lib/constants";

export type IdempotencyRecord = { method: string; path: string; requestHash: string; responseStatus: number | null; responseBody: string | null };

/**
 * A claim still without an answer after this long belongs to a request that died (a crash, or the
 * database lost before its answer was stored): its key may be used again rather than answer 409 for a day.
 */
export const IDEMPOTENCY_ABANDONED_MINUTES = 5;

/**
 * Claims `key` for this request. Returns null when it is new (the caller runs the request), or the
 * record of the earlier request with that key. A record older than the TTL, or an abandoned claim,
 * is forgotten first.
 */
export async function claimIdempotencyKey(
  input: { tokenId: string; key: string; method: string; path: string; requestHash: string },
  db: Database = getDb(),
): Promise<IdempotencyRecord | null> {
  await db
    .delete(apiIdempotencyKeys)
    .where(
      and(
        eq(apiIdempotencyKeys.tokenId, input.tokenId),
        eq(apiIdempotencyKeys.key, input.key),
        or(
          lt(apiIdempotencyKeys.createdAt, sql`now() - make_interval(hours => ${API_IDEMPOTENCY_TTL_HOURS})`),
          and(isNull(apiIdempotencyKeys.responseStatus), lt(apiIdempotencyKeys.createdAt, sql`now() - make_interval(mins => ${IDEMPOTENCY_ABANDONED_MINUTES})`)),
        ),
      ),
    );
  const [claimed] = await db.insert(apiIdempotencyKeys).values(input).onConflictDoNothing().returning({ id: apiIdempotencyKeys.id });
  if (claimed) return null;
  const [existing] = await db
    .select({ method: apiIdempotencyKeys.method, path: apiIdempotencyKeys.path, requestHash: apiIdempotencyKeys.requestHash, responseStatus: apiIdempotencyKeys.responseStatus, responseBody: apiIdempotencyKeys.responseBody })
    .from(apiIdempotencyKeys)
    .where(and(eq(apiIdempotencyKeys.tokenId, input.tokenId), eq(apiIdempotencyKeys.key, input.key)));
  // Deleted between the two statements (expired just now): treat as claimed by nobody, i.e. in progress.
  return existing ?? { ...input, responseStatus: null, responseBody: null };
}

export async function completeIdempotencyKey(input: { tokenId: string; key: string; responseStatus: number; responseBody: string }, db: Database = getDb()): Promise<void> {
  await db
    .update(apiIdempotencyKeys)
    .set({ responseStatus: input.responseStatus, responseBody: input.responseBody })
    .where(and(eq(apiIdempotencyKeys.tokenId, input.tokenId), eq(apiIdempotencyKeys.key, input.key)));
}

/** Lets a request that failed unexpectedly be retried with the same key. */
export async function releaseIdempotencyKey(input: { tokenId: string; key: string }, db: Database = getDb()): Promise<void> {
  await db.delete(apiIdempotencyKeys).where(and(eq(apiIdempotencyKeys.tokenId, input.tokenId), eq(apiIdempotencyKeys.key, input.key), sql`${apiIdempotencyKeys.responseStatus} is null`));
}
