import "server-only";
import http from "node:http";
import https from "node:https";
import { Webhook } from "standardwebhooks";
import { inTransaction } from "@/db/queries/transaction";
import {
  disableFailingWebhookEndpoint,
  failPendingWebhookDelivery,
  getWebhookDeliveryForSending,
  insertWebhookAttempt,
  listAccountOwnerIds,
  updateWebhookDeliveryAfterAttempt,
} from "@/db/queries/webhooks";
import { enqueue } from "@/lib/jobs";
import { notify } from "@/lib/notifications/service";
import { retryDelaySeconds, WEBHOOK_RESPONSE_BODY_MAX, WEBHOOK_TIMEOUT_MS, WEBHOOK_USER_AGENT } from "./schedule";
import { unsealWebhookSecret } from "./secrets";
import { checkWebhookTarget, guardedLookup } from "./target";

type Outcome = { responseStatus: number | null; responseBody: string | null; error: string | null; durationMs: number };

/**
 * The signature header: `v1,<base64>` with the current secret, and during a rotation's overlap a
 * second one with the previous secret, space-separated as the spec allows.
 */
export function signWebhook(secrets: string[], eventId: string, timestamp: Date, body: string): string {
  return secrets.map((secret) => new Webhook(secret).sign(eventId, timestamp, body)).join(" ");
}

/** POSTs `body` without following redirects, for at most WEBHOOK_TIMEOUT_MS, keeping the first 2 KB of the answer. */
function post(url: URL, headers: Record<string, string>, body: string): Promise<Outcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    const transport = url.protocol === "https:" ? https : http;
    const request = transport.request(
      url,
      { method: "POST", headers: { ...headers, "content-length": String(Buffer.byteLength(body)) }, lookup: guardedLookup, signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS), agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const finish = () => {
          const text = Buffer.concat(chunks).subarray(0, WEBHOOK_RESPONSE_BODY_MAX).toString("utf8");
          resolve({ responseStatus: response.statusCode ?? null, responseBody: text, error: null, durationMs: elapsed() });
        };
        response.on("data", (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size >= WEBHOOK_RESPONSE_BODY_MAX) {
            response.destroy();
            finish();
          }
        });
        response.on("end", finish);
        response.on("error", finish);
      },
    );
    request.on("error", (error: Error) => {
      const reason = error.name === "TimeoutError" || error.name === "AbortError" ? "timeout" : error.message;
      resolve({ responseStatus: null, responseBody: null, error: reason.slice(0, 500), durationMs: elapsed() });
    });
    request.end(body);
  });
}

/**
 * One try of a delivery (the `webhook.deliver` job): sign, send, record the attempt; on anything but
 * a 2xx schedule the next try, and after the last one fail the delivery, turn the endpoint off and
 * tell the account's owner. A job whose try was already recorded does nothing.
 */
export async function deliverWebhook(job: { deliveryId: string; attempt: number }): Promise<{ status: "sent" | "retry" | "failed" | "skipped" }> {
  const delivery = await getWebhookDeliveryForSending(job.deliveryId);
  if (!delivery || delivery.status !== "pending" || delivery.attempts !== job.attempt) return { status: "skipped" };
  if (!delivery.enabled) {
    await failPendingWebhookDelivery(delivery.id);
    return { status: "skipped" };
  }
  const now = new Date();
  const body = JSON.stringify(delivery.payload);
  const secrets = [unsealWebhookSecret(delivery.secretSealed, delivery.endpointId)];
  if (delivery.previousSecretSealed && delivery.previousSecretExpiresAt && delivery.previousSecretExpiresAt > now) {
    secrets.push(unsealWebhookSecret(delivery.previousSecretSealed, delivery.endpointId));
  }
  const headers = {
    "content-type": "application/json",
    "user-agent": WEBHOOK_USER_AGENT,
    "webhook-id": delivery.eventId,
    "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
    "webhook-signature": signWebhook(secrets, delivery.eventId, now, body),
  };
  const target = await checkWebhookTarget(delivery.url);
  const outcome: Outcome = target.ok ? await post(target.url, headers, body) : { responseStatus: null, responseBody: null, error: `refused: ${target.reason}`, durationMs: 0 };
  const succeeded = outcome.responseStatus !== null && outcome.responseStatus >= 200 && outcome.responseStatus < 300;
  const attempts = delivery.attempts + 1;
  const delay = succeeded ? null : retryDelaySeconds(attempts);
  const lastAttemptAt = new Date();
  const nextAttemptAt = delay === null ? null : new Date(lastAttemptAt.getTime() + delay * 1000);
  const status = succeeded ? "sent" : delay === null ? "failed" : "retry";
  await inTransaction(async (tx) => {
    const recorded = await updateWebhookDeliveryAfterAttempt(
      delivery.id,
      delivery.attempts,
      { status: succeeded ? "succeeded" : delay === null ? "failed" : "pending", responseStatus: outcome.responseStatus, durationMs: outcome.durationMs, lastAttemptAt, nextAttemptAt },
      tx,
    );
    if (!recorded) return;
    await insertWebhookAttempt({ deliveryId: delivery.id, attemptedAt: now, requestHeaders: headers, ...outcome }, tx);
    if (nextAttemptAt) {
      await enqueue("webhook.deliver", { deliveryId: delivery.id, attempt: attempts }, tx, { startAfter: nextAttemptAt });
    } else if (!succeeded) {
      const disabled = await disableFailingWebhookEndpoint(delivery.endpointId, tx);
      if (disabled) {
        for (const userId of await listAccountOwnerIds(disabled.accountId, tx)) {
          await notify(userId, { type: "webhooks.endpointDisabled", params: { url: disabled.url } }, tx);
        }
      }
    }
  });
  return { status };
}
