import "server-only";
import { inArray, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import { rateLimits } from "@/db/schema";

export type RateLimitRule = { key: string; limit: number; windowSeconds: number };
export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one attempt against every rule, atomically per key (INSERT … ON CONFLICT), and
 * reports the longest wait if any rule is over its limit. Expired windows restart at 1.
 */
export async function consumeRateLimit(rules: RateLimitRule[], db: Database = getDb()): Promise<RateLimitResult> {
  let retryAfterSeconds = 0;
  for (const rule of rules) {
    const expired = sql`${rateLimits.windowStartedAt} <= now() - make_interval(secs => ${rule.windowSeconds})`;
    const [row] = await db
      .insert(rateLimits)
      .values({ key: rule.key, count: 1, windowStartedAt: sql`now()` })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
          windowStartedAt: sql`case when ${expired} then now() else ${rateLimits.windowStartedAt} end`,
        },
      })
      .returning({
        count: rateLimits.count,
        secondsLeft: sql<number>`ceil(extract(epoch from (${rateLimits.windowStartedAt} + make_interval(secs => ${rule.windowSeconds}) - now())))::int`,
      });
    if (row && row.count > rule.limit) retryAfterSeconds = Math.max(retryAfterSeconds, row.secondsLeft);
  }
  return retryAfterSeconds > 0 ? { allowed: false, retryAfterSeconds } : { allowed: true };
}

/** Forgets the counters, e.g. an account's failed sign-ins after a successful one. */
export async function resetRateLimit(keys: string[], db: Database = getDb()): Promise<void> {
  if (keys.length > 0) await db.delete(rateLimits).where(inArray(rateLimits.key, keys));
}
