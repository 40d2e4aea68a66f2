"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { authedAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { createAgentRequest } from "@/lib/agents/service";
import { agentRequestSchema } from "@/lib/validations/agents";

export const createAgentRequestAction = authedAction(agentRequestSchema, async (data, user, { info }): Promise<ActionState> => {
  const result = await createAgentRequest(user, data, info);
  if (result.status !== "ok") {
    const t = await getTranslations("agents.form");
    if (result.status === "pending_exists") return { ok: false, message: t("pendingExists") };
    return result.status === "assignment_unavailable" ? { ok: false, fieldErrors: { replacesAssignmentId: t("replacesUnavailable") } } : { ok: false, fieldErrors: { agentId: t("agentUnavailable") } };
  }
  revalidatePath("/dashboard/agents");
  redirect("/dashboard/agents?sent=1");
});
