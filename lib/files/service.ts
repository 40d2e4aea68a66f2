import "server-only";
import { adminGetStoredFile, getStoredFileForMember, type StoredFileForDownload } from "@/db/queries/files";
import type { Transaction } from "@/db/queries/transaction";
import { isStaff, type Actor } from "@/lib/actor";
import { AppError } from "@/lib/errors";

/**
 * The file `fileId` if the actor may download it, decided by what the file is for; otherwise
 * not_found, so a stranger cannot even tell that the id exists.
 * - avatar: its owner, the members of the owner's customer account, and staff (with two-factor on).
 */
export async function getFileForDownload(actor: Actor, fileId: string, db?: Transaction): Promise<{ file: StoredFileForDownload; inline: boolean }> {
  const file = isStaff(actor) ? await adminGetStoredFile(fileId, db) : await getStoredFileForMember(actor.id, actor.accountId, fileId, db);
  switch (file?.purpose) {
    case "avatar":
      // Avatars are images we re-encoded ourselves: safe to show in place.
      return { file, inline: true };
    default:
      throw new AppError("not_found", "That file does not exist.");
  }
}
