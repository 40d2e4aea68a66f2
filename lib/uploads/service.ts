import "server-only";
import { consumeRateLimit } from "@/db/queries/rate-limits";
import { claimPendingUploads, countPendingUploads, deletePendingUploads, deleteStalePendingUploads, insertStoredFile, lockPendingUploads, type ClaimedFile } from "@/db/queries/files";
import { inTransaction, type Transaction } from "@/db/queries/transaction";
import { isStaff, type Actor } from "@/lib/actor";
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_FILES, type AttachmentPurpose } from "@/lib/constants";
import { AppError } from "@/lib/errors";
import { deleteStoredBytes, StorageRejection, storeFile } from "@/lib/storage";
import { attachmentTypes, detectAttachmentType, isSafeFileName } from "./types";

/** More uploads waiting than any form can send: someone is filling the disk, not writing a message. */
export const MAX_PENDING_UPLOADS = 50;
const UPLOADS_PER_HOUR = 200;

export type UploadRejection = "bad_name" | "empty" | "too_large" | "unsupported_type" | "too_many_pending";
export type UploadedFile = { id: string; name: string; size: number; type: string };

/** Who may upload for which form: customers for their account's forms, staff for messages and deliverables. */
function assertMayUpload(actor: Actor, purpose: AttachmentPurpose): void {
  const staff = isStaff(actor);
  const customer = actor.role === "customer" && actor.accountId !== null;
  const allowed = purpose === "deliverable" ? staff : purpose === "message_attachment" ? staff || customer : customer;
  if (!allowed) throw new AppError("forbidden", "You may not upload files here.");
}

/**
 * Stores one file chosen in a form before the form is sent, as a pending upload only its uploader
 * can see. Its type comes from its content and must match its name's extension.
 */
export async function receiveUpload(
  actor: Actor,
  input: { purpose: AttachmentPurpose; fileName: string; body: ReadableStream<Uint8Array> | Uint8Array; declaredBytes: number | null },
  db?: Transaction,
): Promise<{ status: "ok"; file: UploadedFile } | { status: UploadRejection }> {
  assertMayUpload(actor, input.purpose);
  if (!isSafeFileName(input.fileName)) return { status: "bad_name" };
  if (input.declaredBytes === 0) return { status: "empty" };
  if (input.declaredBytes !== null && input.declaredBytes > ATTACHMENT_MAX_BYTES) return { status: "too_large" };
  if ((await countPendingUploads(actor.id, db)) >= MAX_PENDING_UPLOADS) return { status: "too_many_pending" };
  const limit = await consumeRateLimit([{ key: `upload:user:${actor.id}`, limit: UPLOADS_PER_HOUR, windowSeconds: 60 * 60 }], db);
  if (!limit.allowed) throw new AppError("rate_limited", "Too many uploads. Please wait a moment.");

  let stored: Awaited<ReturnType<typeof storeFile>>;
  try {
    stored = await storeFile(input.body, { allowedTypes: attachmentTypes, maxBytes: ATTACHMENT_MAX_BYTES, detect: (head) => detectAttachmentType(head, input.fileName) });
  } catch (error) {
    if (error instanceof StorageRejection) return { status: error.reason };
    throw error;
  }
  if (stored.sizeBytes === 0) {
    await deleteStoredBytes(stored.storageKey);
    return { status: "empty" };
  }
  try {
    // Counted again under a per-user lock: parallel uploads must not pass the cap together.
    const id = await inTransaction(async (tx) => {
      await lockPendingUploads(actor.id, tx);
      if ((await countPendingUploads(actor.id, tx)) >= MAX_PENDING_UPLOADS) return null;
      return (await insertStoredFile({ ...stored, fileName: input.fileName, purpose: "upload", ownerUserId: actor.id, accountId: actor.accountId }, tx)).id;
    }, db);
    if (id === null) {
      await deleteStoredBytes(stored.storageKey);
      return { status: "too_many_pending" };
    }
    return { status: "ok", file: { id, name: input.fileName, size: stored.sizeBytes, type: stored.contentType } };
  } catch (error) {
    await deleteStoredBytes(stored.storageKey);
    throw error;
  }
}

export type FormFilesResult = { status: "ok"; files: UploadedFile[] } | { status: UploadRejection | "too_many_files"; fileName: string };

/**
 * The files of one multipart request (the API sends them with the form rather than one by one),
 * each stored as `receiveUpload` stores it; on the first refusal the ones already stored go again.
 */
export async function receiveFormFiles(actor: Actor, purpose: AttachmentPurpose, files: File[], db?: Transaction): Promise<FormFilesResult> {
  assertMayUpload(actor, purpose);
  if (files.length > ATTACHMENT_MAX_FILES) return { status: "too_many_files", fileName: files[ATTACHMENT_MAX_FILES]!.name };
  const received: UploadedFile[] = [];
  for (const file of files) {
    const result = await receiveUpload(actor, { purpose, fileName: file.name, body: file.stream(), declaredBytes: file.size }, db);
    if (result.status !== "ok") {
      await discardUploads(actor, received.map((one) => one.id), db);
      return { status: result.status, fileName: file.name };
    }
    received.push(result.file);
  }
  return { status: "ok", files: received };
}

/** The actor's pending uploads among `fileIds` are removed, rows and bytes (a send that was refused). */
export async function discardUploads(actor: Actor, fileIds: string[], db?: Transaction): Promise<void> {
  for (const key of await deletePendingUploads(actor.id, fileIds, db)) await deleteStoredBytes(key);
}

/**
 * Call inside the transaction that saves what the files are attached to: the actor's pending
 * uploads become files of `purpose` for `accountId`, or, if any id is not one of them, nothing is
 * saved (the AppError rolls the caller's transaction back).
 */
export async function claimUploads(
  actor: Actor,
  fileIds: string[],
  target: { purpose: AttachmentPurpose; accountId: string },
  tx: Transaction,
): Promise<ClaimedFile[]> {
  const unique = [...new Set(fileIds)];
  if (unique.length > ATTACHMENT_MAX_FILES) throw new AppError("invalid_attachments", `At most ${ATTACHMENT_MAX_FILES} files can be attached.`);
  const claimed = await claimPendingUploads(actor.id, unique, target, tx);
  if (claimed.length !== unique.length) throw new AppError("invalid_attachments", "An attachment is no longer available. Remove it and upload it again.");
  return unique.map((id) => claimed.find((file) => file.id === id)!);
}

/** A day is long enough to finish any form; after that a pending upload was abandoned. */
const PENDING_UPLOAD_TTL_SECONDS = 24 * 60 * 60;

/** The daily clean-up's part: abandoned uploads lose their row, then their bytes. */
export async function deleteAbandonedUploads(db?: Transaction): Promise<number> {
  const storageKeys = await deleteStalePendingUploads(PENDING_UPLOAD_TTL_SECONDS, db);
  for (const key of storageKeys) await deleteStoredBytes(key);
  return storageKeys.length;
}
