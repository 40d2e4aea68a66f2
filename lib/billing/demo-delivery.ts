import "server-only";
import type Stripe from "stripe";
import { appUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { signStripePayload } from "./webhook";

/** Sends a signed payload to the webhook and answers its HTTP status. */
export type WebhookTransport = (payload: string, signature: string) => Promise<number>;

const overHttp: WebhookTransport = async (payload, signature) => {
  const response = await fetch(`${appUrl()}/api/stripe/webhook`, {
    method: "POST",
    headers: { "content-type": "application/json", "stripe-signature": signature },
    body: payload,
    signal: AbortSignal.timeout(30_000),
  });
  return response.status;
};

let transport: WebhookTransport = overHttp;

/** Integration tests, which run without a server, hand the payload to the route's handler itself. */
export function useWebhookTransport(replacement: WebhookTransport | null): void {
  transport = replacement ?? overHttp;
}

/**
 * Demo mode's stand-in for Stripe's delivery: each event is signed with the webhook secret, exactly
 * as Stripe signs, and posted to our real webhook route, in order.
 */
export async function deliverDemoEvents(events: Stripe.Event[]): Promise<void> {
  for (const event of events) {
    const payload = JSON.stringify(event, null, 2);
    const status = await transport(payload, signStripePayload(payload));
    if (status < 200 || status >= 300) {
      console.error(`[billing] demo event ${event.type} ${event.id}: the webhook answered ${status}`);
      throw new AppError("unavailable", "The payment could not be confirmed. Please try again.");
    }
  }
}
