import "server-only";
import { isNotNull, lt, or, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import { apiIdempotencyKeys, authSessions, authTokens, emailOutbox, rateLimits, webhookDeliveries } from "@/db/schema";
import { API_IDEMPOTENCY_TTL_HOURS, SESSION_IDLE_TIMEOUT_SECONDS, SESSION_MAX_AGE_SECONDS } from "@/lib/constants";
import { WEBHOOK_DELIVERY_RETENTION_DAYS } from "@/lib/webhooks/schedule";

const DAY = 24 * 60 * 60;
const retention = {
  /** Ended sessions stay this long for the user's and staff's view of recent activity. */
  endedSessionsSeconds: 30 * DAY,
  outboxSeconds: 90 * DAY,
  // No rate-limit rule has a window longer than an hour, so a day-old window has long expired.
  rateLimitWindowSeconds: DAY,
};

function ago(seconds: number) {
  return sql`now() - make_interval(secs => ${seconds})`;
}

/** The daily clean-up: deletes what no rule or page needs any more, and says how much. */
export async function deleteExpiredRecords(db: Database = getDb()) {
  return db.transaction(async (tx) => {
    const sessions = await tx
      .delete(authSessions)
      .where(
        or(
          lt(authSessions.revokedAt, ago(retention.endedSessionsSeconds)),
          lt(authSessions.lastSeenAt, ago(SESSION_IDLE_TIMEOUT_SECONDS + retention.endedSessionsSeconds)),
          lt(authSessions.createdAt, ago(SESSION_MAX_AGE_SECONDS + retention.endedSessionsSeconds)),
        ),
      )
      .returning({ id: authSessions.id });
    const tokens = await tx
      .delete(authTokens)
      .where(or(isNotNull(authTokens.usedAt), lt(authTokens.expiresAt, sql`now()`)))
      .returning({ id: authTokens.id });
    const windows = await tx
      .delete(rateLimits)
      .where(lt(rateLimits.windowStartedAt, ago(retention.rateLimitWindowSeconds)))
      .returning({ key: rateLimits.key });
    const outbox = await tx
      .delete(emailOutbox)
      .where(lt(emailOutbox.createdAt, ago(retention.outboxSeconds)))
      .returning({ id: emailOutbox.id });
    const idempotencyKeys = await tx
      .delete(apiIdempotencyKeys)
      .where(lt(apiIdempotencyKeys.createdAt, ago(API_IDEMPOTENCY_TTL_HOURS * 60 * 60)))
      .returning({ id: apiIdempotencyKeys.id });
    // Their attempts go with them (on delete cascade).
    const deliveries = await tx
      .delete(webhookDeliveries)
      .where(lt(webhookDeliveries.createdAt, ago(WEBHOOK_DELIVERY_RETENTION_DAYS * DAY)))
      .returning({ id: webhookDeliveries.id });
    return {
      sessions: sessions.length,
      tokens: tokens.length,
      rateLimits: windows.length,
      outbox: outbox.length,
      idempotencyKeys: idempotencyKeys.length,
      webhookDeliveries: deliveries.length,
    };
  });
}
