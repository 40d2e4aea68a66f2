import "server-only";
import { replaceAgentAvatar } from "@/db/queries/agents";
import { createAuditEntry } from "@/db/queries/audit";
import { inTransaction, type Transaction } from "@/db/queries/transaction";
import type { Actor } from "@/lib/actor";
import { AVATAR_MAX_BYTES } from "@/lib/constants";
import { AppError } from "@/lib/errors";
import { prepareAvatar, type AvatarRejection } from "@/lib/profile/avatar";
import type { RequestInfo } from "@/lib/request-info";
import { deleteStoredBytes, storeFile } from "@/lib/storage";
import { assertStaff } from "@/lib/users/service";

/** Staff give an agent a photo: checked by content and re-encoded exactly like a user's avatar. */
export async function changeAgentAvatar(admin: Actor, agentId: string, upload: Uint8Array, info: RequestInfo, db?: Transaction): Promise<{ status: "ok"; fileId: string } | { status: AvatarRejection }> {
  assertStaff(admin);
  const prepared = await prepareAvatar(upload);
  if (!prepared.ok) return { status: prepared.reason };
  const stored = await storeFile(prepared.webp, { allowedTypes: ["image/webp"], maxBytes: AVATAR_MAX_BYTES });
  try {
    const { fileId, previousStorageKey } = await inTransaction(async (tx) => {
      const replaced = await replaceAgentAvatar(agentId, { ...stored, fileName: "agent.webp" }, tx);
      if (!replaced) throw new AppError("not_found", "That agent does not exist.");
      await createAuditEntry({ action: "admin.agent_updated", actorId: admin.id, ip: info.ip, userAgent: info.userAgent, metadata: { agentId, avatar: "changed" } }, tx);
      return replaced;
    }, db);
    if (previousStorageKey) await deleteStoredBytes(previousStorageKey);
    return { status: "ok", fileId: fileId! };
  } catch (error) {
    await deleteStoredBytes(stored.storageKey);
    throw error;
  }
}

export async function removeAgentAvatar(admin: Actor, agentId: string, info: RequestInfo, db?: Transaction): Promise<{ status: "ok" | "unchanged" }> {
  assertStaff(admin);
  const previousStorageKey = await inTransaction(async (tx) => {
    const replaced = await replaceAgentAvatar(agentId, null, tx);
    if (!replaced) throw new AppError("not_found", "That agent does not exist.");
    if (replaced.previousStorageKey) {
      await createAuditEntry({ action: "admin.agent_updated", actorId: admin.id, ip: info.ip, userAgent: info.userAgent, metadata: { agentId, avatar: "removed" } }, tx);
    }
    return replaced.previousStorageKey;
  }, db);
  if (!previousStorageKey) return { status: "unchanged" };
  await deleteStoredBytes(previousStorageKey);
  return { status: "ok" };
}
