import "server-only";
import { and, eq, inArray, lt, or, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import { storedFiles, users, type StoredFilePurpose } from "@/db/schema";

const downloadColumns = {
  id: storedFiles.id,
  purpose: storedFiles.purpose,
  storageKey: storedFiles.storageKey,
  contentType: storedFiles.contentType,
  sizeBytes: storedFiles.sizeBytes,
  fileName: storedFiles.fileName,
  ownerUserId: storedFiles.ownerUserId,
  accountId: storedFiles.accountId,
};

export type StoredFileForDownload = {
  id: string;
  purpose: StoredFilePurpose;
  storageKey: string;
  contentType: string;
  sizeBytes: number;
  fileName: string;
  ownerUserId: string | null;
  accountId: string | null;
};

/** A file the user owns or that belongs to their customer account; anyone else's id finds nothing. */
export async function getStoredFileForMember(
  userId: string,
  accountId: string | null,
  fileId: string,
  db: Database = getDb(),
): Promise<StoredFileForDownload | null> {
  const [file] = await db
    .select(downloadColumns)
    .from(storedFiles)
    .where(and(eq(storedFiles.id, fileId), or(eq(storedFiles.ownerUserId, userId), accountId ? eq(storedFiles.accountId, accountId) : undefined)));
  return file ?? null;
}

export async function adminGetStoredFile(fileId: string, db: Database = getDb()): Promise<StoredFileForDownload | null> {
  const [file] = await db.select(downloadColumns).from(storedFiles).where(eq(storedFiles.id, fileId));
  return file ?? null;
}

type NewStoredFile = { storageKey: string; contentType: string; sizeBytes: number; fileName: string; accountId: string | null };

/**
 * Makes `file` (or nothing) the user's avatar and deletes the row of the one it replaces, returning
 * that one's storage key so its bytes can go once this commits. The user's row is locked meanwhile,
 * so two uploads at once cannot both keep their file.
 */
export async function replaceUserAvatar(
  userId: string,
  file: NewStoredFile | null,
  db: Database = getDb(),
): Promise<{ fileId: string | null; previousStorageKey: string | null }> {
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ avatarFileId: users.avatarFileId }).from(users).where(eq(users.id, userId)).for("update");
    if (!user) throw new Error("No such user.");
    const [created] = file ? await tx.insert(storedFiles).values({ ...file, purpose: "avatar", ownerUserId: userId }).returning({ id: storedFiles.id }) : [];
    await tx.update(users).set({ avatarFileId: created?.id ?? null, updatedAt: new Date() }).where(eq(users.id, userId));
    const [previous] = user.avatarFileId
      ? await tx.delete(storedFiles).where(eq(storedFiles.id, user.avatarFileId)).returning({ storageKey: storedFiles.storageKey })
      : [];
    return { fileId: created?.id ?? null, previousStorageKey: previous?.storageKey ?? null };
  });
}

/** How many uploads the user has waiting to be sent with a form; a cap keeps one user from filling the disk. */
export async function countPendingUploads(userId: string, db: Database = getDb()): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(storedFiles)
    .where(and(eq(storedFiles.ownerUserId, userId), eq(storedFiles.purpose, "upload")));
  return row?.count ?? 0;
}

/** Serialises one user's uploads until the transaction ends (a transaction-scoped advisory lock). */
export async function lockPendingUploads(userId: string, db: Database): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`uploads:${userId}`}))`);
}

export async function insertStoredFile(file: NewStoredFile & { purpose: StoredFilePurpose; ownerUserId: string | null; id?: string }, db: Database = getDb()): Promise<{ id: string }> {
  const [created] = await db.insert(storedFiles).values(file).returning({ id: storedFiles.id });
  return created!;
}

export type ClaimedFile = { id: string; fileName: string; contentType: string; sizeBytes: number };

/**
 * Turns the user's own pending uploads among `fileIds` into files of `purpose` for `accountId`
 * and returns those it changed; another user's id, or one already claimed, is left alone.
 */
export async function claimPendingUploads(
  userId: string,
  fileIds: string[],
  target: { purpose: StoredFilePurpose; accountId: string },
  db: Database = getDb(),
): Promise<ClaimedFile[]> {
  if (fileIds.length === 0) return [];
  return db
    .update(storedFiles)
    .set({ purpose: target.purpose, accountId: target.accountId })
    .where(and(inArray(storedFiles.id, fileIds), eq(storedFiles.ownerUserId, userId), eq(storedFiles.purpose, "upload")))
    .returning({ id: storedFiles.id, fileName: storedFiles.fileName, contentType: storedFiles.contentType, sizeBytes: storedFiles.sizeBytes });
}

/** The user's own pending uploads among `fileIds` go; returns their storage keys for the bytes to follow. */
export async function deletePendingUploads(userId: string, fileIds: string[], db: Database = getDb()): Promise<string[]> {
  if (fileIds.length === 0) return [];
  const deleted = await db
    .delete(storedFiles)
    .where(and(inArray(storedFiles.id, fileIds), eq(storedFiles.ownerUserId, userId), eq(storedFiles.purpose, "upload")))
    .returning({ storageKey: storedFiles.storageKey });
  return deleted.map((row) => row.storageKey);
}

/** Uploads never sent with their form, older than `olderThanSeconds`: rows go now, the caller removes the bytes. */
export async function deleteStalePendingUploads(olderThanSeconds: number, db: Database = getDb()): Promise<string[]> {
  const deleted = await db
    .delete(storedFiles)
    .where(and(eq(storedFiles.purpose, "upload"), lt(storedFiles.createdAt, sql`now() - make_interval(secs => ${olderThanSeconds})`)))
    .returning({ storageKey: storedFiles.storageKey });
  return deleted.map((row) => row.storageKey);
}
