import "server-only";
import { getAgentAvatarFile } from "@/db/queries/agents";
import { adminGetStoredFile, getStoredFileForMember, type StoredFileForDownload } from "@/db/queries/files";
import type { Transaction } from "@/db/queries/transaction";
import { isStaff, type Actor } from "@/lib/actor";
import { AppError } from "@/lib/errors";

/**
 * The file `fileId` if the actor may download it, decided by what the file is for; otherwise
 * not_found, so a stranger cannot even tell that the id exists.
 * - avatar: its owner, the members of the owner's customer account, and staff (with two-factor on).
 * - upload (chosen in a form not sent yet): its uploader only.
 * - agent_avatar: every signed-in user (customers see the agents working for them).
 * - deliverable, message and request attachments, call recordings: the members of the customer account they belong to, and staff.
 */
export async function getFileForDownload(actor: Actor, fileId: string, db?: Transaction): Promise<{ file: StoredFileForDownload; inline: boolean }> {
  const file = isStaff(actor) ? await adminGetStoredFile(fileId, db) : ((await getStoredFileForMember(actor.id, actor.accountId, fileId, db)) ?? (await getAgentAvatarFile(fileId, db)));
  switch (file?.purpose) {
    case "avatar":
    case "agent_avatar":
      // Avatars are images we re-encoded ourselves: safe to show in place.
      return { file, inline: true };
    case "upload":
      if (file.ownerUserId === actor.id) return { file, inline: false };
      break;
    case "deliverable":
    case "message_attachment":
    case "request_attachment":
    case "call_recording":
      // What customers send is never shown in place: it is offered as a download.
      if (isStaff(actor) || (file.accountId !== null && file.accountId === actor.accountId)) return { file, inline: false };
      break;
  }
  throw new AppError("not_found", "That file does not exist.");
}
