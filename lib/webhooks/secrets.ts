import "server-only";
import { randomBytes } from "node:crypto";
import { seal, unseal } from "@/lib/sealed";

/** Standard Webhooks' secret format: the prefix, then the base64 of the key (24 random bytes). */
export const WEBHOOK_SECRET_PREFIX = "whsec_";
/** How much of a secret the owner sees to tell secrets apart. */
const SHOWN_CHARACTERS = WEBHOOK_SECRET_PREFIX.length + 4;

export function generateWebhookSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(24).toString("base64")}`;
}

/** Sealed with the endpoint's id bound in: a copied value cannot sign for another endpoint. */
export function sealWebhookSecret(secret: string, endpointId: string): string {
  return seal(secret, `webhook-secret:${endpointId}`).sealed;
}

export function unsealWebhookSecret(sealed: string, endpointId: string): string {
  return unseal<string>({ sealed }, `webhook-secret:${endpointId}`);
}

export function webhookSecretPrefix(secret: string): string {
  return secret.slice(0, SHOWN_CHARACTERS);
}
