import "server-only";
import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import { platformApiKeys } from "@/db/schema";

/** What staff see of a key: never its hash. */
const keyColumns = {
  id: platformApiKeys.id,
  name: platformApiKeys.name,
  prefix: platformApiKeys.prefix,
  createdAt: platformApiKeys.createdAt,
  lastUsedAt: platformApiKeys.lastUsedAt,
  revokedAt: platformApiKeys.revokedAt,
};

export type PlatformKeyRow = { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

/** Every key, newest first; a handful of rows, so no paging. */
export async function adminListPlatformKeys(db: Database = getDb()): Promise<PlatformKeyRow[]> {
  return db.select(keyColumns).from(platformApiKeys).orderBy(desc(platformApiKeys.createdAt), desc(platformApiKeys.id));
}

export async function adminInsertPlatformKey(input: { name: string; prefix: string; keyHash: string; createdById: string }, db: Database = getDb()): Promise<PlatformKeyRow> {
  const [key] = await db.insert(platformApiKeys).values(input).returning(keyColumns);
  return key!;
}

/** Revokes a live key; null when there is no such key or it was revoked already. */
export async function adminRevokePlatformKey(keyId: string, revokedById: string, db: Database = getDb()): Promise<PlatformKeyRow | null> {
  const [key] = await db
    .update(platformApiKeys)
    .set({ revokedAt: sql`now()`, revokedById })
    .where(and(eq(platformApiKeys.id, keyId), isNull(platformApiKeys.revokedAt)))
    .returning(keyColumns);
  return key ?? null;
}

/** The live key with this hash, if any. */
export async function getLivePlatformKeyByHash(keyHash: string, db: Database = getDb()): Promise<{ id: string; name: string; lastUsedAt: Date | null } | null> {
  const [key] = await db
    .select({ id: platformApiKeys.id, name: platformApiKeys.name, lastUsedAt: platformApiKeys.lastUsedAt })
    .from(platformApiKeys)
    .where(and(eq(platformApiKeys.keyHash, keyHash), isNull(platformApiKeys.revokedAt)));
  return key ?? null;
}

/** Records a use, unless one was recorded within `withinSeconds`: a busy platform does not write on every request. */
export async function touchPlatformKey(keyId: string, withinSeconds: number, db: Database = getDb()): Promise<void> {
  await db
    .update(platformApiKeys)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(platformApiKeys.id, keyId), or(isNull(platformApiKeys.lastUsedAt), lt(platformApiKeys.lastUsedAt, sql`now() - make_interval(secs => ${withinSeconds})`))));
}
