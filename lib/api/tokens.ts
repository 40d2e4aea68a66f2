import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { createAuditEntry } from "@/db/queries/audit";
import { countLiveApiTokens, getLiveApiTokenByHash, insertApiToken, revokeApiTokenRow, touchApiToken, type ApiTokenRow, type ApiTokenUser } from "@/db/queries/api-tokens";
import { consumeRateLimit } from "@/db/queries/rate-limits";
import { inTransaction, type Transaction } from "@/db/queries/transaction";
import { getUserCredentialsById } from "@/db/queries/users";
import { recordSecurityActivity } from "@/lib/activity/service";
import type { Actor } from "@/lib/actor";
import { API_TOKENS_PER_USER_MAX, type ApiScope, type apiTokenExpiryDays } from "@/lib/constants";
import { appUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { sendMail } from "@/lib/mail";
import { notify } from "@/lib/notifications/service";
import { verifyPassword } from "@/lib/passwords";
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
export type CreateApiTokenResult =
  | { status: "ok"; token: string; row: ApiTokenRow }
  | { status: "too_many" }
  | { status: "wrong_password" }
  | { status: "rate_limited"; retryAfterSeconds: number };

// As the email change: each attempt checks the password, so a borrowed session cannot test passwords
// quickly. A developer makes a few tokens now and then; ten an hour is plenty.
export const apiTokenRateLimit = (userId: string) => ({ key: `api-token:user:${userId}`, limit: 10, windowSeconds: 60 * 60 });

function assertCustomer(actor: Actor): void {
  if (actor.role !== "customer") throw new AppError("forbidden", "Only customers hold API tokens.");
}

/**
 * Creates a personal access token for the customer, for their current password, and returns it
 * once: only its hash is kept. The owner is told in the app and by an email that always goes out,
 * like a password change: a token is a way into the account that outlives every session.
 */
export async function createApiToken(
  actor: Actor,
  input: { name: string; scopes: ApiScope[]; expiresInDays: (typeof apiTokenExpiryDays)[number] | null; currentPassword: string },
  info: RequestInfo,
  db?: Transaction,
): Promise<CreateApiTokenResult> {
  assertCustomer(actor);
  const limit = await consumeRateLimit([apiTokenRateLimit(actor.id)], db);
  if (!limit.allowed) return { status: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
  const user = await getUserCredentialsById(actor.id, db);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) return { status: "wrong_password" };
  const expiresAt = input.expiresInDays === null ? null : new Date(Date.now() + input.expiresInDays * 24 * 60 * 60 * 1000);
  return inTransaction(async (tx) => {
    const issued = await issueApiToken(actor, { name: input.name, scopes: input.scopes, expiresAt }, info, tx);
    if (issued.status !== "ok") return issued;
    await notify(actor.id, { type: "security.apiTokenCreated", params: { name: issued.row.name } }, tx);
    await recordSecurityActivity(actor.id, "security.apiTokenCreated", { name: issued.row.name }, tx);
    // `email` names the token in the text.
    await sendMail({ to: user.email, locale: user.locale, template: "apiTokenCreated", props: { name: user.name, url: `${appUrl()}/dashboard/security`, email: issued.row.name } }, tx);
    return issued;
  }, db);
}

/**
 * Stores a new token, within the per-user limit, with its audit row. It does not ask for the
 * password: only createApiToken (which does) and test fixtures call it.
 */
export async function issueApiToken(actor: Actor, input: ApiTokenInput, info: RequestInfo, db?: Transaction): Promise<{ status: "ok"; token: string; row: ApiTokenRow } | { status: "too_many" }> {
  assertCustomer(actor);
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
    await recordSecurityActivity(actor.id, "security.apiTokenRevoked", { name: revoked.name, byStaff: false }, tx);
    return { status: "ok" as const };
  }, db);
}

/** Staff revoke a customer's token (a leaked one, a suspected takeover); the customer is told. */
export async function staffRevokeApiToken(admin: Actor, input: { userId: string; tokenId: string }, info: RequestInfo, db?: Transaction): Promise<{ status: "ok" | "not_found" }> {
  assertStaff(admin);
  return inTransaction(async (tx) => {
    const revoked = await revokeApiTokenRow(input.tokenId, input.userId, admin.id, tx);
    if (!revoked) return { status: "not_found" as const };
    await createAuditEntry(
      { action: "admin.api_token_revoked", actorId: admin.id, targetUserId: input.userId, ...info, metadata: { tokenId: revoked.id, name: revoked.name, prefix: revoked.prefix } },
      tx,
    );
    await notify(input.userId, { type: "security.apiTokenRevokedByStaff", params: { name: revoked.name } }, tx);
    await recordSecurityActivity(input.userId, "security.apiTokenRevoked", { name: revoked.name, byStaff: true }, tx, { byStaff: true });
    return { status: "ok" as const };
  }, db);
}

/** What the token lists show: revoked wins over expired. */
export function apiTokenStatus(token: Pick<ApiTokenRow, "revokedAt" | "expiresAt">, now: Date = new Date()): "active" | "expired" | "revoked" {
  if (token.revokedAt) return "revoked";
  return token.expiresAt && token.expiresAt.getTime() <= now.getTime() ? "expired" : "active";
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
