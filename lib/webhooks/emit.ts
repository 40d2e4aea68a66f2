import "server-only";
import { randomBytes } from "node:crypto";
import { insertWebhookDeliveries, listSubscribedWebhookEndpoints, type NewWebhookDelivery } from "@/db/queries/webhooks";
import type { Transaction } from "@/db/queries/transaction";
import type { WebhookDeliveryEventType, WebhookEventType } from "@/lib/constants";
import { appUrl } from "@/lib/env";
import { enqueue } from "@/lib/jobs";

/** What an event carries about its object: ids, states, amounts in minor units with their currency, ISO dates. */
export type WebhookEventData = Record<string, unknown>;
/** `data` may be a function: a bulk insert builds it only for the accounts that have a subscribed endpoint. */
export type WebhookEvent = { accountId: string; type: WebhookEventType; data: WebhookEventData | (() => WebhookEventData) };

/** The body every delivery of an event sends (Standard Webhooks' shape). */
export type WebhookPayload = { type: WebhookDeliveryEventType; timestamp: string; data: WebhookEventData };

/** Receivers deduplicate on this id (`webhook-id`): every try of an event, and its replays, send the same one. */
export function newWebhookEventId(): string {
  return `msg_${randomBytes(18).toString("base64url")}`;
}

/** The absolute address of an object in the JSON API, for an event's `data.url`. */
export function apiUrl(path: `/${string}`): string {
  return `${appUrl()}/api/v1${path}`;
}

/**
 * Queues `event` for every enabled endpoint of its account subscribed to its type, in the caller's
 * transaction: an event of a change that is rolled back is never sent. Costs one indexed query
 * when the account has no endpoints.
 */
export async function emitWebhookEvent(event: WebhookEvent, tx: Transaction): Promise<void> {
  await emitWebhookEvents([event], tx);
}

/** Several events (a batch of imported calls) with one endpoint query per event type. */
export async function emitWebhookEvents(events: WebhookEvent[], tx: Transaction): Promise<void> {
  if (events.length === 0) return;
  const timestamp = new Date().toISOString();
  const byType = new Map<WebhookEventType, WebhookEvent[]>();
  for (const event of events) byType.set(event.type, [...(byType.get(event.type) ?? []), event]);
  for (const [type, ofType] of byType) {
    const endpoints = await listSubscribedWebhookEndpoints([...new Set(ofType.map((event) => event.accountId))], type, tx);
    if (endpoints.length === 0) continue;
    const rows: NewWebhookDelivery[] = ofType.flatMap((event) => {
      const targets = endpoints.filter((endpoint) => endpoint.accountId === event.accountId);
      if (targets.length === 0) return [];
      const payload: WebhookPayload = { type, timestamp, data: typeof event.data === "function" ? event.data() : event.data };
      const eventId = newWebhookEventId();
      return targets.map((endpoint) => ({ endpointId: endpoint.id, accountId: event.accountId, eventId, eventType: type, payload }));
    });
    await enqueueWebhookDeliveries(rows, tx);
  }
}

/** Inserts deliveries and a job for each, in `tx`. Returns the deliveries' ids. */
export async function enqueueWebhookDeliveries(rows: NewWebhookDelivery[], tx: Transaction): Promise<string[]> {
  const inserted = await insertWebhookDeliveries(rows, tx);
  for (const { id } of inserted) await enqueue("webhook.deliver", { deliveryId: id, attempt: 0 }, tx);
  return inserted.map((row) => row.id);
}
