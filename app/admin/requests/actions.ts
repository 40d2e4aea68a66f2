"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { adminAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { convertRequest, declineRequest, startRequestReview } from "@/lib/project-requests/service";
import { convertRequestSchema, declineRequestSchema, requestIdSchema } from "@/lib/validations/project-requests";

function refresh(requestId: string) {
  revalidatePath("/admin/requests");
  revalidatePath(`/admin/requests/${requestId}`);
}

export const startRequestReviewAction = adminAction(requestIdSchema, async (data, admin, { info }): Promise<ActionState> => {
  const t = await getTranslations("adminRequests");
  const { status } = await startRequestReview(admin, data, info);
  refresh(data.requestId);
  if (status === "ok") return { ok: true, message: t("reviewStarted") };
  return { ok: false, message: t(status === "already_in_review" ? "alreadyInReview" : "alreadyDecided") };
});

export const declineRequestAction = adminAction(declineRequestSchema, async (data, admin, { info }): Promise<ActionState> => {
  const t = await getTranslations("adminRequests");
  const { status } = await declineRequest(admin, data, info);
  refresh(data.requestId);
  return status === "ok" ? { ok: true, message: t("declined") } : { ok: false, message: t("alreadyDecided") };
});

export const convertRequestAction = adminAction(convertRequestSchema, async (data, admin, { info }): Promise<ActionState> => {
  const t = await getTranslations("adminRequests");
  const result = await convertRequest(admin, data, info);
  refresh(data.requestId);
  switch (result.status) {
    case "ok":
      return { ok: true, message: t("converted") };
    case "dates_out_of_order":
      return { ok: false, fieldErrors: { dueDate: (await getTranslations("validation.projectRequest"))("dueBeforeStart") } };
    case "already_decided":
      return { ok: false, message: t("alreadyDecided") };
  }
});
