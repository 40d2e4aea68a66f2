"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { adminAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { approveAgentRequest, declineAgentRequest } from "@/lib/agents/service";
import { approveAgentRequestSchema, declineAgentRequestSchema } from "@/lib/validations/agents";

function refresh() {
  revalidatePath("/admin/agent-requests");
  revalidatePath("/admin/agents");
}

export const approveAgentRequestAction = adminAction(approveAgentRequestSchema, async (data, admin, { info }): Promise<ActionState> => {
  const t = await getTranslations("adminAgentRequests");
  const result = await approveAgentRequest(admin, data, info);
  refresh();
  switch (result.status) {
    case "ok":
      return { ok: true, message: t("approved") };
    case "already_decided":
      return { ok: false, message: t("alreadyDecided") };
    case "agent_unavailable":
      return { ok: false, fieldErrors: { agentId: t("agentUnavailable") } };
    case "already_assigned":
      return { ok: false, fieldErrors: { agentId: t("alreadyAssigned") } };
  }
});

export const declineAgentRequestAction = adminAction(declineAgentRequestSchema, async (data, admin, { info }): Promise<ActionState> => {
  const t = await getTranslations("adminAgentRequests");
  const { status } = await declineAgentRequest(admin, data, info);
  refresh();
  return status === "ok" ? { ok: true, message: t("declined") } : { ok: false, message: t("alreadyDecided") };
});
