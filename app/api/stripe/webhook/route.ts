import { receiveStripeWebhook } from "@/lib/billing/webhook";

// Stripe's events are a few kilobytes; anything far larger is not one.
const MAX_BODY_BYTES = 512 * 1024;

/**
 * Stripe's (and demo mode's) signed events. Public by design: the signature over the raw body is the
 * credential, so the body is read as text and never parsed before it is verified.
 */
export async function POST(request: Request): Promise<Response> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) {
    return Response.json({ error: { code: "bad_request", message: "The body is too large." } }, { status: 413 });
  }
  const rawBody = await request.text();
  if (Buffer.byteLength(rawBody) > MAX_BODY_BYTES) return Response.json({ error: { code: "bad_request", message: "The body is too large." } }, { status: 413 });
  const answer = await receiveStripeWebhook(rawBody, request.headers.get("stripe-signature"));
  return Response.json(answer.body, { status: answer.status, headers: { "Cache-Control": "no-store" } });
}
