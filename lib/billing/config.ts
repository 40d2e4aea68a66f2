import "server-only";
import { createHmac } from "node:crypto";
import { authSecret } from "@/lib/env";

/**
 * Which payments adapter runs: Stripe when a secret key is configured, otherwise the in-app demo
 * checkout (clearly labelled, no real charges). Both end in the same signed webhook.
 */
export function paymentsMode(): "stripe" | "demo" {
  return process.env.STRIPE_SECRET_KEY ? "stripe" : "demo";
}

/**
 * The secret webhook events are signed with: Stripe's endpoint secret in production. Demo mode
 * derives one from the install's own AUTH_SECRET, so no one can sign events for another install.
 */
export function stripeWebhookSecret(): string {
  const secret = process.env.STRIPE_WEBHOOK_SECRET;
  if (secret) return secret;
  if (paymentsMode() === "stripe") throw new Error("STRIPE_WEBHOOK_SECRET must be set when STRIPE_SECRET_KEY is.");
  return `whsec_${createHmac("sha256", authSecret()).update("clientdesk demo payment webhook").digest("base64url")}`;
}

/** The company that issues invoices, as printed on them; set by configuration, never by a request. */
export type CompanyDetails = { name: string; address: string; email: string; taxId: string };

export function companyDetails(): CompanyDetails {
  return {
    name: process.env.COMPANY_NAME ?? "Clientdesk Services Ltd.",
    // Environment files hold one line: a written "\\n" is a line break.
    address: (process.env.COMPANY_ADDRESS ?? "1 Harbour Street\nLondon EC1A 1AA\nUnited Kingdom").replace(/\\n/g, "\n"),
    email: process.env.COMPANY_EMAIL ?? "billing@clientdesk.test",
    taxId: process.env.COMPANY_TAX_ID ?? "GB123456789",
  };
}

/** The due date a new invoice is offered: this many days after its issue date. */
export const INVOICE_PAYMENT_TERMS_DAYS = 14;
