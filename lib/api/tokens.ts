import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { createAuditEntry } from "@/db/queries/audit";
import { countLiveApiTokens, getLiveApiTokenByHash, insertApiToken, revokeApiTokenRow, touchApiToken, type ApiTokenRow, type ApiTokenUser } from "@/db/queries/api-tokens";
import { inTransaction, type Transaction } from "@/db/queries/transaction";
import type { Actor } from "@/lib/actor";
import { API_TOKENS_PER_USER_MAX, type ApiScope } from "@/lib/constants";
import { AppError } from "@/lib/errors";
import type { RequestInfo } from "@/lib/request-info";
import { assertStaff } from "@/lib/users/service";

/** Every token starts with this, so a leaked one is recognisable (secret scanners, logs). */
export const API_TOKEN_PREFIX = "cdk_";
/** How much of a token its owner and staff see to tell tokens apart. */
const SHOWN_CHARACTERS = API_TOKEN_PREFIX.length + 6;
/** A token's last use is written at most this often. */
const LAST_USED_RESOLUTION_SECONDS = 60;

function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export type ApiTokenInput = { name: string; scopes: ApiScope[]; expiresAt: Date | null };
export type CreateApiTokenResult = { status: "ok"; token: string; row: ApiTokenRow } | { status: "too_many" };

/** Creates a personal access token for a customer and returns it once: only its hash is kept. */
export async function createApiToken(actor: Actor, input: ApiTokenInput, info: RequestInfo, db?: Transaction): Promise<CreateApiTokenResult> {
  if (actor.role !== "customer") throw new AppError("forbidden", "Only customers hold API tokens.");
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return inTransaction(async (tx) => {
    if ((await countLiveApiTokens(actor.id, tx)) >= API_TOKENS_PER_USER_MAX) return { status: "too_many" as const };
    const row = await insertApiToken({ userId: actor.id, name: input.name, prefix: token.slice(0, SHOWN_CHARACTERS), tokenHash: hashApiToken(token), scopes: input.scopes, expiresAt: input.expiresAt }, tx);
    await createAuditEntry(
      { action: "user.api_token_created", actorId: actor.id, targetUserId: actor.id, ...info, metadata: { tokenId: row.id, name: row.name, prefix: row.prefix, scopes: row.scopes.join(" ") } },
      tx,
    );
    return { status: "ok" as const, token, row };
  }, db);
}

/** The owner revokes one of their tokens; another user's or an unknown one is not_found. */
export async function revokeApiToken(actor: Actor, tokenId: string, info: RequestInfo, db?: Transaction): Promise<{ status: "ok" | "not_found" }> {
  return inTransaction(async (tx) => {
    const revoked = await revokeApiTokenRow(tokenId, actor.id, actor.id, tx);
    if (!revoked) return { status: "not_found" as const };
    await createAuditEntry({ action: "user.api_token_revoked", actorId: actor.id, targetUserId: actor.id, ...info, metadata: { tokenId: revoked.id, name: revoked.name, prefix: revoked.prefix } }, tx);
    return { status: "ok" as const };
  }, db);
}

/** Staff revoke a customer's token. */
export async function staffRevokeApiToken(admin: Actor, input: { userId: string; tokenId: string }, info: RequestInfo, db?: Transaction): Promise<{ status: "ok" | "not_found" }> {
  assertStaff(admin);
  return inTransaction(async (tx) => {
    const revoked = await revokeApiTokenRow(input.tokenId, input.userId, admin.id, tx);
    if (!revoked) return { status: "not_found" as const };
    await createAuditEntry(
      { action: "admin.api_token_revoked", actorId: admin.id, targetUserId: input.userId, ...info, metadata: { tokenId: revoked.id, name: revoked.name, prefix: revoked.prefix } },
      tx,
    );
    return { status: "ok" as const };
  }, db);
}

/**
 * Who an API request acts for. `user` is an Actor that can never pass as staff (two-factor is never
 * "on" for a token), so no staff service is reachable with a token, whoever holds it.
 */
export type ApiCaller = { tokenId: string; scopes: ApiScope[]; expiresAt: Date | null; user: ApiTokenUser };

/** The live token an `Authorization: Bearer …` header names, or an unauthorized AppError. */
export async function authenticateApiToken(authorization: string | null, db?: Transaction): Promise<ApiCaller> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  const token = match?.[1];
  if (!token || !token.startsWith(API_TOKEN_PREFIX) || token.length > 200) throw new AppError("unauthorized", "Send a personal access token as `Authorization: Bearer cdk_…`.");
  const found = await getLiveApiTokenByHash(hashApiToken(token), db);
  if (!found || found.user.role !== "customer") throw new AppError("unauthorized", "This token is not valid, has expired or has been revoked.");
  if (!found.token.lastUsedAt || Date.now() - found.token.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_SECONDS * 1000) {
    await touchApiToken(found.token.id, LAST_USED_RESOLUTION_SECONDS, db);
  }
  return { tokenId: found.token.id, scopes: found.token.scopes, expiresAt: found.token.expiresAt, user: { ...found.user, twoFactorEnabled: false } };
}

/** Whether the token's scopes allow `scope`: write includes read. */
export function allowsScope(scopes: readonly ApiScope[], scope: ApiScope): boolean {
  if (scopes.includes(scope)) return true;
  const [area, access] = scope.split(":");
  return access === "read" && scopes.includes(`${area}:write` as ApiScope);
}
