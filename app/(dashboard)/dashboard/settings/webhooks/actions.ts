"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import type { SessionUser } from "@/db/queries/sessions";
import { authedAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { WEBHOOK_ENDPOINTS_PER_ACCOUNT_MAX } from "@/lib/constants";
import { webhookEndpointSchema } from "@/lib/validations/webhooks";
import {
  canManageWebhooks,
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  replayWebhookDelivery,
  rotateWebhookSecret,
  sendTestWebhook,
  updateWebhookEndpoint,
  type WebhookTargetProblem,
} from "@/lib/webhooks/service";

const listPath = "/dashboard/settings/webhooks";

/** Checkboxes of one name arrive as a string when one is ticked, a list when several, nothing when none. */
const asList = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const endpointForm = webhookEndpointSchema.extend({ events: z.preprocess(asList, webhookEndpointSchema.shape.events) });

// Ids are checked by the handlers: a malformed one is "not found" like an unknown one, not a field error.
const endpointId = z.object({ endpointId: z.string().max(100) });
const deliveryId = z.object({ deliveryId: z.string().max(100) });
const enabledForm = endpointId.extend({ enabled: z.enum(["true", "false"]).transform((value) => value === "true") });

const isUuid = (id: string) => z.uuid().safeParse(id).success;

/** Only the open account's owner manages its webhooks; to anyone else an id names nothing. */
async function mayManage(user: SessionUser, ...ids: string[]): Promise<boolean> {
  return ids.every(isUuid) && (await canManageWebhooks(user));
}

async function notFoundState(): Promise<ActionState> {
  return { ok: false, message: (await getTranslations("webhooks"))("notFound") };
}

/** The address guard's refusal, in words. */
async function urlRefusal(reason: WebhookTargetProblem): Promise<string> {
  const t = await getTranslations("webhooks.urlRefused");
  return t.has(reason) ? t(reason) : t("other");
}

/** The wrapper keeps one value per name; the ticked events are many, so the form gets them all back. */
function keepEvents(action: (previous: ActionState, formData: FormData) => Promise<ActionState>) {
  return async (previous: ActionState, formData: FormData): Promise<ActionState> => {
    const state = await action(previous, formData);
    // A new endpoint's form starts empty again (`values: {}`); any other answer keeps what was ticked.
    if (!state.values || !("url" in state.values) || !(formData instanceof FormData)) return state;
    const events = formData.getAll("events").filter((value) => typeof value === "string");
    return { ...state, values: { ...state.values, events: events.join(",") } };
  };
}

const create = authedAction(endpointForm, async (data, user, { info }) => {
  if (!(await mayManage(user))) return notFoundState();
  const result = await createWebhookEndpoint(user, data, info);
  if (result.status === "invalid_url") return { ok: false, fieldErrors: { url: await urlRefusal(result.reason) } };
  if (result.status === "too_many") return { ok: false, message: (await getTranslations("webhooks"))("limitReached", { max: WEBHOOK_ENDPOINTS_PER_ACCOUNT_MAX }) };
  revalidatePath(listPath);
  // The secret lives only in this answer: it is stored sealed and never shown again.
  return { ok: true, message: (await getTranslations("webhooks"))("created"), secrets: [result.secret], values: {} };
});

/** Adds an endpoint; the answer carries its signing secret, once. */
export async function createWebhookEndpointAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  return keepEvents(create)(previous, formData);
}

const update = authedAction(endpointForm.extend(endpointId.shape), async ({ endpointId: id, ...data }, user, { info }) => {
  if (!(await mayManage(user, id))) return notFoundState();
  const result = await updateWebhookEndpoint(user, id, data, info);
  if (result.status === "not_found") return notFoundState();
  if (result.status === "invalid_url") return { ok: false, fieldErrors: { url: await urlRefusal(result.reason) } };
  revalidatePath(listPath, "layout");
  return { ok: true, message: (await getTranslations("webhooks"))("saved") };
});

/** Changes an endpoint's URL, description and events. */
export async function updateWebhookEndpointAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  return keepEvents(update)(previous, formData);
}

/** Turns an endpoint on or off; turning it on again clears why it was turned off. */
export const setWebhookEndpointEnabledAction = authedAction(enabledForm, async ({ endpointId: id, enabled }, user, { info }) => {
  if (!(await mayManage(user, id))) return notFoundState();
  const result = await updateWebhookEndpoint(user, id, { enabled }, info);
  if (result.status === "not_found") return notFoundState();
  if (result.status === "invalid_url") return { ok: false, message: await urlRefusal(result.reason) };
  revalidatePath(listPath, "layout");
  return { ok: true, message: (await getTranslations("webhooks"))(enabled ? "enabledNow" : "disabledNow") };
});

/** A new signing secret, shown once; the previous one keeps signing during the overlap. */
export const rotateWebhookSecretAction = authedAction(endpointId, async ({ endpointId: id }, user, { info }) => {
  if (!(await mayManage(user, id))) return notFoundState();
  const result = await rotateWebhookSecret(user, id, info);
  if (result.status === "not_found") return notFoundState();
  revalidatePath(`${listPath}/${id}`);
  return { ok: true, message: (await getTranslations("webhooks"))("rotated"), secrets: [result.secret] };
});

export const deleteWebhookEndpointAction = authedAction(endpointId, async ({ endpointId: id }, user, { info }) => {
  if (!(await mayManage(user, id))) return notFoundState();
  const result = await deleteWebhookEndpoint(user, id, info);
  if (result.status === "not_found") return notFoundState();
  revalidatePath(listPath);
  redirect(`${listPath}?deleted=1`);
});

/** Sends a delivery's event again (same payload and webhook-id) as a new delivery in the log. */
export const replayWebhookDeliveryAction = authedAction(deliveryId, async ({ deliveryId: id }, user, { info }) => {
  if (!(await mayManage(user, id))) return notFoundState();
  const result = await replayWebhookDelivery(user, id, info);
  const t = await getTranslations("webhooks");
  if (result.status === "not_found") return notFoundState();
  if (result.status === "endpoint_disabled") return { ok: false, message: t("replayDisabled") };
  if (result.status === "rate_limited") return { ok: false, message: t("sendLimit", { minutes: Math.ceil(result.retryAfterSeconds / 60) }) };
  revalidatePath(listPath, "layout");
  return { ok: true, message: t("replayed") };
});

/** Sends the endpoint a `ping` event, to try the receiver and its signature check. */
export const sendTestWebhookAction = authedAction(endpointId, async ({ endpointId: id }, user, { info }) => {
  if (!(await mayManage(user, id))) return notFoundState();
  const result = await sendTestWebhook(user, id, info);
  const t = await getTranslations("webhooks");
  if (result.status === "not_found") return notFoundState();
  if (result.status === "endpoint_disabled") return { ok: false, message: t("testDisabled") };
  if (result.status === "rate_limited") return { ok: false, message: t("sendLimit", { minutes: Math.ceil(result.retryAfterSeconds / 60) }) };
  revalidatePath(`${listPath}/${id}`);
  return { ok: true, message: t("testSent") };
});
