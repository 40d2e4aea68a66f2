import "server-only";
import { createAuditEntry } from "@/db/queries/audit";
import { getCallPreferences, saveCallPreferences, type CallPreferenceValues } from "@/db/queries/call-preferences";
import { inTransaction, type Transaction } from "@/db/queries/transaction";
import type { Actor } from "@/lib/actor";
import { AppError } from "@/lib/errors";
import type { RequestInfo } from "@/lib/request-info";

/** The customer account an actor changes call settings for; any member of it may. */
export function callAccountOf(actor: Actor): string {
  if (actor.role !== "customer" || !actor.accountId) throw new AppError("forbidden", "Only customers have call settings.");
  return actor.accountId;
}

export async function getAccountCallPreferences(actor: Actor, db?: Transaction): Promise<CallPreferenceValues> {
  return getCallPreferences(callAccountOf(actor), db);
}

export type CallPreferencesResult = { status: "ok" | "unchanged" | "auto_record_needs_consent" };

/**
 * Saves the account's call preferences. Recording automatically without the account's consent to
 * recording is refused: the platform would have to drop every recording it made.
 */
export async function updateCallPreferences(actor: Actor, values: CallPreferenceValues, info: RequestInfo, db?: Transaction): Promise<CallPreferencesResult> {
  const accountId = callAccountOf(actor);
  if (values.autoRecord && !values.recordingConsent) return { status: "auto_record_needs_consent" };
  return inTransaction(async (tx) => {
    const before = await getCallPreferences(accountId, tx, { lock: true });
    const changed = (Object.keys(values) as (keyof CallPreferenceValues)[]).filter((key) => before[key] !== values[key]);
    if (changed.length === 0) return { status: "unchanged" };
    await saveCallPreferences(accountId, values, actor.id, tx);
    await createAuditEntry({ action: "user.call_preferences_updated", actorId: actor.id, targetUserId: actor.id, ...info, metadata: { accountId, changed: changed.join(","), recordingConsent: values.recordingConsent } }, tx);
    return { status: "ok" };
  }, db);
}
