import "server-only";
import { randomUUID } from "node:crypto";
import { createAuditEntry } from "@/db/queries/audit";
import { inTransaction, type Transaction } from "@/db/queries/transaction";
import {
  countWebhookEndpoints,
  deleteWebhookEndpointRow,
  getWebhookDeliveryRow,
  getWebhookEndpointRow,
  getWebhookEndpointSecrets,
  getWebhookManagedAccountId,
  insertWebhookEndpoint,
  listLastWebhookDeliveries,
  listWebhookDeliveryRows,
  listWebhookEndpointRows,
  listWebhookEndpointSealedSecrets,
  setWebhookEndpointSecrets,
  updateWebhookEndpointRow,
  type WebhookDeliveryAttemptRow,
  type WebhookDeliveryRow,
  type WebhookEndpointBase,
  type WebhookLastDelivery,
} from "@/db/queries/webhooks";
import type { Actor } from "@/lib/actor";
import { WEBHOOK_ENDPOINTS_PER_ACCOUNT_MAX, WEBHOOK_PING_EVENT, WEBHOOK_SECRET_OVERLAP_HOURS, type WebhookEventType } from "@/lib/constants";
import { decodeCursor, encodeCursor } from "@/lib/cursor";
import { AppError } from "@/lib/errors";
import type { RequestInfo } from "@/lib/request-info";
import { enqueueWebhookDeliveries, newWebhookEventId, type WebhookPayload } from "./emit";
import { generateWebhookSecret, sealWebhookSecret, unsealWebhookSecret, webhookSecretPrefix } from "./secrets";
import { checkWebhookTarget, type WebhookTargetProblem } from "./target";
import { consumeRateLimit } from "@/db/queries/rate-limits";

export type WebhookEndpoint = WebhookEndpointBase & { secretPrefix?: string; lastDelivery?: WebhookLastDelivery };
export type WebhookEndpointFields = { url: string; description: string; events: WebhookEventType[] };
export type { WebhookTargetProblem };

/**
 * The account whose webhooks the actor manages: only its owner does, while it is open. Members,
 * staff (who are not customers here) and closed accounts are refused.
 */
async function managedAccount(actor: Actor, db?: Transaction): Promise<string> {
  const accountId = actor.role === "customer" && actor.accountId ? await getWebhookManagedAccountId(actor.id, actor.accountId, db) : null;
  if (!accountId) throw new AppError("forbidden", "Only the account's owner manages webhooks.");
  return accountId;
}

/** Whether the actor may see and manage the account's webhooks (the page shows itself only then). */
export async function canManageWebhooks(actor: Actor, db?: Transaction): Promise<boolean> {
  return actor.role === "customer" && actor.accountId !== null && (await getWebhookManagedAccountId(actor.id, actor.accountId, db)) !== null;
}

function withSecretPrefix(row: WebhookEndpointBase, secretSealed: string | undefined): WebhookEndpoint {
  if (!secretSealed) return row;
  try {
    return { ...row, secretPrefix: webhookSecretPrefix(unsealWebhookSecret(secretSealed, row.id)) };
  } catch {
    // Sealed under another AUTH_SECRET: the endpoint still lists, its prefix cannot be shown.
    return row;
  }
}

async function describe(rows: WebhookEndpointBase[], db?: Transaction): Promise<WebhookEndpoint[]> {
  const ids = rows.map((row) => row.id);
  const [last, sealed] = [await listLastWebhookDeliveries(ids, db), await listWebhookEndpointSealedSecrets(ids, db)];
  return rows.map((row) => {
    const lastDelivery = last.get(row.id);
    return { ...withSecretPrefix(row, sealed.get(row.id)), ...(lastDelivery ? { lastDelivery } : {}) };
  });
}

/** The account's endpoints, oldest first (at most WEBHOOK_ENDPOINTS_PER_ACCOUNT_MAX): never their secrets. */
export async function listWebhookEndpoints(actor: Actor, db?: Transaction): Promise<WebhookEndpoint[]> {
  const accountId = await managedAccount(actor, db);
  return describe(await listWebhookEndpointRows(accountId, db), db);
}

/** One endpoint of the account, or null (another account's or unknown). */
export async function getWebhookEndpoint(actor: Actor, endpointId: string, db?: Transaction): Promise<WebhookEndpoint | null> {
  const accountId = await managedAccount(actor, db);
  const row = await getWebhookEndpointRow(accountId, endpointId, db);
  return row ? (await describe([row], db))[0]! : null;
}

export type CreateWebhookEndpointResult =
  | { status: "ok"; endpoint: WebhookEndpoint; secret: string }
  | { status: "invalid_url"; reason: WebhookTargetProblem }
  | { status: "too_many" };

/** Registers an endpoint; its signing secret is returned this once (`whsec_…`) and kept sealed. */
export async function createWebhookEndpoint(actor: Actor, input: WebhookEndpointFields, info: RequestInfo, db?: Transaction): Promise<CreateWebhookEndpointResult> {
  const accountId = await managedAccount(actor, db);
  const target = await checkWebhookTarget(input.url);
  if (!target.ok) return { status: "invalid_url", reason: target.reason };
  const id = randomUUID();
  const secret = generateWebhookSecret();
  return inTransaction(async (tx) => {
    if ((await countWebhookEndpoints(accountId, tx)) >= WEBHOOK_ENDPOINTS_PER_ACCOUNT_MAX) return { status: "too_many" as const };
    const row = await insertWebhookEndpoint(
      { id, accountId, createdById: actor.id, url: input.url, description: input.description, events: input.events, secretSealed: sealWebhookSecret(secret, id) },
      tx,
    );
    await createAuditEntry(
      { action: "user.webhook_endpoint_created", actorId: actor.id, targetUserId: actor.id, ...info, metadata: { endpointId: id, url: input.url, events: input.events.join(" ") } },
      tx,
    );
    return { status: "ok" as const, endpoint: { ...row, secretPrefix: webhookSecretPrefix(secret) }, secret };
  }, db);
}

export type UpdateWebhookEndpointResult = { status: "ok"; endpoint: WebhookEndpoint } | { status: "not_found" } | { status: "invalid_url"; reason: WebhookTargetProblem };

/**
 * Changes an endpoint (fields left out stay as they are). Turning it off records "manual"; turning
 * it on again clears why it was off, a "failing" one included.
 */
export async function updateWebhookEndpoint(
  actor: Actor,
  endpointId: string,
  input: Partial<WebhookEndpointFields & { enabled: boolean }>,
  info: RequestInfo,
  db?: Transaction,
): Promise<UpdateWebhookEndpointResult> {
  const accountId = await managedAccount(actor, db);
  const current = await getWebhookEndpointRow(accountId, endpointId, db);
  if (!current) return { status: "not_found" };
  if (input.url !== undefined && input.url !== current.url) {
    const target = await checkWebhookTarget(input.url);
    if (!target.ok) return { status: "invalid_url", reason: target.reason };
  }
  const switched = input.enabled === undefined || input.enabled === current.enabled ? {} : input.enabled ? { enabled: true, disabledReason: null, disabledAt: null } : { enabled: false, disabledReason: "manual", disabledAt: new Date() };
  return inTransaction(async (tx) => {
    const row = await updateWebhookEndpointRow(accountId, endpointId, { url: input.url, description: input.description, events: input.events, ...switched }, tx);
    if (!row) return { status: "not_found" as const };
    await createAuditEntry(
      {
        action: "user.webhook_endpoint_updated",
        actorId: actor.id,
        targetUserId: actor.id,
        ...info,
        metadata: { endpointId, url: row.url, events: row.events.join(" "), enabled: row.enabled },
      },
      tx,
    );
    return { status: "ok" as const, endpoint: (await describe([row], tx))[0]! };
  }, db);
}

/** Deletes an endpoint with its delivery log. */
export async function deleteWebhookEndpoint(actor: Actor, endpointId: string, info: RequestInfo, db?: Transaction): Promise<{ status: "ok" | "not_found" }> {
  const accountId = await managedAccount(actor, db);
  return inTransaction(async (tx) => {
    const row = await deleteWebhookEndpointRow(accountId, endpointId, tx);
    if (!row) return { status: "not_found" as const };
    await createAuditEntry({ action: "user.webhook_endpoint_deleted", actorId: actor.id, targetUserId: actor.id, ...info, metadata: { endpointId, url: row.url } }, tx);
    return { status: "ok" as const };
  }, db);
}

export type RotateWebhookSecretResult = { status: "ok"; secret: string; previousExpiresAt: Date } | { status: "not_found" };

/**
 * A new signing secret, shown once. For WEBHOOK_SECRET_OVERLAP_HOURS every delivery is signed with
 * the new and the previous secret, so the receiver can switch without losing events.
 */
export async function rotateWebhookSecret(actor: Actor, endpointId: string, info: RequestInfo, db?: Transaction): Promise<RotateWebhookSecretResult> {
  const accountId = await managedAccount(actor, db);
  const secret = generateWebhookSecret();
  const previousExpiresAt = new Date(Date.now() + WEBHOOK_SECRET_OVERLAP_HOURS * 3600_000);
  return inTransaction(async (tx) => {
    const current = await getWebhookEndpointSecrets(endpointId, tx);
    if (!current || current.accountId !== accountId) return { status: "not_found" as const };
    await setWebhookEndpointSecrets(accountId, endpointId, { secretSealed: sealWebhookSecret(secret, endpointId), previousSecretSealed: current.secretSealed, previousSecretExpiresAt: previousExpiresAt }, tx);
    await createAuditEntry(
      { action: "user.webhook_secret_rotated", actorId: actor.id, targetUserId: actor.id, ...info, metadata: { endpointId, previousExpiresAt: previousExpiresAt.toISOString() } },
      tx,
    );
    return { status: "ok" as const, secret, previousExpiresAt };
  }, db);
}

export type WebhookDeliveryListRow = Omit<WebhookDeliveryRow, "endpointId">;

/** An endpoint's delivery log, newest first; `cursor` is the previous page's `nextCursor`. Another account's endpoint lists nothing. */
export async function listWebhookDeliveries(
  actor: Actor,
  endpointId: string,
  page: { cursor?: string | null; limit: number },
  db?: Transaction,
): Promise<{ rows: WebhookDeliveryListRow[]; nextCursor: string | null }> {
  const accountId = await managedAccount(actor, db);
  const { rows, next } = await listWebhookDeliveryRows(accountId, endpointId, { cursor: decodeCursor(page.cursor ?? undefined), limit: page.limit }, db);
  return { rows: rows.map(({ endpointId: _, ...row }) => row), nextCursor: next ? encodeCursor(next) : null };
}

export type WebhookDeliveryDetail = Omit<WebhookDeliveryRow, "attempts"> & { payload: Record<string, unknown>; attempts: WebhookDeliveryAttemptRow[] };

/**
 * One delivery with what was sent (its payload) and every attempt, oldest first: request headers,
 * answer and duration. Null for another account's or an unknown one.
 */
export async function getWebhookDelivery(actor: Actor, deliveryId: string, db?: Transaction): Promise<WebhookDeliveryDetail | null> {
  const accountId = await managedAccount(actor, db);
  const row = await getWebhookDeliveryRow(accountId, deliveryId, db);
  if (!row) return null;
  const { attemptsLog, attempts: _, ...delivery } = row;
  return { ...delivery, attempts: attemptsLog };
}

/** Replays and test events an account may send per hour: an endpoint must not become a way to flood someone's server. */
const MANUAL_SENDS_PER_HOUR = 60;
const manualSendLimit = (accountId: string) => ({ key: `webhook-manual-sends:${accountId}`, limit: MANUAL_SENDS_PER_HOUR, windowSeconds: 3600 });

export type ReplayWebhookDeliveryResult = { status: "ok"; deliveryId: string } | { status: "not_found" } | { status: "endpoint_disabled" } | { status: "rate_limited"; retryAfterSeconds: number };

/**
 * Sends a delivery's event again as a new delivery with the same payload and the same event id
 * (`webhook-id`): a receiver that already processed it can recognise the repeat.
 */
export async function replayWebhookDelivery(actor: Actor, deliveryId: string, info: RequestInfo, db?: Transaction): Promise<ReplayWebhookDeliveryResult> {
  const accountId = await managedAccount(actor, db);
  return inTransaction(async (tx) => {
    const original = await getWebhookDeliveryRow(accountId, deliveryId, tx);
    if (!original) return { status: "not_found" as const };
    const endpoint = await getWebhookEndpointRow(accountId, original.endpointId, tx);
    if (!endpoint) return { status: "not_found" as const };
    if (!endpoint.enabled) return { status: "endpoint_disabled" as const };
    const limit = await consumeRateLimit([manualSendLimit(accountId)], tx);
    if (!limit.allowed) return { status: "rate_limited" as const, retryAfterSeconds: limit.retryAfterSeconds };
    const [id] = await enqueueWebhookDeliveries(
      [{ endpointId: original.endpointId, accountId, eventId: original.eventId, eventType: original.eventType, payload: original.payload, replayOfId: original.id }],
      tx,
    );
    await createAuditEntry(
      { action: "user.webhook_delivery_replayed", actorId: actor.id, targetUserId: actor.id, ...info, metadata: { endpointId: original.endpointId, deliveryId: original.id, replayId: id! } },
      tx,
    );
    return { status: "ok" as const, deliveryId: id! };
  }, db);
}

export type SendTestWebhookResult = ReplayWebhookDeliveryResult;

/**
 * Sends the endpoint a `ping` event (no endpoint subscribes to it) to try the receiver and its
 * signature check; it shows in the delivery log and is retried like any other. Not audited: it changes nothing.
 */
export async function sendTestWebhook(actor: Actor, endpointId: string, _info: RequestInfo, db?: Transaction): Promise<SendTestWebhookResult> {
  const accountId = await managedAccount(actor, db);
  return inTransaction(async (tx) => {
    const endpoint = await getWebhookEndpointRow(accountId, endpointId, tx);
    if (!endpoint) return { status: "not_found" as const };
    if (!endpoint.enabled) return { status: "endpoint_disabled" as const };
    const limit = await consumeRateLimit([manualSendLimit(accountId)], tx);
    if (!limit.allowed) return { status: "rate_limited" as const, retryAfterSeconds: limit.retryAfterSeconds };
    const payload: WebhookPayload = { type: WEBHOOK_PING_EVENT, timestamp: new Date().toISOString(), data: { endpointId, message: "A test event sent from the webhooks page." } };
    const [id] = await enqueueWebhookDeliveries([{ endpointId, accountId, eventId: newWebhookEventId(), eventType: WEBHOOK_PING_EVENT, payload }], tx);
    return { status: "ok" as const, deliveryId: id! };
  }, db);
}
