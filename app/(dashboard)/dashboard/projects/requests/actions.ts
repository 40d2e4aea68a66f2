"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { authedAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { submitProjectRequest } from "@/lib/project-requests/service";
import { projectRequestSchema } from "@/lib/validations/project-requests";

export const submitProjectRequestAction = authedAction(projectRequestSchema, async (data, user, { info }): Promise<ActionState> => {
  const result = await submitProjectRequest(user, data, info);
  if (result.status === "deadline_past") {
    const t = await getTranslations("validation.projectRequest");
    return { ok: false, fieldErrors: { desiredDeadline: t("deadlinePast") } };
  }
  revalidatePath("/dashboard/projects/requests");
  redirect(`/dashboard/projects/requests/${result.id}?sent=1`);
});
