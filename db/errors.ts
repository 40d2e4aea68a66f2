/** Error codes of a database that cannot be reached (Node's socket errors and postgres.js's own). */
const connectionCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
]);

/**
 * Whether an error means the database is unreachable (an outage: answer 503 and retry later),
 * rather than a fault in a query. SQLSTATE class 08 is a connection exception, 57P0x a shutdown.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && (connectionCodes.has(code) || code.startsWith("08") || code.startsWith("57P0"))) return true;
  }
  return false;
}

/** A unique constraint refused the write (SQLSTATE 23505), e.g. two requests racing for one address. */
export function isUniqueViolation(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    if ((current as { code?: unknown }).code === "23505") return true;
  }
  return false;
}
