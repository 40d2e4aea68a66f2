import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import { rateLimits } from "@/db/schema";

export type RateLimitRule = { key: string; limit: number; windowSeconds: number };
export type RateLimitResult =
  | { allowed: true; counts: Record<string, number>; resetSeconds: Record<string, number> }
  | { allowed: false; retryAfterSeconds: number; exceeded: string[]; counts: Record<string, number>; resetSeconds: Record<string, number> };

function expired(rule: RateLimitRule) {
  return sql`${rateLimits.windowStartedAt} <= now() - make_interval(secs => ${rule.windowSeconds})`;
}

function secondsLeft(rule: RateLimitRule) {
  return sql<number>`ceil(extract(epoch from (${rateLimits.windowStartedAt} + make_interval(secs => ${rule.windowSeconds}) - now())))::int`;
}

/**
 * Counts one attempt against every rule, atomically per key (INSERT … ON CONFLICT), and
 * reports the longest wait if any rule is over its limit. Expired windows restart at 1.
 */
export async function consumeRateLimit(rules: RateLimitRule[], db: Database = getDb()): Promise<RateLimitResult> {
  let retryAfterSeconds = 0;
  const exceeded: string[] = [];
  const counts: Record<string, number> = {};
  const resetSeconds: Record<string, number> = {};
  for (const rule of rules) {
    const [row] = await db
      .insert(rateLimits)
      .values({ key: rule.key, count: 1, windowStartedAt: sql`now()` })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          count: sql`case when ${expired(rule)} then 1 else ${rateLimits.count} + 1 end`,
          windowStartedAt: sql`case when ${expired(rule)} then now() else ${rateLimits.windowStartedAt} end`,
        },
      })
      .returning({ count: rateLimits.count, secondsLeft: secondsLeft(rule) });
    counts[rule.key] = row?.count ?? 0;
    resetSeconds[rule.key] = Math.max(1, row?.secondsLeft ?? rule.windowSeconds);
    if (row && row.count > rule.limit) {
      exceeded.push(rule.key);
      retryAfterSeconds = Math.max(retryAfterSeconds, row.secondsLeft);
    }
  }
  return exceeded.length > 0 ? { allowed: false, retryAfterSeconds, exceeded, counts, resetSeconds } : { allowed: true, counts, resetSeconds };
}

/** Whether the rule would refuse the next attempt, without counting one. */
export async function peekRateLimit(rule: RateLimitRule, db: Database = getDb()): Promise<RateLimitResult> {
  const [row] = await db
    .select({ count: rateLimits.count, secondsLeft: secondsLeft(rule) })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, rule.key), sql`not (${expired(rule)})`));
  const counts = { [rule.key]: row?.count ?? 0 };
  const resetSeconds = { [rule.key]: Math.max(1, row?.secondsLeft ?? rule.windowSeconds) };
  if (row && row.count >= rule.limit) return { allowed: false, retryAfterSeconds: Math.max(1, row.secondsLeft), exceeded: [rule.key], counts, resetSeconds };
  return { allowed: true, counts, resetSeconds };
}

/** Forgets the counters, e.g. an account's failed sign-ins after a successful one. */
export async function resetRateLimit(keys: string[], db: Database = getDb()): Promise<void> {
  if (keys.length > 0) await db.delete(rateLimits).where(inArray(rateLimits.key, keys));
}
