import "server-only";
import sharp from "sharp";
import { createAuditEntry } from "@/db/queries/audit";
import { replaceUserAvatar } from "@/db/queries/files";
import { inTransaction, type Transaction } from "@/db/queries/transaction";
import type { Actor } from "@/lib/actor";
import { AVATAR_MAX_BYTES, avatarTypes } from "@/lib/constants";
import type { RequestInfo } from "@/lib/request-info";
import { deleteStoredBytes, detectFileType, storeFile } from "@/lib/storage";

export const AVATAR_SIZE = 300;
/** 40 megapixels: any phone photo, far below what would strain the server's memory when decoded. */
export const AVATAR_MAX_PIXELS = 40_000_000;

export type AvatarRejection = "too_large" | "unsupported_type" | "too_many_pixels" | "unreadable";

/**
 * Turns an upload into the avatar we keep: the type by content (JPEG, PNG or WebP), the pixel count
 * from the header before anything is decoded, then turned upright, cropped to a square and
 * re-encoded as WebP. Nothing of the original's metadata (EXIF, GPS, ICC, XMP) is carried over.
 */
export async function prepareAvatar(bytes: Uint8Array): Promise<{ ok: true; webp: Buffer } | { ok: false; reason: AvatarRejection }> {
  if (bytes.byteLength > AVATAR_MAX_BYTES) return { ok: false, reason: "too_large" };
  const type = await detectFileType(bytes);
  if (!type || !(avatarTypes as readonly string[]).includes(type.mime)) return { ok: false, reason: "unsupported_type" };
  const options = { limitInputPixels: AVATAR_MAX_PIXELS, failOn: "error" as const };
  try {
    // The header alone (nothing is decoded), so a bomb gets its own answer; the limit stays as a backstop.
    const { width = 0, height = 0 } = await sharp(bytes, { ...options, limitInputPixels: false }).metadata();
    if (width * height > AVATAR_MAX_PIXELS || width === 0 || height === 0) return { ok: false, reason: "too_many_pixels" };
    const webp = await sharp(bytes, options).rotate().resize(AVATAR_SIZE, AVATAR_SIZE, { fit: "cover" }).webp({ quality: 82 }).toBuffer();
    return { ok: true, webp };
  } catch {
    return { ok: false, reason: "unreadable" };
  }
}

/** The actor's own avatar: stored, made theirs, and the one it replaces deleted (row now, bytes after commit). */
export async function changeAvatar(actor: Actor, upload: Uint8Array, info: RequestInfo, db?: Transaction): Promise<{ status: "ok"; fileId: string } | { status: AvatarRejection }> {
  const prepared = await prepareAvatar(upload);
  if (!prepared.ok) return { status: prepared.reason };
  const stored = await storeFile(prepared.webp, { allowedTypes: ["image/webp"], maxBytes: AVATAR_MAX_BYTES });
  try {
    const { fileId, previousStorageKey } = await inTransaction(async (tx) => {
      const replaced = await replaceUserAvatar(actor.id, { ...stored, fileName: "avatar.webp", accountId: actor.accountId }, tx);
      await createAuditEntry({ action: "user.avatar_changed", actorId: actor.id, targetUserId: actor.id, ip: info.ip, userAgent: info.userAgent }, tx);
      return replaced;
    }, db);
    if (previousStorageKey) await deleteStoredBytes(previousStorageKey);
    return { status: "ok", fileId: fileId! };
  } catch (error) {
    await deleteStoredBytes(stored.storageKey);
    throw error;
  }
}

export async function removeAvatar(actor: Actor, info: RequestInfo, db?: Transaction): Promise<{ status: "ok" | "unchanged" }> {
  const previousStorageKey = await inTransaction(async (tx) => {
    const { previousStorageKey } = await replaceUserAvatar(actor.id, null, tx);
    if (previousStorageKey) await createAuditEntry({ action: "user.avatar_removed", actorId: actor.id, targetUserId: actor.id, ip: info.ip, userAgent: info.userAgent }, tx);
    return previousStorageKey;
  }, db);
  if (!previousStorageKey) return { status: "unchanged" };
  await deleteStoredBytes(previousStorageKey);
  return { status: "ok" };
}
