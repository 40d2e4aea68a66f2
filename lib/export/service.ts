import "server-only";
import type { Readable } from "node:stream";
import { createAuditEntry } from "@/db/queries/audit";
import { consumeRateLimit } from "@/db/queries/rate-limits";
import type { Transaction } from "@/db/queries/transaction";
import type { Actor } from "@/lib/actor";
import type { AccountMemberRole } from "@/lib/constants";
import { AppError } from "@/lib/errors";
import type { RequestInfo } from "@/lib/request-info";
import { exportArchive } from "./archive";

/** Exports per user and hour: each one reads everything, so more is load, not need. */
export const EXPORTS_PER_HOUR = 5;

export const exportRateLimit = (userId: string) => ({ key: `export:user:${userId}`, limit: EXPORTS_PER_HOUR, windowSeconds: 60 * 60 });

export class ExportRateLimited extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super("rate_limited", "You have exported your data several times this hour. Please try again later.");
  }
}

/**
 * A copy of everything held about the actor (GDPR art. 15/20), as a ZIP stream built as it is read.
 * The actor's own rows, and for the owner of a customer account the account's data; a member who is
 * not the owner gets only what is theirs in it (see `subjectFor`). Ids come from the session, never the request.
 */
export async function exportUserData(
  actor: Actor & { accountRole: AccountMemberRole | null },
  info: RequestInfo,
  db?: Transaction,
): Promise<{ fileName: string; body: Readable }> {
  const limit = await consumeRateLimit([exportRateLimit(actor.id)], db);
  if (!limit.allowed) throw new ExportRateLimited(limit.retryAfterSeconds);
  const generatedAt = new Date();
  await createAuditEntry({ action: "user.data_exported", actorId: actor.id, targetUserId: actor.id, ip: info.ip, userAgent: info.userAgent }, db);
  const body = exportArchive({ userId: actor.id, accountId: actor.accountId, accountRole: actor.accountId ? actor.accountRole : null }, { generatedAt, db });
  return { fileName: `clientdesk-export-${generatedAt.toISOString().slice(0, 10)}.zip`, body };
}
