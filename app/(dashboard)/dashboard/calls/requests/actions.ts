"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { authedAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { cancelCallRequest, createCallRequest } from "@/lib/calls/requests";
import { localDateTimeToUtc } from "@/lib/local-date-time";
import { callRequestIdSchema, callRequestSchema } from "@/lib/validations/call-settings";

export const createCallRequestAction = authedAction(callRequestSchema, async (data, user, { info }): Promise<ActionState> => {
  const t = await getTranslations("callRequests");
  // The time is the wall clock where the user is, as their settings say.
  const scheduledFor = data.scheduledFor ? localDateTimeToUtc(data.scheduledFor, user.timeZone) : null;
  if (data.scheduledFor && !scheduledFor) return { ok: false, fieldErrors: { scheduledFor: t("validation.whenInvalid") } };
  const result = await createCallRequest(user, { toNumber: data.toNumber, agentId: data.agentId, scheduledFor, notes: data.notes }, info);
  if (result.status === "agent_not_assigned") return { ok: false, fieldErrors: { agentId: t("validation.agentInvalid") } };
  if (result.status === "scheduled_in_past") return { ok: false, fieldErrors: { scheduledFor: t("validation.whenPast") } };
  revalidatePath("/dashboard/calls/requests");
  // A fresh form for the next request: nothing submitted is kept.
  return { ok: true, message: t("created"), values: {} };
});

export const cancelCallRequestAction = authedAction(callRequestIdSchema, async (data, user, { info }) => {
  const result = await cancelCallRequest(user, data.requestId, info);
  const t = await getTranslations("callRequests");
  if (result.status === "not_found") return { ok: false, message: t("notFound") };
  revalidatePath("/dashboard/calls/requests");
  return { ok: true, message: t("cancelled") };
});
