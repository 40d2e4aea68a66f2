import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
// Relative, not "@/": drizzle-kit loads the schema without the project's path aliases.
import { webhookDeliveryStatuses, type ApiScope, type WebhookDeliveryEventType, type WebhookEventType } from "../../lib/constants";
import { customerAccounts } from "./accounts";
import { users } from "./users";

/**
 * Personal access tokens for the JSON API. Only a SHA-256 of the token is kept (it has 256 random
 * bits, so a slow hash adds nothing); the prefix lets the owner and staff tell tokens apart.
 */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text().notNull(),
    prefix: text().notNull(),
    tokenHash: text().notNull(),
    scopes: text().array().$type<ApiScope[]>().notNull(),
    expiresAt: timestamp({ withTimezone: true }),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    revokedById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("api_tokens_hash_unique").on(table.tokenHash), index("api_tokens_user_idx").on(table.userId, table.createdAt)],
);

/**
 * A POST's `Idempotency-Key`: the first request's answer is kept and given again to a repeat with the
 * same key and body, so a client retrying after a timeout never creates or pays twice.
 */
export const apiIdempotencyKeys = pgTable(
  "api_idempotency_keys",
  {
    id: uuid().primaryKey().defaultRandom(),
    tokenId: uuid()
      .notNull()
      .references(() => apiTokens.id, { onDelete: "cascade" }),
    key: text().notNull(),
    method: text().notNull(),
    path: text().notNull(),
    // SHA-256 of the body: the same key with another body is refused.
    requestHash: text().notNull(),
    // Null while the first request is still running.
    responseStatus: integer(),
    responseBody: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("api_idempotency_keys_token_key_unique").on(table.tokenId, table.key), index("api_idempotency_keys_created_idx").on(table.createdAt)],
);

/** A customer's endpoint for outgoing webhooks. The signing secret is sealed (it must be read to sign). */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid()
      .notNull()
      .references(() => customerAccounts.id, { onDelete: "cascade" }),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    url: text().notNull(),
    description: text().notNull().default(""),
    events: text().array().$type<WebhookEventType[]>().notNull(),
    secretSealed: text().notNull(),
    // After a rotation the previous secret signs too, until it expires.
    previousSecretSealed: text(),
    previousSecretExpiresAt: timestamp({ withTimezone: true }),
    enabled: boolean().notNull().default(true),
    // Why it was turned off: "failing" (deliveries failed for about a day) or "manual".
    disabledReason: text(),
    disabledAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("webhook_endpoints_account_idx").on(table.accountId)],
);

/** One event sent to one endpoint (its retries are attempts). A replay is a new delivery of the same event. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid().primaryKey().defaultRandom(),
    endpointId: uuid()
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    accountId: uuid()
      .notNull()
      .references(() => customerAccounts.id, { onDelete: "cascade" }),
    // The event's id, the same for every delivery of it (receivers deduplicate on `webhook-id`).
    eventId: text().notNull(),
    eventType: text().$type<WebhookDeliveryEventType>().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    status: text({ enum: webhookDeliveryStatuses }).notNull().default("pending"),
    attempts: integer().notNull().default(0),
    lastAttemptAt: timestamp({ withTimezone: true }),
    nextAttemptAt: timestamp({ withTimezone: true }),
    responseStatus: integer(),
    durationMs: integer(),
    replayOfId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("webhook_deliveries_endpoint_idx").on(table.endpointId, table.createdAt.desc().nullsFirst(), table.id.desc().nullsFirst())],
);

/** Each try of a delivery: what was sent, what came back, how long it took. */
export const webhookDeliveryAttempts = pgTable(
  "webhook_delivery_attempts",
  {
    id: uuid().primaryKey().defaultRandom(),
    deliveryId: uuid()
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    attemptedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    requestHeaders: jsonb().$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    // Null when no answer came (refused connection, timeout): `error` says why.
    responseStatus: integer(),
    // The first 2 KB of the answer, for the log.
    responseBody: text(),
    durationMs: integer().notNull(),
    error: text(),
  },
  (table) => [index("webhook_delivery_attempts_delivery_idx").on(table.deliveryId, table.attemptedAt)],
);

export type ApiToken = typeof apiTokens.$inferSelect;
export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
export type WebhookDeliveryAttempt = typeof webhookDeliveryAttempts.$inferSelect;
