import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { createAuditEntry } from "@/db/queries/audit";
import { adminInsertPlatformKey, adminRevokePlatformKey, getLivePlatformKeyByHash, touchPlatformKey, type PlatformKeyRow } from "@/db/queries/platform-keys";
import { inTransaction, type Transaction } from "@/db/queries/transaction";
import type { Actor } from "@/lib/actor";
import { AppError } from "@/lib/errors";
import type { RequestInfo } from "@/lib/request-info";
import { assertStaff } from "@/lib/users/service";

/** Every key starts with this, so a leaked one is recognisable (secret scanners, logs). */
export const PLATFORM_KEY_PREFIX = "cdp_";
/** How much of a key staff see to tell keys apart: the prefix and a few random characters. */
const SHOWN_CHARACTERS = PLATFORM_KEY_PREFIX.length + 6;
/** A key's last use is written at most this often. */
const LAST_USED_RESOLUTION_SECONDS = 60;

function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** Creates a key for the call platform and returns it once: only its hash is kept. */
export async function createPlatformKey(admin: Actor, input: { name: string }, info: RequestInfo, db?: Transaction): Promise<{ key: string; row: PlatformKeyRow }> {
  assertStaff(admin);
  const key = `${PLATFORM_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  const row = await inTransaction(async (tx) => {
    const created = await adminInsertPlatformKey({ name: input.name, prefix: key.slice(0, SHOWN_CHARACTERS), keyHash: hashKey(key), createdById: admin.id }, tx);
    await createAuditEntry({ action: "admin.platform_key_created", actorId: admin.id, ...info, metadata: { keyId: created.id, name: created.name, prefix: created.prefix } }, tx);
    return created;
  }, db);
  return { key, row };
}

/** Revokes a key: its next request is refused. An unknown or already revoked key is not_found. */
export async function revokePlatformKey(admin: Actor, keyId: string, info: RequestInfo, db?: Transaction): Promise<{ status: "ok" | "not_found" }> {
  assertStaff(admin);
  return inTransaction(async (tx) => {
    const revoked = await adminRevokePlatformKey(keyId, admin.id, tx);
    if (!revoked) return { status: "not_found" };
    await createAuditEntry({ action: "admin.platform_key_revoked", actorId: admin.id, ...info, metadata: { keyId: revoked.id, name: revoked.name, prefix: revoked.prefix } }, tx);
    return { status: "ok" };
  }, db);
}

/** The live key an `Authorization: Bearer …` header names, or an unauthorized AppError. */
export async function authenticatePlatformKey(authorization: string | null, db?: Transaction): Promise<{ id: string; name: string }> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  const key = match?.[1];
  if (!key || !key.startsWith(PLATFORM_KEY_PREFIX) || key.length > 200) throw new AppError("unauthorized", "Send a platform API key as `Authorization: Bearer cdp_…`.");
  const found = await getLivePlatformKeyByHash(hashKey(key), db);
  if (!found) throw new AppError("unauthorized", "This API key is not valid or has been revoked.");
  if (!found.lastUsedAt || Date.now() - found.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_SECONDS * 1000) {
    await touchPlatformKey(found.id, LAST_USED_RESOLUTION_SECONDS, db);
  }
  return { id: found.id, name: found.name };
}
