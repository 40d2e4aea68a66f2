"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { adminAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { changeAgentAvatar, removeAgentAvatar } from "@/lib/agents/avatar";
import { assignAgent, createAgent, endAssignment, updateAgent } from "@/lib/agents/service";
import { agentAvatarSchema, agentIdSchema, agentSchema, assignAgentSchema, endAssignmentSchema, updateAgentSchema } from "@/lib/validations/agents";

function refresh(agentId?: string) {
  revalidatePath("/admin/agents");
  if (agentId) revalidatePath(`/admin/agents/${agentId}`);
}

export const createAgentAction = adminAction(agentSchema, async (data, admin, { info }): Promise<ActionState> => {
  const { id } = await createAgent(admin, data, info);
  refresh();
  redirect(`/admin/agents/${id}?created=1`);
});

export const updateAgentAction = adminAction(updateAgentSchema, async (data, admin, { info }): Promise<ActionState> => {
  await updateAgent(admin, data, info);
  refresh(data.agentId);
  return { ok: true, message: (await getTranslations("adminAgents"))("saved") };
});

export const uploadAgentAvatarAction = adminAction(agentAvatarSchema, async (data, admin, { info }): Promise<ActionState> => {
  const t = await getTranslations("adminAgents.photo");
  const result = await changeAgentAvatar(admin, data.agentId, new Uint8Array(await data.avatar.arrayBuffer()), info);
  if (result.status !== "ok") return { ok: false, fieldErrors: { avatar: t(result.status) } };
  refresh(data.agentId);
  return { ok: true, message: t("saved") };
});

export const removeAgentAvatarAction = adminAction(agentIdSchema, async (data, admin, { info }): Promise<ActionState> => {
  await removeAgentAvatar(admin, data.agentId, info);
  refresh(data.agentId);
  return { ok: true, message: (await getTranslations("adminAgents.photo"))("removed") };
});

export const assignAgentAction = adminAction(assignAgentSchema, async (data, admin, { info }): Promise<ActionState> => {
  const t = await getTranslations("adminAgents.assignments");
  const result = await assignAgent(admin, data, info);
  refresh();
  revalidatePath("/admin/users", "layout");
  switch (result.status) {
    case "ok":
      return { ok: true, message: t("assigned") };
    case "agent_unavailable":
      return { ok: false, fieldErrors: { agentId: t("agentUnavailable") } };
    case "already_assigned":
      return { ok: false, fieldErrors: { agentId: t("alreadyAssigned") } };
  }
});

export const endAssignmentAction = adminAction(endAssignmentSchema, async (data, admin, { info }): Promise<ActionState> => {
  const t = await getTranslations("adminAgents.assignments");
  const { status } = await endAssignment(admin, data, info);
  refresh();
  revalidatePath("/admin/users", "layout");
  return status === "ok" ? { ok: true, message: t("ended") } : { ok: false, message: t(status === "already_ended" ? "alreadyEnded" : "notStarted") };
});
