import { z } from "zod";
import { WEBHOOK_DESCRIPTION_MAX, WEBHOOK_URL_MAX, webhookEventTypes } from "@/lib/constants";
import { withoutNul } from "./text";

// Messages are keys into the `validation` namespace; this area's own live under `validation.webhooks`.

/**
 * The form's shape only: whether the address may be reached (no private or loopback host, https in
 * production) is decided by lib/webhooks/target.ts, which resolves the name.
 */
export const webhookUrlField = z
  .string()
  .trim()
  .min(1, "webhooks.urlRequired")
  .max(WEBHOOK_URL_MAX, "webhooks.urlTooLong")
  .refine((value) => URL.canParse(value), "webhooks.urlInvalid")
  .refine((value) => !URL.canParse(value) || ["http:", "https:"].includes(new URL(value).protocol), "webhooks.urlScheme");

/** Checkboxes send one value per ticked event (FormData.getAll); an API client sends an array. */
export const webhookEventsField = z.array(z.enum(webhookEventTypes, "webhooks.eventInvalid")).min(1, "webhooks.eventsRequired").transform((events) => [...new Set(events)]);

export const webhookEndpointSchema = z.object({
  url: webhookUrlField,
  description: z.string().trim().max(WEBHOOK_DESCRIPTION_MAX, "webhooks.descriptionTooLong").refine(withoutNul, "nulCharacter").default(""),
  events: webhookEventsField,
});
export type WebhookEndpointInput = z.infer<typeof webhookEndpointSchema>;

export const webhookEndpointIdSchema = z.object({ endpointId: z.uuid("invalid") });
export const webhookDeliveryIdSchema = z.object({ deliveryId: z.uuid("invalid") });
