const MINUTE = 60;
const HOUR = 60 * MINUTE;

/**
 * Seconds to wait before each retry of a failed delivery: ten tries over about a day (23 h 42 min),
 * then the delivery fails and its endpoint is turned off.
 */
export const WEBHOOK_RETRY_SCHEDULE_SECONDS = [30, 2 * MINUTE, 10 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 4 * HOUR, 8 * HOUR, 8 * HOUR] as const;
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_RETRY_SCHEDULE_SECONDS.length + 1;
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** How much of a receiver's answer the delivery log keeps. */
export const WEBHOOK_RESPONSE_BODY_MAX = 2048;
/** Deliveries (and their attempts) are kept this long. */
export const WEBHOOK_DELIVERY_RETENTION_DAYS = 30;
export const WEBHOOK_USER_AGENT = "Clientdesk-Webhooks/1";

/** The wait after the `attempts`-th failed try, or null when that was the last one. */
export function retryDelaySeconds(attempts: number): number | null {
  return WEBHOOK_RETRY_SCHEDULE_SECONDS[attempts - 1] ?? null;
}
